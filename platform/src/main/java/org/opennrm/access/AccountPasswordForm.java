package org.opennrm.access;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new password: set by an administrator (only {@code newPassword}) or by the account holder, who
 * also gives the current one and the new one twice.
 */
record AccountPasswordForm(
        String currentPassword,

        @NotNull(message = "{account.password.tooShort}")
        @Size(min = AccountManagement.MINIMUM_PASSWORD_LENGTH, max = 200, message = "{account.password.tooShort}")
        String newPassword,

        String repeatPassword) {

    static AccountPasswordForm empty() {
        return new AccountPasswordForm("", "", "");
    }

    @Override
    public String toString() {
        return "AccountPasswordForm[hidden]";
    }
}
