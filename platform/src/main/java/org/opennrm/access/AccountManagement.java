package org.opennrm.access;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opennrm.RecordNotFound;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating accounts and changing what they may do: the facade of the access module for accounts.
 *
 * <p>Every change is audited: role changes as {@link AuditAction#PERMISSION_CHANGED} with the old and new
 * role names, other changes as {@link AuditAction#ACCOUNT_CHANGED}, and every read of an account by an
 * administrator or co-ordinator as {@link AuditAction#READ}. An administrator can neither remove their
 * own administrator role nor disable themselves, so that an installation never loses its last way in.
 */
@Service
public class AccountManagement {

    /** NIST SP 800-63B: at least 8 characters for chosen passwords; we ask 12 of people handling case files. */
    static final int MINIMUM_PASSWORD_LENGTH = 12;

    private static final String RECORD_TYPE = "account";

    private final Accounts accounts;
    private final OrganisationRegistry organisations;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final DisplayNames displayNames;

    AccountManagement(
            Accounts accounts,
            OrganisationRegistry organisations,
            PasswordEncoder passwords,
            AuditTrail audit,
            DisplayNames displayNames) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.passwords = passwords;
        this.audit = audit;
        this.displayNames = displayNames;
    }

    /** What an administrator states when creating an account. */
    public record NewAccount(
            String username, String displayName, String email, UUID organisationId, Set<Role> roles, String password) {}

    /** What an administrator may change of an existing account (the user name and organisation stay). */
    public record AccountChange(String displayName, String email, Set<Role> roles) {}

    /**
     * Which accounts to list: text found in the user name or display name, one organisation, one role. A
     * criterion left {@code null} (or blank) does not filter.
     */
    public record AccountSearch(String text, UUID organisationId, Role role) {

        public static AccountSearch everyone() {
            return new AccountSearch(null, null, null);
        }

        boolean matches(Account account) {
            return (text == null || text.isBlank() || contains(account.username()) || contains(account.displayName()))
                    && (organisationId == null || organisationId.equals(account.organisationId()))
                    && (role == null || account.roles().contains(role));
        }

        private boolean contains(String value) {
            return value != null
                    && value.toLowerCase(Locale.ROOT).contains(text.strip().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Creates an account without checking who asks: for setting up an installation (the demo seed, tests)
     * before anyone can sign in. People create accounts through {@link #register(NewAccount)}.
     */
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
        audit.record(AuditAction.ACCOUNT_CREATED, RECORD_TYPE, account.id(), "roles " + roleNames(request.roles()));
        return account;
    }

    /** An administrator creates an account for a person of a partner organisation. */
    @PreAuthorize("hasAuthority('accounts:manage:all')")
    @Transactional
    public Account register(NewAccount request) {
        if (request.roles() == null || request.roles().isEmpty()) {
            throw AccountChangeRefused.noRole();
        }
        return create(request);
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(UUID id) {
        return accounts.findById(id);
    }

    /**
     * The display names of the given accounts: what a page shows of the professionals it mentions (a
     * decision-maker, a guardian). Ids that match no account are left out. Names are kept for a while (see
     * {@link DisplayNames}), so no transaction is opened here.
     */
    public Map<UUID, String> displayNames(Collection<UUID> ids) {
        return displayNames.of(ids);
    }

    /**
     * Who can be chosen for a task that needs a role (a child's guardian): the enabled accounts with that role, by
     * id, with their display names and nothing else.
     */
    @Transactional(readOnly = true)
    public Map<UUID, String> enabledWithRole(Role role) {
        return accounts.enabledWithRole(role);
    }

    @Transactional(readOnly = true)
    public List<Account> all() {
        return accounts.findAll();
    }

    @Transactional(readOnly = true)
    public long count() {
        return accounts.count();
    }

    @PreAuthorize("hasAuthority('accounts:read:all')")
    @Transactional(readOnly = true)
    public List<Account> search(AccountSearch search) {
        return accounts.findAll().stream().filter(search::matches).toList();
    }

    /** One account, as an administrator or co-ordinator reads it; the read is audited. */
    @PreAuthorize("hasAuthority('accounts:read:all')")
    @Transactional
    public Account read(UUID id) {
        var account = load(id);
        audit.record(AuditAction.READ, RECORD_TYPE, id);
        return account;
    }

    /**
     * Changes display name, e-mail and roles of the account as it was at {@code version}; throws
     * {@link OptimisticLockingFailureException} when someone changed it since.
     */
    @PreAuthorize("hasAuthority('accounts:manage:all')")
    @Transactional
    public Account change(UUID id, int version, AccountChange change) {
        var account = loadAt(id, version);
        boolean profileChanged =
                !account.displayName().equals(change.displayName().strip())
                        || !java.util.Objects.equals(account.email(), change.email());
        if (profileChanged) {
            account.changeProfile(change.displayName(), change.email());
            audit.record(AuditAction.ACCOUNT_CHANGED, RECORD_TYPE, id, "display name or e-mail");
        }
        changeRoles(account, change.roles());
        accounts.update(account);
        return load(id);
    }

    /** Changes only the roles of the account as it was at {@code version}. */
    @PreAuthorize("hasAuthority('accounts:manage:all')")
    @Transactional
    public Account changeRoles(UUID id, int version, Set<Role> roles) {
        var account = loadAt(id, version);
        changeRoles(account, roles);
        accounts.update(account);
        return load(id);
    }

    @PreAuthorize("hasAuthority('accounts:manage:all')")
    @Transactional
    public void disable(UUID id) {
        if (isCurrentActor(id)) {
            throw AccountChangeRefused.disableSelf();
        }
        var account = load(id);
        account.disable();
        accounts.update(account);
        audit.record(AuditAction.ACCOUNT_CHANGED, RECORD_TYPE, id, "disabled");
    }

    @PreAuthorize("hasAuthority('accounts:manage:all')")
    @Transactional
    public void enable(UUID id) {
        var account = load(id);
        account.enable();
        accounts.update(account);
        audit.record(AuditAction.ACCOUNT_CHANGED, RECORD_TYPE, id, "enabled");
    }

    /** Lifts a lock-out after failed sign-ins before it ends by itself. */
    @PreAuthorize("hasAuthority('accounts:manage:all')")
    @Transactional
    public void unlock(UUID id) {
        var account = load(id);
        account.unlock();
        accounts.update(account);
        audit.record(AuditAction.ACCOUNT_CHANGED, RECORD_TYPE, id, "unlocked");
    }

    /** Forgets the authenticator and recovery codes: the person enrols a new authenticator at next sign-in. */
    @PreAuthorize("hasAuthority('accounts:manage:all')")
    @Transactional
    public void resetSecondFactor(UUID id) {
        var account = load(id);
        account.resetSecondFactor();
        accounts.update(account);
        audit.record(AuditAction.SECOND_FACTOR_RESET, RECORD_TYPE, id);
    }

    /** Sets a new password, for a person who forgot theirs; they should change it once signed in. */
    @PreAuthorize("hasAuthority('accounts:manage:all')")
    @Transactional
    public void setPassword(UUID id, String password) {
        checkPassword(password);
        var account = load(id);
        account.changePassword(passwords.encode(password));
        accounts.update(account);
        audit.record(AuditAction.PASSWORD_CHANGED, RECORD_TYPE, id, "set by an administrator");
    }

    /** The account of the person signed in now. */
    @PreAuthorize("hasAuthority('SIGNED_IN')")
    @Transactional(readOnly = true)
    public Account own() {
        var actor = Actor.current().orElseThrow(() -> new RecordNotFound(RECORD_TYPE, "current"));
        return load(actor.accountId());
    }

    /** The person signed in changes their own password, proving they know the current one. */
    @PreAuthorize("hasAuthority('SIGNED_IN')")
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        var account = own();
        if (currentPassword == null
                || account.passwordHash() == null
                || !passwords.matches(currentPassword, account.passwordHash())) {
            throw AccountChangeRefused.wrongCurrentPassword();
        }
        checkPassword(newPassword);
        account.changePassword(passwords.encode(newPassword));
        accounts.update(account);
        accounts.requirePasswordChange(account.id(), false);
        audit.record(AuditAction.PASSWORD_CHANGED, RECORD_TYPE, account.id(), "by the account holder");
    }

    /** Whether the signed-in person must choose a new password before anything else (a bootstrapped account). */
    @PreAuthorize("hasAuthority('SIGNED_IN')")
    @Transactional(readOnly = true)
    public boolean ownPasswordChangeRequired() {
        return accounts.passwordChangeRequired(own().id());
    }

    /** Makes an account choose a new password at its next sign-in, before anything else. */
    @Transactional
    void requirePasswordChange(UUID id) {
        accounts.requirePasswordChange(id, true);
    }

    static void checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MINIMUM_PASSWORD_LENGTH) {
            throw new PasswordTooWeak(MINIMUM_PASSWORD_LENGTH);
        }
    }

    private void changeRoles(Account account, Set<Role> wanted) {
        Set<Role> roles = wanted == null ? Set.of() : Set.copyOf(wanted);
        if (roles.isEmpty()) {
            throw AccountChangeRefused.noRole();
        }
        Set<Role> before = account.roles();
        if (before.equals(roles)) {
            return;
        }
        if (isCurrentActor(account.id())
                && before.contains(Role.ADMINISTRATOR)
                && !roles.contains(Role.ADMINISTRATOR)) {
            throw AccountChangeRefused.ownAdministratorRole();
        }
        account.changeRoles(roles);
        audit.record(
                AuditAction.PERMISSION_CHANGED,
                RECORD_TYPE,
                account.id(),
                "roles " + roleNames(before) + " -> " + roleNames(roles));
    }

    private Account load(UUID id) {
        return accounts.findById(id).orElseThrow(() -> new RecordNotFound(RECORD_TYPE, id));
    }

    private Account loadAt(UUID id, int version) {
        var account = load(id);
        if (account.version() != version) {
            throw new OptimisticLockingFailureException("Account " + id + " was changed by someone else");
        }
        return account;
    }

    private static boolean isCurrentActor(UUID accountId) {
        return Actor.current().map(a -> a.accountId().equals(accountId)).orElse(false);
    }

    private static String roleNames(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }
}
