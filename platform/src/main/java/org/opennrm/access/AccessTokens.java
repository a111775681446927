package org.opennrm.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for API clients. A token carries a subset of its owner's grants and never more:
 * at each use its grants are cut to what the owner holds now, so removing a role also narrows the token.
 * Only a SHA-256 hash of the token is stored; the token itself is shown once, when created.
 */
@Service
public class AccessTokens {

    private static final int AUDIT_DETAIL_LIMIT = 500;

    static final String PREFIX = "onrm_";

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccessTokens(JdbcClient jdbc, Accounts accounts, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token's details as its owner sees them (never the token itself). */
    public record AccessToken(
            UUID id,
            String name,
            Set<Grant> grants,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt) {

        public boolean isActive(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    /** A newly created token: the value is shown to its owner once and cannot be read again. */
    public record CreatedToken(AccessToken token, String value) {}

    @Transactional
    public CreatedToken create(Actor owner, String name, Set<Grant> wanted, Instant expiresAt) {
        var beyond = wanted.stream()
                .filter(w -> owner.grants().stream().noneMatch(g -> g.covers(w)))
                .map(Grant::authority)
                .sorted()
                .toList();
        if (!beyond.isEmpty()) {
            throw new TokenBeyondOwnerRights(beyond);
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("A token needs at least one permission");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        var id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into access.access_token (id, account_id, name, token_hash, grants, created_at, expires_at)
                        values (:id, :account, :name, :hash, :grants::varchar[], :now, :expires)""")
                .param("id", id)
                .param("account", owner.accountId())
                .param("name", name.strip())
                .param("hash", hash(value))
                .param(
                        "grants",
                        Accounts.arrayLiteral(
                                wanted.stream().map(Grant::authority).sorted().toList()))
                .param("now", Timestamp.from(now))
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
        String granted = wanted.stream().map(Grant::authority).sorted().collect(Collectors.joining(" "));
        audit.record(
                AuditAction.TOKEN_CREATED,
                "access-token",
                id,
                // the audit detail holds 500 characters: a token of every grant of several roles lists more (the
                // grants themselves are kept whole with the token)
                granted.length() <= AUDIT_DETAIL_LIMIT ? granted : granted.substring(0, AUDIT_DETAIL_LIMIT - 1) + "…");
        return new CreatedToken(
                new AccessToken(id, name.strip(), Set.copyOf(wanted), now, expiresAt, null, null), value);
    }

    @Transactional(readOnly = true)
    public List<AccessToken> of(Actor owner) {
        return jdbc.sql("select * from access.access_token where account_id = :account order by created_at desc")
                .param("account", owner.accountId())
                .query((rs, row) -> new AccessToken(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        Arrays.stream((String[]) rs.getArray("grants").getArray())
                                .map(Grant::parse)
                                .collect(Collectors.toSet()),
                        rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("expires_at")),
                        instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    /** Revokes one of the owner's tokens; a token of anyone else is treated as not existing. */
    @Transactional
    public boolean revoke(Actor owner, UUID tokenId) {
        int rows = jdbc.sql("""
                        update access.access_token set revoked_at = :now
                        where id = :id and account_id = :account and revoked_at is null""")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", tokenId)
                .param("account", owner.accountId())
                .update();
        if (rows == 1) {
            audit.record(AuditAction.TOKEN_REVOKED, "access-token", tokenId);
        }
        return rows == 1;
    }

    /** The actor a presented token stands for, with grants cut to what both token and owner hold now. */
    @Transactional
    Optional<Actor> authenticate(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        var row = jdbc.sql("""
                        select id, account_id, grants from access.access_token
                        where token_hash = :hash and revoked_at is null and (expires_at is null or expires_at > :now)""")
                .param("hash", hash(value))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Object[] {
                    rs.getObject("id", UUID.class),
                    rs.getObject("account_id", UUID.class),
                    Arrays.stream((String[]) rs.getArray("grants").getArray())
                            .map(Grant::parse)
                            .collect(Collectors.toSet())
                })
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        var account =
                accounts.findById((UUID) row.get()[1]).filter(Account::enabled).filter(a -> !a.isLocked(now));
        if (account.isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Set<Grant> tokenGrants = (Set<Grant>) row.get()[2];
        Actor owner = account.get().actor();
        Set<Grant> effective = tokenGrants.stream()
                .filter(t -> owner.grants().stream().anyMatch(g -> g.covers(t)))
                .collect(Collectors.toSet());
        jdbc.sql("update access.access_token set last_used_at = :now where id = :id")
                .param("now", Timestamp.from(now))
                .param("id", row.get()[0])
                .update();
        return Optional.of(
                new Actor(owner.accountId(), owner.username(), owner.organisationId(), owner.roles(), effective));
    }

    static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
