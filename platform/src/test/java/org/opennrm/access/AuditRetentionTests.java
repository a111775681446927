package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.access.AuditVerificationReport.Problem;

/**
 * Retention of the audit trail: the oldest entries go, but only up to a signed checkpoint, only when the chain up to
 * it verifies, and the verification afterwards starts at that checkpoint and still detects every forgery: entries
 * deleted beyond the cut, and a cut that the retention job did not make. The attacker is a database superuser
 * without the audit key or the checkpoint file, as in {@link AuditForgeryTests}.
 */
class AuditRetentionTests {

    private static EmbeddedPostgres postgres;

    private StandaloneAudit audit;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    /** Checkpoints at 0 (the first start), 10 and 20, and three entries after the last. */
    @BeforeEach
    void newTrail() {
        audit = StandaloneAudit.withCheckpointsAt10And20(postgres);
        audit.recordSealed("evening", 3);
    }

    @Test
    void entriesOlderThanThePeriodGoUpToTheNewestCheckpointBeforeThemAndTheRestStillVerifies() {
        // everything up to entry 20 is older than the cut-off; the checkpoint at 20 is not (its entry is the cut-off)
        Instant cutoff = audit.entry(20).recordedAt();

        var pruned = audit.retention.prune(cutoff).orElseThrow();

        assertThat(pruned.upTo()).isEqualTo(10);
        assertThat(pruned.entries()).isEqualTo(10);
        assertThat(count("select count(*) from access.audit_trail where sequence <= 10"))
                .isZero();
        var report = audit.verification.verify();
        assertThat(report.intact()).isTrue();
        // 11 to 23, and the pruning's own entry
        assertThat(report.entriesChecked()).isEqualTo(14);
        // nothing more is due until a newer checkpoint is older than the cut-off
        assertThat(audit.retention.prune(cutoff)).isEmpty();
    }

    @Test
    void aSecondPruningStartsWhereTheFirstEndedAndVerificationFollowsTheNewest() {
        audit.retention.prune(audit.entry(20).recordedAt()).orElseThrow();
        audit.checkpoints.publish();

        var second = audit.retention.prune(Instant.now().plusSeconds(1)).orElseThrow();

        assertThat(second.upTo()).isGreaterThan(20);
        assertThat(audit.verification.verify().intact()).isTrue();
    }

    @Test
    void entriesDeletedBeyondThePruningAreSeen() {
        audit.retention.prune(audit.entry(20).recordedAt()).orElseThrow();

        audit.asSuperuser(() -> {
            audit.jdbc
                    .sql("delete from access.audit_entry where id in"
                            + " (select entry_id from access.audit_seal where sequence in (11, 12))")
                    .update();
            audit.jdbc
                    .sql("delete from access.audit_seal where sequence in (11, 12)")
                    .update();
        });

        var report = audit.verification.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenSequence()).isEqualTo(11);
        assertThat(report.problem()).isEqualTo(Problem.ENTRY_MISSING);
    }

    @Test
    void aPruningTheRetentionJobDidNotMakeIsSeenThoughItEndsAtASignedCheckpoint() {
        var signedHash = audit.entry(10).hash();
        audit.asSuperuser(() -> {
            audit.jdbc
                    .sql("delete from access.audit_entry where id in"
                            + " (select entry_id from access.audit_seal where sequence <= 10)")
                    .update();
            audit.jdbc.sql("delete from access.audit_seal where sequence <= 10").update();
            audit.jdbc.sql("""
                            insert into access.audit_prune (up_to_sequence, hash, entries, pruned_at)
                            values (10, :hash, 10, now())""").param("hash", signedHash).update();
        });

        var report = audit.verification.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.problem()).isEqualTo(Problem.PRUNE_UNANCHORED);
    }

    @Test
    void entriesRemovedWithoutAnyPruningRecordAreSeenAsMissing() {
        audit.asSuperuser(() -> {
            audit.jdbc
                    .sql("delete from access.audit_entry where id in"
                            + " (select entry_id from access.audit_seal where sequence <= 10)")
                    .update();
            audit.jdbc.sql("delete from access.audit_seal where sequence <= 10").update();
        });

        var report = audit.verification.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenSequence()).isEqualTo(1);
    }

    @Test
    void aDamagedChainIsKeptWholeAsEvidence() {
        audit.asSuperuser(() -> audit.jdbc
                .sql("update access.audit_entry set detail = 'nothing to see' where id ="
                        + " (select entry_id from access.audit_seal where sequence = 5)")
                .update());

        assertThatThrownBy(() -> audit.retention.prune(Instant.now().plusSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not verify");
        assertThat(count("select count(*) from access.audit_trail where sequence <= 20"))
                .isEqualTo(20);
    }

    @Test
    void outsideAPruningNothingMayDeleteAnEntryNorAPruningRecord() {
        assertThatThrownBy(() -> audit.jdbc
                        .sql("delete from access.audit_seal where sequence = 1")
                        .update())
                .hasMessageContaining("append-only");
        audit.retention.prune(audit.entry(20).recordedAt()).orElseThrow();
        assertThatThrownBy(
                        () -> audit.jdbc.sql("delete from access.audit_prune").update())
                .hasMessageContaining("append-only");
    }

    private long count(String sql) {
        return audit.jdbc.sql(sql).query(Long.class).single();
    }
}
