package org.opennrm.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Checks that nobody edited, deleted or re-ordered a past entry of the audit trail: walks the chain in
 * sequence order, recomputes every hash, and checks each entry's link to the one before and that no
 * sequence number is missing.
 *
 * <p>Reads the chain in pages by sequence, so that memory stays constant however long the trail grows.
 * A check is itself recorded ({@link AuditAction#AUDIT_VERIFIED}), after it ran, so that the entry it
 * adds is checked next time.
 *
 * <p>The chain cannot reveal entries cut off at its end: keep the head ({@link
 * AuditVerificationReport#lastSequence()} and {@link AuditVerificationReport#lastHash()}) of each
 * check somewhere outside the database to detect that too.
 */
@Service
public class AuditVerification {

    static final int DEFAULT_PAGE_SIZE = 10_000;

    static final String COLUMNS = """
            sequence, recorded_at, account_id, username, organisation_id, action, record_type, record_id, detail,
            remote_address, previous_hash, hash""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final AuditChain chain;
    private final Clock clock;
    private final int pageSize;

    @Autowired
    AuditVerification(JdbcClient jdbc, AuditTrail audit, AuditChain chain, Clock clock) {
        this(jdbc, audit, chain, clock, DEFAULT_PAGE_SIZE);
    }

    AuditVerification(JdbcClient jdbc, AuditTrail audit, AuditChain chain, Clock clock, int pageSize) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.chain = chain;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /**
     * Verifies the whole chain as it stands when the check starts, then records the check. Callers
     * authorise: the pages and the API need {@code audit:read:all}; the command runs as the operator.
     */
    public AuditVerificationReport verify() {
        long started = System.nanoTime();
        Instant at = clock.instant();
        // what was recorded before the check started belongs in the check: seal it first
        chain.seal();
        // entries appended while the check runs are left for the next check: the walk must end
        long head = jdbc.sql("select coalesce(max(sequence), 0) from access.audit_seal")
                .query(Long.class)
                .single();
        var walk = new Walk();
        long after = 0;
        while (after < head) {
            // seal first, entry joined: a seal whose entry was deleted leaves a gap, reported as a missing entry
            List<AuditEntry> page = jdbc.sql("select " + COLUMNS + " from access.audit_seal seal"
                            + " join access.audit_entry entry on entry.id = seal.entry_id"
                            + " where sequence > :after and sequence <= :head order by sequence limit :size")
                    .param("after", after)
                    .param("head", head)
                    .param("size", pageSize)
                    .query(AuditVerification::entry)
                    .list();
            if (page.isEmpty()) {
                break;
            }
            page.forEach(walk::check);
            after = page.getLast().sequence();
        }
        if (walk.expected <= head && walk.firstBroken == null) {
            // the last entries up to the head are gone (deleted after the head was read)
            walk.broken(walk.expected, AuditVerificationReport.Problem.ENTRY_MISSING);
        }
        var report = new AuditVerificationReport(
                walk.firstBroken == null,
                walk.checked,
                walk.firstBroken,
                walk.problem,
                walk.problems,
                walk.lastSequence,
                walk.lastHash,
                at,
                Duration.ofNanos(System.nanoTime() - started));
        audit.record(AuditAction.AUDIT_VERIFIED, "audit", null, report.summary());
        return report;
    }

    /** The state of one walk along the chain: what was expected next and what broke first. */
    private static final class Walk {
        long expected = 1;
        String previousHash = AuditTrail.GENESIS;
        long checked;
        long problems;
        Long firstBroken;
        AuditVerificationReport.Problem problem;
        long lastSequence;
        String lastHash;

        void check(AuditEntry entry) {
            checked++;
            if (entry.sequence() != expected) {
                broken(expected, AuditVerificationReport.Problem.ENTRY_MISSING);
            } else if (!entry.previousHash().equals(previousHash)) {
                broken(entry.sequence(), AuditVerificationReport.Problem.LINK_BROKEN);
            } else if (entry.action() == null
                    || !AuditTrail.hashOf(entry, entry.previousHash()).equals(entry.hash())) {
                broken(entry.sequence(), AuditVerificationReport.Problem.CONTENT_CHANGED);
            }
            // go on from what is stored, so that one break is reported once, not at every later entry
            expected = entry.sequence() + 1;
            previousHash = entry.hash();
            lastSequence = entry.sequence();
            lastHash = entry.hash();
        }

        void broken(long sequence, AuditVerificationReport.Problem what) {
            problems++;
            if (firstBroken == null) {
                firstBroken = sequence;
                problem = what;
            }
        }
    }

    /** An action no version of the platform writes can only come from an edit: the hash check reports it. */
    private static AuditAction actionOf(String stored) {
        try {
            return AuditAction.valueOf(stored);
        } catch (IllegalArgumentException edited) {
            return null;
        }
    }

    static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getObject("sequence", Long.class),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getObject("account_id", UUID.class),
                rs.getString("username"),
                rs.getObject("organisation_id", UUID.class),
                actionOf(rs.getString("action")),
                rs.getString("record_type"),
                rs.getString("record_id"),
                rs.getString("detail"),
                rs.getString("remote_address"),
                rs.getString("previous_hash"),
                rs.getString("hash"));
    }
}
