package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.access.AuditVerificationReport.Problem;

/**
 * The audit trail attacked as a database superuser would attack it, with the append-only triggers switched off: an
 * edited entry, a deleted entry, a chain re-hashed after an edit (with plain SHA-256, or with a key of the attacker's
 * own), the newest entries cut off, a checkpoint forged. Each must be detected by the verification; an untouched
 * chain must verify. The attacker has the database, not the audit key nor the checkpoint file, which live outside it.
 *
 * <p>Each test runs on a database of its own, with no background sealer or checkpoint task (see {@link
 * StandaloneAudit}).
 */
class AuditForgeryTests {

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

    @BeforeEach
    void newTrail() {
        audit = StandaloneAudit.withCheckpointsAt10And20(postgres);
    }

    @Test
    void untouchedChainVerifiesAgainstTheKeyAndEveryCheckpoint() {
        audit.recordSealed("after the last checkpoint", 3);

        var report = audit.verification.verify();

        assertThat(report.intact()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(23);
        // the checkpoints at 0 (the first start), 10 and 20
        assertThat(report.checkpointsChecked()).isEqualTo(3);
        assertThat(report.latestCheckpoint()).isEqualTo(20);
        assertThat(report.summary()).startsWith("intact: 23 entries and 3 checkpoints checked");
    }

    @Test
    void editedEntryIsDetected() {
        audit.asSuperuser(() -> audit.jdbc
                .sql("update access.audit_entry set username = 'someone else'"
                        + " where id = (select entry_id from access.audit_seal where sequence = 12)")
                .update());

        var report = audit.verification.verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenSequence()).isEqualTo(12);
        assertThat(report.problem()).isEqualTo(Problem.CONTENT_CHANGED);
    }

    @Test
    void deletedEntryAndItsSealAreDetected() {
        audit.asSuperuser(() -> {
            audit.jdbc
                    .sql("delete from access.audit_entry"
                            + " where id = (select entry_id from access.audit_seal where sequence = 7)")
                    .update();
            audit.jdbc.sql("delete from access.audit_seal where sequence = 7").update();
        });

        var report = audit.verification.verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenSequence()).isEqualTo(7);
        assertThat(report.problem()).isEqualTo(Problem.ENTRY_MISSING);
    }

    @Test
    void editedEntryWithTheChainReHashedWithPlainSha256IsDetected() {
        audit.asSuperuser(() -> {
            audit.jdbc
                    .sql("update access.audit_entry set detail = 'nothing to see'"
                            + " where id = (select entry_id from access.audit_seal where sequence = 5)")
                    .update();
            // every hash from the edit to the head recomputed, every link made to fit, marked as the old scheme
            audit.rehashFrom(5, StandaloneAudit::sha256, AuditChain.UNKEYED);
        });

        var report = audit.verification.verify();

        assertThat(report.intact()).isFalse();
        // a plain hash after the first checkpoint (0) can only come from someone without the key
        assertThat(report.firstBrokenSequence()).isEqualTo(5);
        assertThat(report.problem()).isEqualTo(Problem.NOT_KEYED);
    }

    @Test
    void editedEntryWithTheChainReHashedUnderTheAttackersOwnKeyIsDetected() {
        var attackersKey = AuditKey.random();
        audit.asSuperuser(() -> {
            audit.jdbc
                    .sql("update access.audit_entry set detail = 'nothing to see'"
                            + " where id = (select entry_id from access.audit_seal where sequence = 5)")
                    .update();
            audit.rehashFrom(5, attackersKey::mac, AuditChain.KEYED);
        });

        var report = audit.verification.verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenSequence()).isEqualTo(5);
        assertThat(report.problem()).isEqualTo(Problem.CONTENT_CHANGED);
        // every entry from the edit to the head (5 to 20), and both signed checkpoints after the edit (10, 20)
        assertThat(report.problems()).isEqualTo(16 + 2);
    }

    @Test
    void chainReHashedWithTheRightKeyStillDiffersFromTheSignedCheckpoints() {
        // the strongest forger: someone who also stole the audit key and re-hashed after an edit. The checkpoints
        // were signed before, outside the database, and still name the original hashes
        audit.asSuperuser(() -> {
            audit.jdbc
                    .sql("update access.audit_entry set detail = 'nothing to see'"
                            + " where id = (select entry_id from access.audit_seal where sequence = 5)")
                    .update();
            audit.rehashFrom(5, audit.key::mac, AuditChain.KEYED);
        });

        var report = audit.verification.verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenSequence()).isEqualTo(10);
        assertThat(report.problem()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
    }

    @Test
    void newestEntriesCutOffBelowTheLatestCheckpointAreDetected() {
        // entries 16 to 20 deleted with their seals: the chain is intact up to its new end, 15
        audit.asSuperuser(() -> {
            audit.jdbc
                    .sql("delete from access.audit_entry"
                            + " where id in (select entry_id from access.audit_seal where sequence > 15)")
                    .update();
            audit.jdbc.sql("delete from access.audit_seal where sequence > 15").update();
        });

        var report = audit.verification.verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenSequence()).isEqualTo(16);
        assertThat(report.problem()).isEqualTo(Problem.TAIL_CUT);
        assertThat(report.latestCheckpoint()).isEqualTo(20);
        // and the platform refuses to sign the shortened chain
        assertThatThrownBy(() -> audit.checkpoints.publish()).hasMessageContaining("before the last checkpoint at 20");
    }

    @Test
    void cutOffTailWithNewEntriesAppendedIsStillDetected() {
        // the forger cuts 16 to 20 and lets the platform seal new entries in their place
        audit.asSuperuser(() -> {
            audit.jdbc
                    .sql("delete from access.audit_entry"
                            + " where id in (select entry_id from access.audit_seal where sequence > 15)")
                    .update();
            audit.jdbc.sql("delete from access.audit_seal where sequence > 15").update();
        });
        audit.recordSealed("in their place", 8);

        var report = audit.verification.verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenSequence()).isEqualTo(20);
        assertThat(report.problem()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
        assertThatThrownBy(() -> audit.checkpoints.publish()).hasMessageContaining("does not extend");
    }

    @Test
    void checkpointLineNotSignedByTheAuditKeyIsReported() throws Exception {
        var forger = AuditKey.random();
        var unsigned = new AuditCheckpoints.Checkpoint(25, "f".repeat(64), Instant.now(), forger.keyId(), "");
        var forged = new AuditCheckpoints.Checkpoint(
                25, "f".repeat(64), unsigned.at(), forger.keyId(), forger.sign(unsigned.signed()));
        Files.writeString(audit.checkpointFile, forged.line() + "\n", StandardOpenOption.APPEND);

        var report = audit.verification.verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.problem()).isEqualTo(Problem.CHECKPOINT_INVALID);
        // the forged line anchors nothing: the latest valid checkpoint is still 20
        assertThat(report.latestCheckpoint()).isEqualTo(20);
    }

    @Test
    void checkpointIsSignedOnlyForAChainThatExtendsTheLastOne() {
        audit.recordSealed("evening", 5);
        audit.asSuperuser(() -> audit.jdbc
                .sql("update access.audit_entry set detail = 'nothing to see'"
                        + " where id = (select entry_id from access.audit_seal where sequence = 23)")
                .update());

        assertThatThrownBy(() -> audit.checkpoints.publish()).hasMessageContaining("does not extend");
        assertThat(audit.checkpoints.latest(10).checkpoints())
                .extracting(AuditCheckpoints.Checkpoint::sequence)
                .containsExactly(0L, 10L, 20L);
    }
}
