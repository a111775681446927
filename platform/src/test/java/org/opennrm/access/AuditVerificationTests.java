package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.AuditVerificationReport.Problem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

@PlatformTest
class AuditVerificationTests {

    /** The id of the entry sealed with sequence number {@code :s}. */
    private static final String ENTRY_OF = "(select entry_id from access.audit_seal where sequence = :s)";

    @Autowired
    AuditVerification verification;

    @Autowired
    AuditTrail audit;

    @Autowired
    AuditChain chain;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    KeyRotation rotation;

    @Autowired
    Bootstrap bootstrap;

    @Autowired
    AuditKey key;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void untouchedChainVerifiesIntact() {
        recordSome("untouched", 3);

        var report = verification.verify();

        assertThat(report.intact()).isTrue();
        assertThat(report.firstBrokenSequence()).isNull();
        assertThat(report.problem()).isNull();
        assertThat(report.entriesChecked()).isEqualTo(report.lastSequence()).isGreaterThanOrEqualTo(3);
        assertThat(report.lastHash()).isEqualTo(hashOf(report.lastSequence()));
    }

    @Test
    void verificationIsRecordedAfterTheCheck() {
        var report = verification.verify();
        chain.seal();

        var last = jdbc.sql("select sequence, action, record_type, detail from access.audit_trail"
                        + " where sequence is not null order by sequence desc limit 1")
                .query()
                .singleRow();
        assertThat(last.get("sequence")).isEqualTo(report.lastSequence() + 1);
        assertThat(last.get("action")).isEqualTo("AUDIT_VERIFIED");
        assertThat(last.get("record_type")).isEqualTo("audit");
        assertThat((String) last.get("detail")).startsWith("intact: " + report.entriesChecked() + " entries");
    }

    @Test
    void chainReadInSmallPagesVerifiesTheSameAsInOne() {
        recordSome("paged", 7);
        var smallPages = new AuditVerification(jdbc, audit, chain, key, checkpoints, clock, 3);

        var paged = smallPages.verify();
        var whole = verification.verify();

        assertThat(paged.intact()).isTrue();
        // the whole-chain check ran after the paged one and so also saw the entry that recorded it
        assertThat(whole.entriesChecked()).isEqualTo(paged.entriesChecked() + 1);
    }

