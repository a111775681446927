package org.opennrm.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating accounts and changing what they may do: the facade of the access module for accounts. */
@Service
public class AccountManagement {

    /** NIST SP 800-63B: at least 8 characters for chosen passwords; we ask 12 of people handling case files. */
    static final int MINIMUM_PASSWORD_LENGTH = 12;

    private final Accounts accounts;
    private final OrganisationRegistry organisations;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    AccountManagement(
            Accounts accounts, OrganisationRegistry organisations, PasswordEncoder passwords, AuditTrail audit) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** What an administrator states when creating an account. */
    public record NewAccount(
            String username, String displayName, String email, UUID organisationId, Set<Role> roles, String password) {}

    @Transactional
    public Account create(NewAccount request) {
        if (accounts.findByUsername(request.username()).isPresent()) {
            throw new AccountAlreadyExists(request.username());
        }
        if (organisations.find(request.organisationId()).isEmpty()) {
            throw new IllegalArgumentException("No such organisation: " + request.organisationId());
        }
        checkPassword(request.password());
        var account = Account.create(
                request.username(), request.displayName(), request.email(), request.organisationId(), request.roles());
        account.changePassword(passwords.encode(request.password()));
        accounts.insert(account);
        audit.record(AuditAction.ACCOUNT_CREATED, "account", account.id(), "roles " + request.roles());
        return account;
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(UUID id) {
        return accounts.findById(id);
    }

    @Transactional(readOnly = true)
    public List<Account> all() {
        return accounts.findAll();
    }

    @Transactional(readOnly = true)
    public long count() {
        return accounts.count();
    }

    static void checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MINIMUM_PASSWORD_LENGTH) {
            throw new PasswordTooWeak(MINIMUM_PASSWORD_LENGTH);
        }
    }
}
