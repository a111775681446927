package org.opennrm.access;

import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.OrganisationDetails;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.Sector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets up an empty production installation: the first organisation (the national co-ordinator) and its first
 * administrator, who must choose a new password and enrol an authenticator at the first sign-in. Run once, by the
 * operator command {@code bootstrap} or by {@code OPENNRM_BOOTSTRAP=true} at start; it refuses an installation that
 * holds any organisation or account, so that it can never add an administrator to a running NRM.
 *
 * <p>Settings ({@code opennrm.bootstrap.*}, from the environment as {@code OPENNRM_BOOTSTRAP_*}): {@code
 * organisation}, {@code username}, {@code display-name}, {@code email}, and optionally {@code password} (at least
 * the minimum length); without a password one is made and shown once.
 */
@Service
public class Bootstrap {

    private final OrganisationRegistry organisations;
    private final AccountManagement accounts;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Settings settings;
    private final SecureRandom random = new SecureRandom();

    /** What the first organisation and administrator are called. */
    public record Settings(String organisation, String username, String displayName, String email, String password) {

        @Override
        public String toString() {
            return "Bootstrap.Settings[" + organisation + ", " + username + "]";
        }
    }

    /** What was created; the password is shown once, when it was made here. */
    public record Created(String organisation, String username, String password, boolean passwordGenerated) {

        @Override
        public String toString() {
            return "Bootstrap.Created[" + organisation + ", " + username + "]";
        }
    }

    /** An installation that already holds organisations or accounts: nothing is added to it. */
    public static class InstallationNotEmpty extends RuntimeException {
        InstallationNotEmpty(long organisations, long accounts) {
            super("This installation is not empty (" + organisations + " organisations, " + accounts + " accounts):"
                    + " bootstrap creates the first administrator of an empty installation only. Administrators"
                    + " create further accounts on the Accounts page.");
        }
    }

    Bootstrap(
            OrganisationRegistry organisations,
            AccountManagement accounts,
            JdbcClient jdbc,
            AuditTrail audit,
            @Value("${opennrm.bootstrap.organisation:National Co-ordinator's Office}") String organisation,
            @Value("${opennrm.bootstrap.username:admin}") String username,
            @Value("${opennrm.bootstrap.display-name:Administrator}") String displayName,
            @Value("${opennrm.bootstrap.email:}") String email,
            @Value("${opennrm.bootstrap.password:}") String password) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.audit = audit;
        this.settings = new Settings(organisation, username, displayName, email, password);
    }

    /** Creates the first organisation and administrator from the settings; refuses a non-empty installation. */
    @Transactional
    public Created run() {
        return run(settings);
    }

    @Transactional
    public Created run(Settings wanted) {
        // two nodes started with OPENNRM_BOOTSTRAP=true at once: the second waits, then finds the first one's work
        jdbc.sql("select pg_advisory_xact_lock(hashtext('opennrm-bootstrap'))")
                .query()
                .singleRow();
        long organisationCount = organisations.count();
        long accountCount = accounts.count();
        if (organisationCount > 0 || accountCount > 0) {
            throw new InstallationNotEmpty(organisationCount, accountCount);
        }
        if (blank(wanted.organisation()) || blank(wanted.username()) || blank(wanted.displayName())) {
            throw new IllegalArgumentException(
                    "Give the organisation, the user name and the display name of the first administrator.");
        }
        boolean generated = blank(wanted.password());
        String password = generated ? newPassword() : wanted.password();
        var organisation = organisations.register(new OrganisationDetails(
                wanted.organisation().strip(),
                Sector.OTHER,
                Set.of(NrmRole.NATIONAL_COORDINATOR),
                Set.of(),
                Set.of(),
                List.of()));
        var account = accounts.create(new AccountManagement.NewAccount(
                wanted.username().strip(),
                wanted.displayName().strip(),
                blank(wanted.email()) ? null : wanted.email().strip(),
                organisation.id(),
                Set.of(Role.ADMINISTRATOR),
                password));
        accounts.requirePasswordChange(account.id());
        audit.record(AuditAction.ACCOUNT_CREATED, "installation", organisation.id(), "bootstrap: first administrator");
        return new Created(organisation.name(), account.username(), password, generated);
    }

    private String newPassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
        var password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
