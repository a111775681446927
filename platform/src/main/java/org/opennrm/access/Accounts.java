package org.opennrm.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All accounts, stored in {@code access.account}. Saving checks the version: no edit is lost silently. */
@Repository
class Accounts {

    private static final String COLUMNS = """
            id, username, display_name, email, organisation_id, password_hash, roles, enabled, failed_sign_ins,
            locked_until, totp_secret, totp_confirmed_at, recovery_codes, version""";

    private final JdbcClient jdbc;
    private final AccountChanges changes;

    Accounts(JdbcClient jdbc, AccountChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from access.account where lower(username) = lower(:username)")
                .param("username", username)
                .query(Accounts::map)
                .optional();
    }

    /** Display names by account id, in one query; ids that match no account are left out. */
    Map<UUID, String> displayNames(Collection<UUID> ids) {
        var names = new HashMap<UUID, String>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, display_name from access.account where id = any(:ids)")
                    .param("ids", ids.toArray(UUID[]::new))
                    .query(rs -> {
                        names.put(rs.getObject("id", UUID.class), rs.getString("display_name"));
                    });
        }
        return names;
    }

    Optional<Account> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from access.account where id = :id")
                .param("id", id)
                .query(Accounts::map)
                .optional();
    }

    /** The account with this e-mail address (ignoring case); the first by user name if several share it. */
    Optional<Account> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS
                        + " from access.account where lower(email) = lower(:email) order by lower(username) limit 1")
                .param("email", email)
                .query(Accounts::map)
                .optional();
    }

    List<Account> findAll() {
        return jdbc.sql("select " + COLUMNS + " from access.account order by lower(username)")
                .query(Accounts::map)
                .list();
    }

    /** Id and display name of the enabled accounts with a role: no password hash or secret leaves the table. */
    Map<UUID, String> enabledWithRole(Role role) {
        var names = new HashMap<UUID, String>();
        jdbc.sql("select id, display_name from access.account where enabled and :role = any(roles)")
                .param("role", role.name())
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("display_name"));
                });
        return names;
    }

    List<Account> findByOrganisation(UUID organisationId) {
        return jdbc.sql("select " + COLUMNS
                        + " from access.account where organisation_id = :org order by lower(username)")
                .param("org", organisationId)
                .query(Accounts::map)
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from access.account").query(Long.class).single();
    }

    void insert(Account account) {
        jdbc.sql("""
                        insert into access.account (id, username, display_name, email, organisation_id, password_hash,
                            roles, enabled, failed_sign_ins, locked_until, totp_secret, totp_confirmed_at,
                            recovery_codes, version)
                        values (:id, :username, :displayName, :email, :organisationId, :passwordHash,
                            :roles::varchar[], :enabled, :failedSignIns, :lockedUntil, :totpSecret, :totpConfirmedAt,
                            :recoveryCodes::varchar[], 0)""").paramSource(parameters(account)).update();
    }

    /** Writes the account if nobody changed it since it was read; otherwise tells the caller. */
    void update(Account account) {
        int rows = jdbc.sql("""
                        update access.account set display_name = :displayName, email = :email,
                            password_hash = :passwordHash, roles = :roles::varchar[], enabled = :enabled,
                            failed_sign_ins = :failedSignIns, locked_until = :lockedUntil, totp_secret = :totpSecret,
                            totp_confirmed_at = :totpConfirmedAt, recovery_codes = :recoveryCodes::varchar[],
                            totp_last_step = case when cast(:totpSecret as text) is null then null else totp_last_step end,
                            version = version + 1
                        where id = :id and version = :version""").paramSource(parameters(account)).update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("Account " + account.id() + " was changed by someone else");
        }
        changes.changed();
    }

    /**
     * Writes only the sign-in counters and recovery codes, without a new version: signing in is not an
     * edit of the account, and must not make an administrator's open edit form stale.
     */
    /** Whether the account must choose a new password before anything else; false for an account that is gone. */
    boolean passwordChangeRequired(UUID id) {
        return jdbc.sql("select password_change_required from access.account where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void requirePasswordChange(UUID id, boolean required) {
        jdbc.sql("update access.account set password_change_required = :required where id = :id")
                .param("id", id)
                .param("required", required)
                .update();
        changes.changed();
    }

    void updateSignInState(Account account) {
        jdbc.sql("""
                        update access.account set failed_sign_ins = :failedSignIns, locked_until = :lockedUntil,
                            recovery_codes = :recoveryCodes::varchar[]
                        where id = :id""").paramSource(parameters(account)).update();
    }

    /**
     * Uses up the time step of an accepted authenticator code atomically: true only for the one request that moved
     * the account's last step forward to it, false for a code of that step or an earlier one (a replay).
     */
    boolean useTotpStep(java.util.UUID accountId, long step) {
        return jdbc.sql("""
                        update access.account set totp_last_step = :step
                        where id = :id and (totp_last_step is null or totp_last_step < :step)""").param("id", accountId).param("step", step).update() == 1;
    }

    /** Uses up a recovery code atomically: true only for the one request that removed it. */
    boolean consumeRecoveryCode(java.util.UUID accountId, String hash) {
        return jdbc.sql("""
                        update access.account set recovery_codes = array_remove(recovery_codes, :hash)
                        where id = :id and :hash = any(recovery_codes)""").param("id", accountId).param("hash", hash).update() == 1;
    }

    private static java.util.Map<String, Object> parameters(Account account) {
        var map = new HashMap<String, Object>();
        map.put("id", account.id());
        map.put("username", account.username());
        map.put("displayName", account.displayName());
        map.put("email", account.email());
        map.put("organisationId", account.organisationId());
        map.put("passwordHash", account.passwordHash());
        map.put(
                "roles",
                arrayLiteral(account.roles().stream().map(Role::name).sorted().toList()));
        map.put("enabled", account.enabled());
        map.put("failedSignIns", account.failedSignIns());
        map.put("lockedUntil", account.lockedUntil() == null ? null : Timestamp.from(account.lockedUntil()));
        map.put("totpSecret", account.totpSecret());
        map.put(
                "totpConfirmedAt",
                account.totpConfirmedAt() == null ? null : Timestamp.from(account.totpConfirmedAt()));
        map.put("recoveryCodes", arrayLiteral(account.recoveryCodeHashes()));
        map.put("version", account.version());
        return map;
    }

    /** A PostgreSQL array literal; the values here are enum names and hex hashes, never free text. */
    static String arrayLiteral(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "{", "}"));
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : strings(rs.getArray("roles"))) {
            roles.add(Role.valueOf(role));
        }
        Timestamp lockedUntil = rs.getTimestamp("locked_until");
        Timestamp totpConfirmedAt = rs.getTimestamp("totp_confirmed_at");
        return new Account(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("email"),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("password_hash"),
                roles,
                rs.getBoolean("enabled"),
                rs.getInt("failed_sign_ins"),
                lockedUntil == null ? null : lockedUntil.toInstant(),
                rs.getString("totp_secret"),
                totpConfirmedAt == null ? null : totpConfirmedAt.toInstant(),
                strings(rs.getArray("recovery_codes")),
                rs.getInt("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
