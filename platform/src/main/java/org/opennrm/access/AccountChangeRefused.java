package org.opennrm.access;

import org.opennrm.RuleViolation;

/**
 * A change to an account that a rule forbids: an administrator removing their own administrator role or
 * disabling themselves (an installation must never lose its last way in), an account left without a
 * role, or a wrong current password. Pages show the message under {@link #messageKey()}.
 */
public class AccountChangeRefused extends RuleViolation {

    AccountChangeRefused(String messageKey, String message) {
        super(messageKey, message);
    }

    static AccountChangeRefused ownAdministratorRole() {
        return new AccountChangeRefused(
                "account.refused.ownAdministrator",
                "You cannot remove your own administrator role: ask another administrator to do it.");
    }

    static AccountChangeRefused disableSelf() {
        return new AccountChangeRefused(
                "account.refused.disableSelf",
                "You cannot disable your own account: ask another administrator to do it.");
    }

    static AccountChangeRefused noRole() {
        return new AccountChangeRefused("account.refused.noRole", "An account needs at least one role.");
    }

    static AccountChangeRefused wrongCurrentPassword() {
        return new AccountChangeRefused("account.refused.currentPassword", "The current password is not correct.");
    }
}
