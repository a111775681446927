package org.opennrm.access;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.opennrm.access.AccountManagement.AccountChange;

/** The page form for changing an account, carrying the version it was read at. */
record AccountEditForm(
        @NotBlank(message = "{account.displayName.required}")
        @Size(max = 200, message = "{account.displayName.tooLong}")
        String displayName,

        @Email(message = "{account.email.invalid}") @Size(max = 320, message = "{account.email.invalid}")
        String email,

        @NotEmpty(message = "{account.roles.required}") Set<Role> roles,
        int version) {

    static AccountEditForm of(Account account) {
        return new AccountEditForm(
                account.displayName(),
                account.email() == null ? "" : account.email(),
                account.roles(),
                account.version());
    }

    public boolean has(Role role) {
        return roles != null && roles.contains(role);
    }

    AccountChange toChange() {
        return new AccountChange(displayName, AccountForm.blankToNull(email), roles);
    }

    @Override
    public String toString() {
        return "AccountEditForm[" + roles + ", version " + version + "]";
    }
}
