package org.opennrm.access;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.opennrm.access.AccountManagement.NewAccount;

/** The page form for a new account. */
record AccountForm(
        @NotBlank(message = "{account.username.required}")
        @Size(max = 100, message = "{account.username.tooLong}")
        @Pattern(regexp = "[A-Za-z0-9._@-]*", message = "{account.username.invalid}")
        String username,

        @NotBlank(message = "{account.displayName.required}")
        @Size(max = 200, message = "{account.displayName.tooLong}")
        String displayName,

        @Email(message = "{account.email.invalid}") @Size(max = 320, message = "{account.email.invalid}")
        String email,

        @NotNull(message = "{account.organisation.required}")
        UUID organisationId,

        @NotEmpty(message = "{account.roles.required}") Set<Role> roles,

        @NotNull(message = "{account.password.tooShort}")
        @Size(min = AccountManagement.MINIMUM_PASSWORD_LENGTH, max = 200, message = "{account.password.tooShort}")
        String password) {

    static AccountForm empty() {
        return new AccountForm("", "", "", null, Set.of(), "");
    }

    public boolean has(Role role) {
        return roles != null && roles.contains(role);
    }

    NewAccount toNewAccount() {
        return new NewAccount(username.strip(), displayName, blankToNull(email), organisationId, roles, password);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "AccountForm[" + organisationId + ", " + roles + "]";
    }
}