    @Test
    void editedDetailOfAPastEntryBreaksTheChainAtThatEntry() {
        long tampered = recordSome("edited", 3);
        try {
            asSuperuser(() -> jdbc.sql("update access.audit_entry set detail = 'nothing to see' where id = " + ENTRY_OF)
                    .param("s", tampered)
                    .update());

            var report = verification.verify();

            assertThat(report.intact()).isFalse();
            assertThat(report.firstBrokenSequence()).isEqualTo(tampered);
            assertThat(report.problem()).isEqualTo(Problem.CONTENT_CHANGED);
            assertThat(report.problems()).isEqualTo(1);
            assertThat(report.summary()).startsWith("broken at sequence " + tampered + ": content changed");
        } finally {
            asSuperuser(() -> jdbc.sql("update access.audit_entry set detail = 'edited 0' where id = " + ENTRY_OF)
                    .param("s", tampered)
                    .update());
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void deletedEntryIsReportedMissing() {
        long deleted = recordSome("deleted", 3);
        Map<String, Object> row = jdbc.sql("select * from access.audit_entry where id = " + ENTRY_OF)
                .param("s", deleted)
                .query()
                .singleRow();
        try {
            asSuperuser(() -> jdbc.sql("delete from access.audit_entry where id = " + ENTRY_OF)
                    .param("s", deleted)
                    .update());

            var report = verification.verify();

            assertThat(report.intact()).isFalse();
            assertThat(report.firstBrokenSequence()).isEqualTo(deleted);
            assertThat(report.problem()).isEqualTo(Problem.ENTRY_MISSING);
            assertThat(report.summary()).contains("entry missing");
        } finally {
            asSuperuser(() -> jdbc.sql("insert into access.audit_entry (id, recorded_at, account_id, username,"
                            + " organisation_id, action, record_type, record_id, detail, remote_address)"
                            + " values (:id, :recorded_at, :account_id, :username,"
                            + " :organisation_id, :action, :record_type, :record_id, :detail, :remote_address)")
                    .params(row)
                    .update());
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void entryRewrittenWithAFreshUnkeyedHashIsReportedChanged() {
        long rewritten = recordSome("rewritten", 3);
        var original = entry(rewritten);
        var forged = new AuditEntry(
                original.sequence(),
                original.recordedAt(),
                original.accountId(),
                original.username(),
                original.organisationId(),
                original.action(),
                original.recordType(),
                original.recordId(),
                "nothing to see",
                original.remoteAddress(),
                original.previousHash(),
                null);
        try {
            // someone who knows the hash function but not the key recomputes this entry's hash as plain SHA-256
            asSuperuser(() -> {
                jdbc.sql("update access.audit_entry set detail = :detail where id = " + ENTRY_OF)
                        .param("detail", forged.detail())
                        .param("s", rewritten)
                        .update();
                jdbc.sql("update access.audit_seal set hash = :hash where sequence = :s")
                        .param("hash", AuditTrail.hashOf(forged, forged.previousHash()))
                        .param("s", rewritten)
                        .update();
            });

            var report = verification.verify();

            assertThat(report.intact()).isFalse();
            assertThat(report.firstBrokenSequence()).isEqualTo(rewritten);
            assertThat(report.problem()).isEqualTo(Problem.CONTENT_CHANGED);
            // and the next entry still points at the hash the platform made
            assertThat(report.problems()).isEqualTo(2);
        } finally {
            asSuperuser(() -> {
                jdbc.sql("update access.audit_entry set detail = :detail where id = " + ENTRY_OF)
                        .param("detail", original.detail())
                        .param("s", rewritten)
                        .update();
                jdbc.sql("update access.audit_seal set hash = :hash where sequence = :s")
                        .param("hash", original.hash())
                        .param("s", rewritten)
                        .update();
            });
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void applicationCannotChangeDeleteOrTruncateEntries() {
        long sequence = recordSome("append-only", 1);

        assertThatThrownBy(() -> jdbc.sql("update access.audit_entry set detail = 'x' where id = " + ENTRY_OF)
                        .param("s", sequence)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from access.audit_entry where id = " + ENTRY_OF)
                        .param("s", sequence)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate access.audit_entry").update())
                .hasMessageContaining("append-only");
        // the chain beside the entries is append-only too
        assertThatThrownBy(() -> jdbc.sql("update access.audit_seal set hash = repeat('0', 64) where sequence = :s")
                        .param("s", sequence)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from access.audit_seal where sequence = :s")
                        .param("s", sequence)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate access.audit_seal").update())
                .hasMessageContaining("append-only");
        assertThat(entry(sequence).detail()).isEqualTo("append-only 0");
    }

    @Test
    void entriesAreSealedIntoTheChainInTheOrderTheyWereRecorded() {
        String recordId = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            audit.record(AuditAction.READ, "sealing-test", recordId, "order " + i);
        }
        var unsealed = jdbc.sql("select count(*) from access.audit_trail where record_id = :id and hash is null")
                .param("id", recordId)
                .query(Long.class)
                .single();

        chain.seal();

        var details = jdbc.sql("select detail from access.audit_trail where record_id = :id order by sequence")
                .param("id", recordId)
                .query(String.class)
                .list();
        assertThat(unsealed).isBetween(0L, 5L);
        assertThat(details).containsExactly("order 0", "order 1", "order 2", "order 3", "order 4");
        assertThat(jdbc.sql("select count(*) from access.audit_trail where hash is null")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from access.audit_unsealed")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void entryOfWorkThatWasRolledBackIsNeitherKeptNorQueuedForSealing() {
        String recordId = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> {
            audit.record(AuditAction.READ, "sealing-test", recordId, "rolled back");
            assertThat(jdbc.sql("select count(*) from access.audit_unsealed u join access.audit_entry e"
                                    + " on e.id = u.entry_id where e.record_id = :id")
                            .param("id", recordId)
                            .query(Long.class)
                            .single())
                    .isOne();
            status.setRollbackOnly();
        });

        chain.seal();

        assertThat(jdbc.sql("select count(*) from access.audit_trail where record_id = :id")
                        .param("id", recordId)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void unsealedEntryCannotBeEditedAndASealedOneCannotBeResealed() {
        String recordId = UUID.randomUUID().toString();
        // in one transaction the entry is not committed, so the background sealer cannot have sealed it yet
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    audit.record(AuditAction.READ, "sealing-test", recordId, "unsealed");
                    jdbc.sql("update access.audit_entry set detail = 'x' where record_id = :id")
                            .param("id", recordId)
                            .update();
                }))
                .hasMessageContaining("append-only");

        audit.record(AuditAction.READ, "sealing-test", recordId, "sealed");
        chain.seal();
        assertThatThrownBy(() -> jdbc.sql("update access.audit_seal set sequence = sequence + 1000000,"
                                + " hash = repeat('0', 64)"
                                + " where entry_id in (select id from access.audit_entry where record_id = :id)")
                        .param("id", recordId)
                        .update())
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("select detail from access.audit_entry where record_id = :id")
                        .param("id", recordId)
                        .query(String.class)
                        .list())
                .containsExactly("sealed");
    }

    @Test
    void verifyCommandPrintsTheReportAndExitsWithOneWhenTheChainIsBroken() {
        var commands = new Commands(
                context,
                verification,
                checkpoints,
                key,
                rotation,
                bootstrap,
                new MockEnvironment().withProperty(Commands.PROPERTY, "verify-audit"));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        checkpoints.publish();

        assertThat(commands.run("verify-audit", new PrintStream(out), new PrintStream(err)))
                .isZero();
        assertThat(out.toString())
                .startsWith("Audit trail intact: ")
                .contains("Last entry: ")
                .contains("Latest signed checkpoint: ");

        long tampered = recordSome("command", 1);
        out.reset();
        try {
            asSuperuser(() -> jdbc.sql("update access.audit_entry set detail = 'edited' where id = " + ENTRY_OF)
                    .param("s", tampered)
                    .update());

            assertThat(commands.run("verify-audit", new PrintStream(out), new PrintStream(err)))
                    .isEqualTo(1);
            assertThat(out.toString()).startsWith("Audit trail broken at sequence " + tampered + ": content changed");
        } finally {
            asSuperuser(() -> jdbc.sql("update access.audit_entry set detail = 'command 0' where id = " + ENTRY_OF)
                    .param("s", tampered)
                    .update());
        }
    }

    @Test
    void checkpointCommandSignsTheHeadAndAnyEd25519ToolChecksItWithThePrintedKey() throws Exception {
        var commands = new Commands(
                context,
                verification,
                checkpoints,
                key,
                rotation,
                bootstrap,
                new MockEnvironment().withProperty(Commands.PROPERTY, "audit-checkpoint"));
        recordSome("checkpoint command", 1);
        var out = new ByteArrayOutputStream();
        var pem = new ByteArrayOutputStream();

        assertThat(commands.run("audit-checkpoint", new PrintStream(out), System.err))
                .isZero();
        assertThat(commands.run("audit-public-key", new PrintStream(pem), System.err))
                .isZero();

        String line = out.toString().lines().toList().getLast();
        var checkpoint = AuditCheckpoints.Checkpoint.parse(line).orElseThrow();
        assertThat(checkpoint.sequence()).isEqualTo(chain.head().sequence());
        // the JDK's own Ed25519, not the library that signed: what an operator's openssl does with the same PEM
        var publicKey = java.security.KeyFactory.getInstance("Ed25519")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(java.util.Base64.getMimeDecoder()
                        .decode(pem.toString()
                                .replace("-----BEGIN PUBLIC KEY-----", "")
                                .replace("-----END PUBLIC KEY-----", ""))));
        var verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(("opennrm-audit-checkpoint v1 " + checkpoint.sequence() + " " + checkpoint.hash() + " "
                        + checkpoint.at())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(verifier.verify(java.util.Base64.getDecoder().decode(checkpoint.signature())))
                .isTrue();
        // nothing new since: the command says so and signs nothing
        out.reset();
        assertThat(commands.run("audit-checkpoint", new PrintStream(out), System.err))
                .isZero();
        assertThat(out.toString()).contains("already covers");
    }

    @Test
    void unknownCommandExitsWithTwo() {
        var commands = new Commands(
                context,
                verification,
                checkpoints,
                key,
                rotation,
                bootstrap,
                new MockEnvironment().withProperty(Commands.PROPERTY, "tidy-up"));
        var err = new ByteArrayOutputStream();

        assertThat(commands.run("tidy-up", System.out, new PrintStream(err))).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown command: tidy-up");
    }

    /** Records entries about a new record; answers the sequence of the first, which is then a past entry. */
    private long recordSome(String label, int count) {
        String recordId = UUID.randomUUID().toString();
        for (int i = 0; i < count; i++) {
            audit.record(AuditAction.READ, "verification-test", recordId, label + " " + i);
        }
        // one more after them, so that even the last of them has a successor whose link can break
        audit.record(AuditAction.READ, "verification-test", UUID.randomUUID().toString(), "after " + label);
        chain.seal();
        return jdbc.sql("select min(sequence) from access.audit_trail where record_id = :id")
                .param("id", recordId)
                .query(Long.class)
                .single();
    }

    private AuditEntry entry(long sequence) {
        return jdbc.sql("select * from access.audit_trail where sequence = :s")
                .param("s", sequence)
                .query(AuditVerification::entry)
                .single();
    }

    private String hashOf(long sequence) {
        return entry(sequence).hash();
    }

    /** What someone with the database's superuser rights can do: switch the append-only triggers off. */
    private void asSuperuser(Runnable change) {
        jdbc.sql("alter table access.audit_entry disable trigger user").update();
        jdbc.sql("alter table access.audit_seal disable trigger user").update();
        try {
            change.run();
        } finally {
            jdbc.sql("alter table access.audit_entry enable trigger user").update();
            jdbc.sql("alter table access.audit_seal enable trigger user").update();
        }
    }
}
