package org.opennrm.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.KeyRotation;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Linkage runs with the field-aware model: when every list comes with its field encodings, the run links field by
 * field with weights estimated from the lists, keeps what the model expects of each linkage, and falls back to the
 * record-level score, saying why, when the model cannot be estimated. Lists from the linkage library's realistic
 * generator (small skewed name pools, transliterations, date errors), whose truth is known.
 */
@PlatformTest
class LinkageFieldRunTests {

    static final String SECRET = "synthetic secret: field-aware runs";

    /** 800 records per list, 400 people on both: enough for the model, quick enough for every build. */
    static final SyntheticLists.Realistic LISTS = SyntheticLists.realistic(800, 7, SECRET);

    @Autowired
    LinkageRuns runs;

    @Autowired
    StoredRuns stored;

    @Autowired
    KeyRotation rotation;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signIn() {
        var actor = TestSignIn.actor(Role.STATISTICIAN, UUID.randomUUID());
        var authorities = new ArrayList<SimpleGrantedAuthority>();
        actor.grants().forEach(grant -> authorities.add(new SimpleGrantedAuthority(grant.authority())));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, authorities));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    LinkageRun upload(LinkageRun run, SyntheticLists.EncodedList list, boolean withFields) {
        runs.upload(run.id(), list.label(), list.clk(), list.ids(), withFields ? list.fields() : null);
        return runs.find(run.id());
    }

    static int onBoth(LinkageRun run) {
        return run.overlap().rows().stream()
                .filter(row -> row.on().stream().allMatch(Boolean::booleanValue))
                .mapToInt(OverlapTable.Row::count)
                .sum();
    }

    @Test
    void aRunOfListsWithFieldEncodingsLinksFieldByFieldAndReportsWhatItExpects() {
        var field = runs.create("Field " + UUID.randomUUID(), 0.5, false);
        assertThat(field.plannedModel()).isEqualTo(LinkageModel.RECORD);
        field = upload(field, LISTS.a(), true);
        assertThat(field.plannedModel()).isEqualTo(LinkageModel.FIELD);
        upload(field, LISTS.b(), true);
        var completed = runs.run(field.id());

        assertThat(completed.model()).isEqualTo(LinkageModel.FIELD);
        assertThat(completed.diceThreshold()).isNull();
        assertThat(completed.modelFallback()).isNull();
        assertThat(completed.lists()).allMatch(RunList::fields);
        assertThat(completed.quality()).hasSize(1);
        var quality = completed.quality().getFirst();
        assertThat(quality.withinList()).isFalse();
        assertThat(quality.note()).isNull();
        assertThat(quality.matches()).isEqualTo(onBoth(completed));
        assertThat(quality.expectedPrecision()).isBetween(0.85, 1.0);
        assertThat(quality.expectedRecall()).isBetween(0.75, 1.0);

        // The same lists without field encodings: the record-level score at its default threshold.
        var record = runs.create("Record " + UUID.randomUUID(), 0.8, false);
        upload(record, LISTS.a(), false);
        upload(record, LISTS.b(), true);
        assertThat(runs.find(record.id()).plannedModel()).isEqualTo(LinkageModel.RECORD);
        var recordCompleted = runs.run(record.id());
        assertThat(recordCompleted.model()).isEqualTo(LinkageModel.RECORD);
        assertThat(recordCompleted.diceThreshold()).isEqualTo(0.8);
        assertThat(recordCompleted.quality()).isEmpty();

        // The count of people on both lists is within a tenth of the truth, and what the model expects of its
        // links fits it: the pairs it expects to be right cannot outnumber the people truly on both, and are most
        // of them. (The record-level count can come as close by luck: its missed and wrong links cancel out.)
        int truth = LISTS.shared();
        assertThat(Math.abs(onBoth(completed) - truth))
                .as("field model %d, truth %d", onBoth(completed), truth)
                .isLessThan(truth / 10);
        double expectedRight = quality.matches() * quality.expectedPrecision();
        assertThat(expectedRight).isBetween(0.8 * truth, 1.0 * truth);

        // Nothing of the lists stays: encodings and field encodings are deleted with the run.
        assertThat(stored.listsHoldingEncodings(field.id())).isZero();
    }

    @Test
    void withinAListWithoutDuplicatesTheModelIsNotEstimatedAndNothingIsMerged() {
        // list A of the generator holds no duplicates; list B none either
        var run = runs.create("Merged " + UUID.randomUUID(), 0.5, true);
        upload(run, LISTS.a(), true);
        upload(run, LISTS.b(), true);
        var completed = runs.run(run.id());

        assertThat(completed.model()).isEqualTo(LinkageModel.FIELD);
        assertThat(completed.quality()).hasSize(3);
        assertThat(completed.quality().get(2).withinList()).isFalse();
        for (var within : completed.quality().subList(0, 2)) {
            assertThat(within.withinList()).isTrue();
            if (within.note() != null) {
                assertThat(within.note()).contains("too few duplicates");
                assertThat(within.matches()).isZero();
                assertThat(within.expectedPrecision()).isNull();
            } else {
                // estimated on people who share a popular name and birth year: the model itself says it is unsure
                assertThat(within.expectedPrecision()).isLessThan(0.9);
            }
        }
        assertThat(completed.quality()).anyMatch(within -> within.note() != null);
        int merged = completed.quality().subList(0, 2).stream()
                .mapToInt(RunQuality::matches)
                .sum();
        assertThat(completed.persons())
                .isEqualTo(LISTS.a().records()
                        + LISTS.b().records()
                        - completed.quality().get(2).matches()
                        - merged);
    }

    @Test
    void listsTooSmallForTheModelFallBackToTheRecordLevelScoreWithTheReason() {
        var run = runs.create("Small " + UUID.randomUUID(), 0.9, true);
        for (int list = 0; list < SyntheticLists.LABELS.size(); list++) {
            var encoded = SyntheticLists.encodeWithFields(
                    SyntheticLists.LABELS.get(list), SyntheticLists.csv(list), SECRET, 0.05);
            runs.upload(run.id(), encoded.label(), encoded.clk(), encoded.ids(), encoded.fields());
        }
        assertThat(runs.find(run.id()).plannedModel()).isEqualTo(LinkageModel.FIELD);
        var completed = runs.run(run.id());

        assertThat(completed.model()).isEqualTo(LinkageModel.RECORD);
        assertThat(completed.diceThreshold()).isEqualTo(LinkageRuns.DEFAULT_THRESHOLD);
        assertThat(completed.modelFallback()).contains("Police (A) and NGO (B)").contains("too few records");
        assertThat(completed.quality()).isEmpty();
        // the record-level score at its default threshold finds the synthetic lists' truth
        assertThat(completed.overlap().csv()).isEqualTo(SyntheticLists.EXPECTED_CSV);
    }

    @Test
    void fieldEncodingsThatDoNotFitTheListOrTheRunAreRefusedAndNothingIsStored() {
        var run = runs.create("Refused " + UUID.randomUUID(), 0.5, false);
        upload(run, LISTS.a(), true);

        // not a .fields file at all
        assertThatThrownBy(() -> runs.upload(
                        run.id(), "B1", LISTS.b().clk(), LISTS.b().ids(), "hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(LinkageRuleViolation.class, e -> assertThat(e.messageKey())
                        .isEqualTo("linkage.upload.fieldsInvalid"));
        // another list's field encodings: record counts differ
        var shorter = SyntheticLists.encodeWithFields("X", SyntheticLists.csv(0), SECRET, 0.05);
        assertThatThrownBy(() ->
                        runs.upload(run.id(), "B2", LISTS.b().clk(), LISTS.b().ids(), shorter.fields()))
                .isInstanceOfSatisfying(LinkageRuleViolation.class, e -> assertThat(e.messageKey())
                        .isEqualTo("linkage.upload.fieldsInvalid"));
        // truncated by one byte
        byte[] truncated = Arrays.copyOf(LISTS.b().fields(), LISTS.b().fields().length - 1);
        assertThatThrownBy(() ->
                        runs.upload(run.id(), "B3", LISTS.b().clk(), LISTS.b().ids(), truncated))
                .isInstanceOf(LinkageRuleViolation.class);
        // encoded with another secret, or with other noise, than the run's first list
        var otherSecret =
                SyntheticLists.realistic(200, 7, "another agency's secret").b();
        assertThatThrownBy(
                        () -> runs.upload(run.id(), "B4", otherSecret.clk(), otherSecret.ids(), otherSecret.fields()))
                .isInstanceOfSatisfying(LinkageRuleViolation.class, e -> assertThat(e.messageKey())
                        .isEqualTo("linkage.upload.fieldsIncompatible"));
        var noisier = SyntheticLists.encodeWithFields("NGO", csvOf(200), SECRET, 0.1);
        assertThatThrownBy(() -> runs.upload(run.id(), "B5", noisier.clk(), noisier.ids(), noisier.fields()))
                .isInstanceOfSatisfying(LinkageRuleViolation.class, e -> assertThat(e.getMessage())
                        .contains("different noise"));

        var draft = runs.find(run.id());
        assertThat(draft.lists()).hasSize(1);
        // and the list that was accepted keeps its field encodings sealed
        String sealed = jdbc.sql("select fields from linkage.run_list where run_id = :run")
                .param("run", run.id())
                .query(String.class)
                .single();
        assertThat(sealed)
                .doesNotContain(
                        Base64.getEncoder().encodeToString(LISTS.a().fields()).substring(0, 40));
        assertThat(new String(
                        Base64.getDecoder().decode(sealed.getBytes(StandardCharsets.US_ASCII)),
                        StandardCharsets.ISO_8859_1))
                .doesNotContain("opennrm-fields");
    }

    @Test
    void fieldEncodingsSurviveAKeyRotationAndAreDeletedWhenTheDraftIsDiscarded() {
        var run = runs.create("Rotated " + UUID.randomUUID(), 0.5, false);
        upload(run, LISTS.a(), true);
        upload(run, LISTS.b(), true);
        rotation.rotate(line -> {});
        var completed = runs.run(run.id());
        assertThat(completed.model()).isEqualTo(LinkageModel.FIELD);

        var discarded = runs.create("Discarded " + UUID.randomUUID(), 0.5, false);
        upload(discarded, LISTS.a(), true);
        assertThat(stored.listsHoldingEncodings(discarded.id())).isEqualTo(1);
        runs.discard(discarded.id());
        assertThat(stored.listsHoldingEncodings(discarded.id())).isZero();
        assertThat(runs.find(discarded.id()).lists()).allMatch(RunList::fields);
    }

    /** A realistic list of {@code size} records, as CSV. */
    static String csvOf(int size) {
        var lists = new org.opennrm.linkage.population.RealisticLists(
                        11, org.opennrm.linkage.population.RealisticLists.Errors.typical())
                .generate(size, 0.5);
        return String.join("\n", lists.b()) + "\n";
    }
}
