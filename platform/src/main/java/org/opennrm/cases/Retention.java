package org.opennrm.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.UUID;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditRetention;
import org.opennrm.access.AuditTrail;
import org.opennrm.linkage.UploadRetention;
import org.opennrm.screening.ScreeningRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention job: every night ({@code opennrm.retention.cron}) it removes what has been kept for its period
 * ({@link RetentionSettings}) and records what it did in the audit trail, one {@link AuditAction#RETENTION_APPLIED}
 * entry with the number of records of each kind (no content, no ids).
 *
 * <ul>
 *   <li>closed cases closed longer ago than their period are erased ({@link Erasure}): identity and free text go,
 *       the reference, codes and dates stay for the statistics and the audit trail;
 *   <li>anonymous notifications recorded longer ago than theirs are deleted;
 *   <li>screenings that led to no referral are deleted after theirs;
 *   <li>the encodings of lists uploaded for linkage runs are removed after theirs;
 *   <li>audit entries older than the audit period are removed up to the newest signed checkpoint before them
 *       ({@link AuditRetention}), never when the chain does not verify.
 * </ul>
 *
 * A case on legal hold is left alone. Several nodes may run the job at the same moment: one takes a database lock
 * for it and the others skip that night.
 */
@Component
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    /** The advisory lock of the job: one node at a time. */
    private static final long LOCK = 0x0e7e471041L;

    /** What one run removed. */
    public record Applied(
            int closedCasesErased,
            int anonymousNotifications,
            int screenings,
            int linkageUploads,
            String auditEntries) {

        String detail() {
            return "closed-cases-erased=" + closedCasesErased + " anonymous-notifications=" + anonymousNotifications
                    + " screenings=" + screenings + " linkage-uploads=" + linkageUploads + " audit-entries="
                    + auditEntries;
        }
    }

    private final RetentionSettings settings;
    private final JdbcClient jdbc;
    private final Erasure erasure;
    private final ScreeningRetention screenings;
    private final UploadRetention uploads;
    private final AuditTrail audit;
    private final AuditRetention auditRetention;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Retention(
            RetentionSettings settings,
            JdbcClient jdbc,
            Erasure erasure,
            ScreeningRetention screenings,
            UploadRetention uploads,
            AuditTrail audit,
            AuditRetention auditRetention,
            TransactionTemplate transactions,
            Clock clock) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.erasure = erasure;
        this.screenings = screenings;
        this.uploads = uploads;
        this.audit = audit;
        this.auditRetention = auditRetention;
        this.transactions = transactions;
        this.clock = clock;
    }

    public RetentionSettings settings() {
        return settings;
    }

    @Scheduled(cron = "${opennrm.retention.cron:0 30 2 * * *}")
    void nightly() {
        var applied = apply(clock.instant());
        log.info("Retention applied: {}", applied == null ? "another node runs it" : applied.detail());
    }

    /**
     * Removes what is due at {@code now}, audited; {@code null} when another node is running the job. One
     * transaction, all or nothing: the audit entry says exactly what was removed.
     */
    public Applied apply(Instant now) {
        // the audit trail first, in transactions of its own (it seals the chain and checks it before cutting it)
        String auditEntries = pruneAuditTrail(now);
        return transactions.execute(status -> {
            Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
                    .param("lock", LOCK)
                    .query(Boolean.class)
                    .single();
            if (!Boolean.TRUE.equals(locked)) {
                return null;
            }
            int erased = 0;
            var dueCases = jdbc.sql("""
                            select id from cases.case_file
                            where status = 'CLOSED' and closed_at < :cutoff
                              and erased_at is null and legal_hold_since is null""")
                    .param("cutoff", Timestamp.from(before(now, settings.closedCase())))
                    .query(UUID.class)
                    .list();
            for (UUID id : dueCases) {
                erasure.eraseCase(new CaseId(id));
                erased++;
            }
            int notifications = jdbc.sql("delete from cases.anonymous_notification where recorded_at < :cutoff")
                    .param("cutoff", Timestamp.from(before(now, settings.anonymousNotification())))
                    .update();
            var referred = jdbc.sql("select distinct screening_id from cases.case_file where screening_id is not null")
                    .query(UUID.class)
                    .list();
            int screened =
                    screenings.removeUnreferredBefore(before(now, settings.screeningWithoutReferral()), referred);
            int lists = uploads.removeUploadsBefore(before(now, settings.linkageUpload()));
            var applied = new Applied(erased, notifications, screened, lists, auditEntries);
            audit.record(AuditAction.RETENTION_APPLIED, "retention", null, applied.detail());
            return applied;
        });
    }

    /**
     * Removes audit entries older than the audit period, up to a signed checkpoint ({@link AuditRetention}); "refused"
     * when the chain does not verify, which leaves the whole trail in place as evidence and is logged for the
     * operator.
     */
    private String pruneAuditTrail(Instant now) {
        try {
            return Long.toString(auditRetention
                    .prune(before(now, settings.audit()))
                    .map(AuditRetention.Pruned::entries)
                    .orElse(0L));
        } catch (IllegalStateException damaged) {
            log.error("Audit entries not removed: {}", damaged.getMessage());
            return "refused";
        }
    }

    private static Instant before(Instant now, Period period) {
        return now.atZone(ZoneOffset.UTC).minus(period).toInstant();
    }
}
