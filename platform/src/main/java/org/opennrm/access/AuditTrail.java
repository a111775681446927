package org.opennrm.access;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail: who (account, organisation) did what to which record, when and from where. Every
 * module calls it for every read or change of personal data. Entries are append-only and chained with keyed hashes.
 *
 * <p>Entries hold ids and codes, never names of persons or other personal data in {@code detail}.
 *
 * <p>An entry is written in the transaction of the work it records and sealed into the chain by {@link
 * AuditChain} shortly after that transaction commits. The entry itself is never changed: its seal (sequence
 * number and hashes) is kept beside it, in {@code access.audit_seal}.
 */
@Service
@NamedInterface("audit")
public class AuditTrail {

    /** The hash before the first entry. */
    static final String GENESIS = "0".repeat(64);

    /**
     * The entry written and queued for sealing, as a statement's {@code with} clause that the statement's own
     * query follows; its parameters by {@link #bind}.
     */
    private static final String ENTRY = """
            with audit_recorded as (
                insert into access.audit_entry (recorded_at, account_id, username, organisation_id,
                    action, record_type, record_id, detail, remote_address)
                values (:auditRecordedAt, :auditAccountId, :auditUsername, :auditOrganisationId, :auditAction,
                    :auditRecordType, :auditRecordId, :auditDetail, :auditRemoteAddress)
                returning id),
            audit_queued as (insert into access.audit_unsealed (entry_id) select id from audit_recorded)
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an action of the current actor on a record, in the caller's transaction if there is one. */
    public void record(AuditAction action, String recordType, Object recordId) {
        record(action, recordType, recordId, null);
    }

    /**
     * Records an action of the current actor on a record. In the caller's transaction if there is one, so that
     * the entry is rolled back with the work it records. Without one (a read), the entry is written by itself:
     * its one statement writes the entry and queues it for sealing, all or nothing, and is committed before the
     * caller goes on (a read that can be one statement is better recorded by {@link #readRecorded}). A
     * transaction of its own would add a round trip to the database to every audited read for nothing. No annotation is needed for either: {@link JdbcClient} takes the
     * connection of the caller's transaction when there is one (and a declared {@code SUPPORTS} cost 1 % of
     * the CPU time of a case page in the transaction interceptor, for nothing it changed).
     */
    public void record(AuditAction action, String recordType, Object recordId, String detail) {
        append(entryOfCurrentActor(action, recordType, recordId, detail));
    }

    /**
     * Records the same action of the current actor on several records, in one statement: all the entries or none,
     * in the order given, in the caller's transaction if there is one and otherwise committed before the caller goes
     * on. A search that shows fifty cases logs fifty reads before it shows them; fifty statements without a
     * transaction were fifty commits, each waiting for the disk, and most of a search's time.
     */
    public void recordAll(AuditAction action, String recordType, java.util.List<?> recordIds, String detail) {
        if (recordIds.isEmpty()) {
            return;
        }
        String[] ids = recordIds.stream().map(String::valueOf).toArray(String[]::new);
        // the casts give PostgreSQL the types a select list cannot take from the insert's columns
        bind(jdbc.sql("""
                        with audit_recorded as (
                            insert into access.audit_entry (recorded_at, account_id, username, organisation_id,
                                action, record_type, record_id, detail, remote_address)
                            select cast(:auditRecordedAt as timestamptz), cast(:auditAccountId as uuid),
                                cast(:auditUsername as varchar), cast(:auditOrganisationId as uuid),
                                cast(:auditAction as varchar), cast(:auditRecordType as varchar), r.id,
                                cast(:auditDetail as varchar), cast(:auditRemoteAddress as varchar)
                            from unnest(cast(:auditRecordIds as varchar[])) with ordinality as r(id, n)
                            order by r.n
                            returning id),
                        audit_queued as (insert into access.audit_unsealed (entry_id) select id from audit_recorded)
                        select count(*) from audit_recorded"""), entryOfCurrentActor(action, recordType, null, detail))
                .param("auditRecordIds", ids)
                .query(Long.class)
                .single();
    }

    /**
     * Reads a record and records the read, in one statement: the entry is written (and queued for sealing) by
     * the statement that reads, so a read is never returned without its entry, and an entry that cannot be
     * written fails the read. One round trip to the database instead of two, on the most frequent audited
     * action there is: a case manager opening a case file.
     *
     * <p>{@code query} is the caller's own {@code select} (its module's tables, its parameters); this class adds
     * only the entry in front of it. The entry is written whether or not the query finds a row: an attempt to
     * read a record that is not there is worth keeping too. It runs in the caller's transaction if there is one
     * (which must not be read-only), and otherwise commits before the rows are returned.
     *
     * @param query a {@code select} without a {@code with} clause of its own, whose parameters do not start
     *     with {@code audit}
     */
    public <T> Optional<T> readRecorded(
            String recordType, Object recordId, String query, Map<String, ?> parameters, RowMapper<T> rows) {
        if (!query.stripLeading().regionMatches(true, 0, "select", 0, "select".length())) {
            throw new IllegalArgumentException("A recorded read is one select statement without a with clause");
        }
        if (parameters.keySet().stream().anyMatch(name -> name.startsWith("audit"))) {
            throw new IllegalArgumentException("Parameters starting with audit are the entry's");
        }
        return bind(jdbc.sql(ENTRY + query), entryOfCurrentActor(AuditAction.READ, recordType, recordId, null))
                .params(parameters)
                .query(rows)
                .optional();
    }

    private AuditEntry entryOfCurrentActor(AuditAction action, String recordType, Object recordId, String detail) {
        var actor = Actor.current();
        return new AuditEntry(
                null,
                now(),
                actor.map(Actor::accountId).orElse(null),
                actor.map(Actor::username).orElse(null),
                actor.map(Actor::organisationId).orElse(null),
                action,
                recordType,
                recordId == null ? null : recordId.toString(),
                detail,
                remoteAddress(),
                null,
                null);
    }

    /**
     * Records an action about an account that is not (or not yet) the current actor: sign-in, failed
     * sign-in, lock-out. Runs in its own transaction so that a failed sign-in is kept even when the
     * surrounding work is rolled back.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFor(UUID accountId, String username, UUID organisationId, AuditAction action, String detail) {
        append(new AuditEntry(
                null,
                now(),
                accountId,
                username,
                organisationId,
                action,
                "account",
                accountId == null ? null : accountId.toString(),
                detail,
                remoteAddress(),
                null,
                null));
    }

    /**
     * Inserts the entry unsealed, in the caller's transaction: no lock and no read of the chain's head, so
     * audited reads do not wait for each other. The same statement queues the entry for {@link AuditChain},
     * which seals it once the transaction has committed (and never, if it is rolled back).
     */
    private void append(AuditEntry entry) {
        // the with clause does all the work; PostgreSQL runs its inserts whatever the query after it reads
        bind(jdbc.sql(ENTRY + "select 1"), entry).query(Integer.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, AuditEntry entry) {
        return statement
                .param("auditRecordedAt", Timestamp.from(entry.recordedAt()))
                .param("auditAccountId", entry.accountId())
                .param("auditUsername", entry.username())
                .param("auditOrganisationId", entry.organisationId())
                .param("auditAction", entry.action().name())
                .param("auditRecordType", entry.recordType())
                .param("auditRecordId", entry.recordId())
                .param("auditDetail", entry.detail())
                .param("auditRemoteAddress", entry.remoteAddress());
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: hash what the database will give back
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    /**
     * The text a seal's hash covers: the entry's fields, its sequence number and the hash before it, in a fixed
     * order with separators. Seals are keyed ({@link AuditKey#mac}); those written before version 240 of the schema
     * are plain SHA-256 of the same text ({@link #hashOf}).
     */
    static String canonical(AuditEntry entry, String previousHash) {
        return String.join(
                "\u001f",
                Long.toString(entry.sequence()),
                entry.recordedAt().toString(),
                Objects.toString(entry.accountId(), ""),
                Objects.toString(entry.username(), ""),
                Objects.toString(entry.organisationId(), ""),
                entry.action().name(),
                Objects.toString(entry.recordType(), ""),
                Objects.toString(entry.recordId(), ""),
                Objects.toString(entry.detail(), ""),
                Objects.toString(entry.remoteAddress(), ""),
                previousHash);
    }

    /** The unkeyed SHA-256 hash of a seal written before version 240 of the schema, which anyone can recompute. */
    static String hashOf(AuditEntry entry, String previousHash) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(digest.digest(canonical(entry, previousHash).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
