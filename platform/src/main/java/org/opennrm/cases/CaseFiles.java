package org.opennrm.cases;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opennrm.access.AuditTrail;
import org.opennrm.access.IdentityProtection;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored cases: one row per case with its stage, deadlines and profile, and append-only rows for consent,
 * decisions, reviews, events and the children's procedure. Free text about the person (circumstances, reasons,
 * evidence, descriptions, assessments) is encrypted with {@link IdentityProtection}, bound to its row.
 */
@Repository
public class CaseFiles {

    /** Contexts of the criminal-justice track's texts (bound to the case id) and of a reopening's reason. */
    public static final String PROCEEDINGS = "cases.criminal_justice_track.proceedings:";

    public static final String PROTECTION_MEASURES = "cases.criminal_justice_track.protection_measures:";

    static final String REOPENING_REASON = "cases.reopening.reason:";

    static final String CIRCUMSTANCES = "cases.case_file.circumstances:";
    static final String DECISION_REASONS = "cases.decision.reasons:";
    static final String DECISION_EVIDENCE = "cases.decision.evidence:";
    static final String REVIEW_REASONS = "cases.review.reasons:";
    static final String EVENT_DESCRIPTION = "cases.timeline_event.description:";
    static final String BEST_INTERESTS_SUMMARY = "cases.best_interests_assessment.summary:";

    private final JdbcClient jdbc;
    private final IdentityProtection protection;
    private final CaseFileChanges changes;
    private final Persons persons;
    private final AuditTrail audit;

    CaseFiles(
            JdbcClient jdbc,
            IdentityProtection protection,
            CaseFileChanges changes,
            Persons persons,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.changes = changes;
        this.persons = persons;
        this.audit = audit;
    }

    /**
     * The next reference of the year: {@code NRM-2026-000123}. Numbers come from a sequence per year
     * (V430__reference_numbers_from_sequences.sql), so a number is never given twice, even after a crash or a
     * rollback; such a number is skipped instead.
     */
    String nextReference(int year) {
        long number = jdbc.sql("select cases.next_reference_number(:year)")
                .param("year", year)
                .query(Long.class)
                .single();
        return String.format("NRM-%d-%06d", year, number);
    }

    void insert(Case opened) {
        jdbc.sql("""
                        insert into cases.case_file (id, reference, person_id, referring_organisation_id, referred_by,
                            referred_on, opened_at, status, stage, age_category, screening_id, circumstances,
                            next_due_kind, next_due_on, recovery_starts_on, recovery_ends_on, protection_from_removal,
                            exploitation_forms, methods_of_control, sectors, recruitment_methods, recruitment_platforms,
                            recruiter_relationship, recruitment_countries, transit_countries, exploitation_countries,
                            vulnerabilities, sexual_exploitation_types, closure_reason, closed_at, version, updated_at)
                        values (:id, :reference, :personId, :referringOrganisationId, :referredBy,
                            :referredOn, :openedAt, :status, :stage, :ageCategory, :screeningId, :circumstances,
                            :nextDueKind, :nextDueOn, :recoveryStartsOn, :recoveryEndsOn, :protectionFromRemoval,
                            :exploitationForms, :methodsOfControl, :sectors, :recruitmentMethods, :recruitmentPlatforms,
                            :recruiterRelationship, :recruitmentCountries, :transitCountries, :exploitationCountries,
                            :vulnerabilities, :sexualExploitationTypes, :closureReason, :closedAt, 0, :updatedAt)""")
                .param("id", opened.id().value())
                .param("reference", opened.reference())
                .param("personId", opened.personId())
                .param("referringOrganisationId", opened.referringOrganisationId())
                .param("referredBy", opened.referredBy())
                .param("referredOn", opened.referredOn())
                .param("openedAt", Timestamp.from(opened.openedAt()))
                .param("screeningId", opened.screeningId())
                .param("circumstances", protection.encrypt(opened.circumstances(), CIRCUMSTANCES + opened.id()))
                .params(stateOf(opened))
                .update();
        saveChildren(opened);
        changes.changed();
    }

    /** Writes the changes of a case read at {@code opened.version()}; someone else's change in between wins. */
    /** Keeps a reopening's reason (encrypted) and author with the case, in the transaction that reopens it. */
    void recordReopening(CaseId id, Case.Reopening reopening) {
        var reopeningId = UUID.randomUUID();
        jdbc.sql("""
                        insert into cases.reopening (id, case_id, reason, reopened_at, reopened_by)
                        values (:id, :caseId, :reason, :at, :by)""")
                .param("id", reopeningId)
                .param("caseId", id.value())
                .param("reason", protection.encrypt(reopening.reason(), REOPENING_REASON + reopeningId))
                .param("at", Timestamp.from(reopening.at()))
                .param("by", reopening.by())
                .update();
    }

    void update(Case changed) {
        int updated = jdbc.sql("""
                        update cases.case_file set status = :status, stage = :stage, age_category = :ageCategory,
                            next_due_kind = :nextDueKind, next_due_on = :nextDueOn,
                            recovery_starts_on = :recoveryStartsOn, recovery_ends_on = :recoveryEndsOn,
                            protection_from_removal = :protectionFromRemoval,
                            exploitation_forms = :exploitationForms, methods_of_control = :methodsOfControl,
                            sectors = :sectors, recruitment_methods = :recruitmentMethods,
                            recruitment_platforms = :recruitmentPlatforms, recruiter_relationship = :recruiterRelationship,
                            recruitment_countries = :recruitmentCountries, transit_countries = :transitCountries,
                            exploitation_countries = :exploitationCountries, vulnerabilities = :vulnerabilities,
                            sexual_exploitation_types = :sexualExploitationTypes,
                            closure_reason = :closureReason, closed_at = :closedAt, updated_at = :updatedAt,
                            version = version + 1
                        where id = :id and version = :version""")
                .param("id", changed.id().value())
                .param("version", changed.version())
                .params(stateOf(changed))
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("Case " + changed.id() + " changed since it was read");
        }
        saveChildren(changed);
        changes.changed();
    }

    private static java.util.Map<String, Object> stateOf(Case state) {
        var profile = state.profile();
        var values = new java.util.HashMap<String, Object>();
        values.put("status", state.status().name());
        values.put("stage", state.stage().name());
        values.put("ageCategory", state.ageCategory().name());
        values.put(
                "nextDueKind",
                state.nextDueKind() == null ? null : state.nextDueKind().name());
        values.put("nextDueOn", state.nextDueOn());
        values.put("recoveryStartsOn", state.recoveryStartsOn());
        values.put("recoveryEndsOn", state.recoveryEndsOn());
        values.put("protectionFromRemoval", state.protectionFromRemoval());
        values.put("exploitationForms", array(profile.exploitationForms()));
        values.put("methodsOfControl", array(profile.methodsOfControl()));
        values.put("sectors", array(profile.sectors()));
        values.put("recruitmentMethods", array(profile.recruitmentMethods()));
        values.put("recruitmentPlatforms", array(profile.recruitmentPlatforms()));
        values.put("recruiterRelationship", profile.recruiterRelationship());
        values.put("recruitmentCountries", array(profile.recruitmentCountries()));
        values.put("transitCountries", array(profile.transitCountries()));
        values.put("exploitationCountries", array(profile.exploitationCountries()));
        values.put("sexualExploitationTypes", array(profile.sexualExploitationTypes()));
        values.put(
                "vulnerabilities",
                profile.vulnerabilities().stream().map(Enum::name).sorted().toArray(String[]::new));
        values.put(
                "closureReason",
                state.closureReason() == null ? null : state.closureReason().name());
        values.put("closedAt", state.closedAt() == null ? null : Timestamp.from(state.closedAt()));
        values.put("updatedAt", Timestamp.from(state.updatedAt()));
        return values;
    }

    private static String[] array(Set<String> codes) {
        return codes.toArray(String[]::new);
    }

    // rows already stored are left as they are (decisions, reviews, events are never changed);
    // a consent row is updated only to write its withdrawal
    private void saveChildren(Case state) {
        UUID caseId = state.id().value();
        for (var consent : state.consents()) {
            jdbc.sql("""
                            insert into cases.consent (id, case_id, purpose, organisation_id, given, by_guardian,
                                recorded_at, recorded_by, withdrawn_at, withdrawn_by)
                            values (:id, :caseId, :purpose, :organisationId, :given, :byGuardian, :recordedAt,
                                :recordedBy, :withdrawnAt, :withdrawnBy)
                            on conflict (id) do update set withdrawn_at = excluded.withdrawn_at,
                                withdrawn_by = excluded.withdrawn_by
                            where cases.consent.withdrawn_at is null""")
                    .param("id", consent.id())
                    .param("caseId", caseId)
                    .param("purpose", consent.purpose().name())
                    .param("organisationId", consent.organisationId())
                    .param("given", consent.given())
                    .param("byGuardian", consent.byGuardian())
                    .param("recordedAt", Timestamp.from(consent.recordedAt()))
                    .param("recordedBy", consent.recordedBy())
                    .param("withdrawnAt", consent.withdrawnAt() == null ? null : Timestamp.from(consent.withdrawnAt()))
                    .param("withdrawnBy", consent.withdrawnBy())
                    .update();
        }
        for (var decision : state.decisions()) {
            jdbc.sql("""
                            insert into cases.decision (id, case_id, kind, outcome, decided_on, recorded_at, decided_by,
                                organisation_id, reasons, evidence, reconsiders, recovery_period_days,
                                protection_from_removal)
                            values (:id, :caseId, :kind, :outcome, :decidedOn, :recordedAt, :decidedBy,
                                :organisationId, :reasons, :evidence, :reconsiders, :recoveryPeriodDays,
                                :protectionFromRemoval)
                            on conflict (id) do nothing""")
                    .param("id", decision.id())
                    .param("caseId", caseId)
                    .param("kind", decision.kind().name())
                    .param("outcome", decision.outcome().name())
                    .param("decidedOn", decision.decidedOn())
                    .param("recordedAt", Timestamp.from(decision.recordedAt()))
                    .param("decidedBy", decision.decidedBy())
                    .param("organisationId", decision.organisationId())
                    .param("reasons", protection.encrypt(decision.reasons(), DECISION_REASONS + decision.id()))
                    .param("evidence", protection.encrypt(decision.evidence(), DECISION_EVIDENCE + decision.id()))
                    .param("reconsiders", decision.reconsiders())
                    .param("recoveryPeriodDays", decision.recoveryPeriodDays())
                    .param("protectionFromRemoval", decision.protectionFromRemoval())
                    .update();
        }
        for (var review : state.reviews()) {
            jdbc.sql("""
                            insert into cases.review (id, decision_id, case_id, panel_organisation_id, outcome,
                                reviewed_on, reasons, recorded_at, recorded_by)
                            values (:id, :decisionId, :caseId, :panel, :outcome, :reviewedOn, :reasons, :recordedAt,
                                :recordedBy)
                            on conflict (id) do nothing""")
                    .param("id", review.id())
                    .param("decisionId", review.decisionId())
                    .param("caseId", caseId)
                    .param("panel", review.panelOrganisationId())
                    .param("outcome", review.outcome().name())
                    .param("reviewedOn", review.reviewedOn())
                    .param("reasons", protection.encrypt(review.reasons(), REVIEW_REASONS + review.id()))
                    .param("recordedAt", Timestamp.from(review.recordedAt()))
                    .param("recordedBy", review.recordedBy())
                    .update();
        }
        for (var event : state.events()) {
            jdbc.sql("""
                            insert into cases.timeline_event (id, case_id, type, occurred_on, country, description,
                                recorded_at, recorded_by)
                            values (:id, :caseId, :type, :occurredOn, :country, :description, :recordedAt, :recordedBy)
                            on conflict (id) do nothing""")
                    .param("id", event.id())
                    .param("caseId", caseId)
                    .param("type", event.type())
                    .param("occurredOn", event.occurredOn())
                    .param("country", event.country())
                    .param("description", protection.encrypt(event.description(), EVENT_DESCRIPTION + event.id()))
                    .param("recordedAt", Timestamp.from(event.recordedAt()))
                    .param("recordedBy", event.recordedBy())
                    .update();
        }
        for (var appointment : state.guardians()) {
            jdbc.sql("""
                            insert into cases.guardian_appointment (id, case_id, guardian_account_id, appointed_at,
                                appointed_by)
                            values (:id, :caseId, :guardian, :appointedAt, :appointedBy)
                            on conflict (id) do nothing""")
                    .param("id", appointment.id())
                    .param("caseId", caseId)
                    .param("guardian", appointment.guardianAccountId())
                    .param("appointedAt", Timestamp.from(appointment.appointedAt()))
                    .param("appointedBy", appointment.appointedBy())
                    .update();
        }
        for (var assessment : state.bestInterests()) {
            jdbc.sql("""
                            insert into cases.best_interests_assessment (id, case_id, assessed_on, summary,
                                recorded_at, recorded_by)
                            values (:id, :caseId, :assessedOn, :summary, :recordedAt, :recordedBy)
                            on conflict (id) do nothing""")
                    .param("id", assessment.id())
                    .param("caseId", caseId)
                    .param("assessedOn", assessment.assessedOn())
                    .param(
                            "summary",
                            protection.encrypt(assessment.summary(), BEST_INTERESTS_SUMMARY + assessment.id()))
                    .param("recordedAt", Timestamp.from(assessment.recordedAt()))
                    .param("recordedBy", assessment.recordedBy())
                    .update();
        }
        for (var assessment : state.ageAssessments()) {
            jdbc.sql("""
                            insert into cases.age_assessment (id, case_id, outcome, assessed_on, recorded_at,
                                recorded_by)
                            values (:id, :caseId, :outcome, :assessedOn, :recordedAt, :recordedBy)
                            on conflict (id) do nothing""")
                    .param("id", assessment.id())
                    .param("caseId", caseId)
                    .param("outcome", assessment.outcome().name())
                    .param("assessedOn", assessment.assessedOn())
                    .param("recordedAt", Timestamp.from(assessment.recordedAt()))
                    .param("recordedBy", assessment.recordedBy())
                    .update();
        }
    }

    /**
     * A case with its consents, decisions, reviews, events and the children's procedure, read in one statement:
     * each kind of row comes as a JSON array from a subquery. Eight statements, one per table, cost twice the
     * database time per case page (measured with pgbench, see bench/identification/README-identification.md).
     */
    private static final String CASE_WITH_ROWS = """
            select c.*,
                (select json_agg(x order by x.recorded_at, x.id) from cases.consent x
                    where x.case_id = c.id) as consent_rows,
                (select json_agg(x order by x.recorded_at, x.id) from cases.decision x
                    where x.case_id = c.id) as decision_rows,
                (select json_agg(x order by x.recorded_at, x.id) from cases.review x
                    where x.case_id = c.id) as review_rows,
                (select json_agg(x order by x.occurred_on, x.id) from cases.timeline_event x
                    where x.case_id = c.id) as event_rows,
                (select json_agg(x order by x.appointed_at, x.id) from cases.guardian_appointment x
                    where x.case_id = c.id) as guardian_rows,
                (select json_agg(x order by x.recorded_at, x.id) from cases.best_interests_assessment x
                    where x.case_id = c.id) as best_interests_rows,
                (select json_agg(x order by x.recorded_at, x.id) from cases.age_assessment x
                    where x.case_id = c.id) as age_assessment_rows
            """;

    /** The account of the child's guardian as last appointed (see {@link Case#guardian()}); nothing is decrypted. */
    Optional<UUID> currentGuardian(CaseId id) {
        return jdbc.sql("""
                        select guardian_account_id from cases.guardian_appointment where case_id = :id
                        order by appointed_at desc, id limit 1""").param("id", id.value()).query(UUID.class).optional();
    }

    public Optional<Case> find(CaseId id) {
        return jdbc.sql(CASE_WITH_ROWS + "from cases.case_file c where c.id = :id")
                .param("id", id.value())
                .query((rs, n) -> caseOf(rs, id))
                .optional();
    }

    /**
     * A case and its person, what the case page shows, read and recorded in the audit trail in one statement: one
     * round trip to the database per case view, and never a file read without its entry.
     */
    Optional<CaseFile> readWithPerson(CaseId id) {
        return audit.readRecorded(
                CaseManagement.RECORD_TYPE,
                id,
                CASE_WITH_ROWS + ", " + Persons.selectList("p", "person_") + """
                        from cases.case_file c join cases.person p on p.id = c.person_id
                        where c.id = :id""",
                Map.of("id", id.value()),
                (rs, n) -> {
                    var found = caseOf(rs, id);
                    return new CaseFile(found, persons.identityOf(rs, "person_", found.personId()));
                });
    }

    private Case caseOf(ResultSet rs, CaseId id) throws SQLException {
        var consents = StoredRows.of(
                rs.getString("consent_rows"),
                row -> new Consent(
                        row.uuid("id"),
                        ConsentPurpose.valueOf(row.string("purpose")),
                        row.uuid("organisation_id"),
                        row.bool("given"),
                        row.bool("by_guardian"),
                        row.instant("recorded_at"),
                        row.uuid("recorded_by"),
                        row.instant("withdrawn_at"),
                        row.uuid("withdrawn_by")));
        var decisions = StoredRows.of(rs.getString("decision_rows"), row -> {
            var decisionId = row.uuid("id");
            return new Decision(
                    decisionId,
                    DecisionKind.valueOf(row.string("kind")),
                    DecisionOutcome.valueOf(row.string("outcome")),
                    row.date("decided_on"),
                    row.instant("recorded_at"),
                    row.uuid("decided_by"),
                    row.uuid("organisation_id"),
                    protection.decrypt(row.string("reasons"), DECISION_REASONS + decisionId),
                    protection.decrypt(row.string("evidence"), DECISION_EVIDENCE + decisionId),
                    row.uuid("reconsiders"),
                    row.integer("recovery_period_days"),
                    row.bool("protection_from_removal"));
        });
        var reviews = StoredRows.of(rs.getString("review_rows"), row -> {
            var reviewId = row.uuid("id");
            return new Review(
                    reviewId,
                    row.uuid("decision_id"),
                    row.uuid("panel_organisation_id"),
                    ReviewOutcome.valueOf(row.string("outcome")),
                    row.date("reviewed_on"),
                    protection.decrypt(row.string("reasons"), REVIEW_REASONS + reviewId),
                    row.instant("recorded_at"),
                    row.uuid("recorded_by"));
        });
        var events = StoredRows.of(rs.getString("event_rows"), row -> {
            var eventId = row.uuid("id");
            return new TimelineEvent(
                    eventId,
                    row.string("type"),
                    row.date("occurred_on"),
                    row.string("country"),
                    protection.decrypt(row.string("description"), EVENT_DESCRIPTION + eventId),
                    row.instant("recorded_at"),
                    row.uuid("recorded_by"));
        });
        var guardians = StoredRows.of(
                rs.getString("guardian_rows"),
                row -> new GuardianAppointment(
                        row.uuid("id"),
                        row.uuid("guardian_account_id"),
                        row.instant("appointed_at"),
                        row.uuid("appointed_by")));
        var bestInterests = StoredRows.of(rs.getString("best_interests_rows"), row -> {
            var assessmentId = row.uuid("id");
            return new BestInterestsAssessment(
                    assessmentId,
                    row.date("assessed_on"),
                    protection.decrypt(row.string("summary"), BEST_INTERESTS_SUMMARY + assessmentId),
                    row.instant("recorded_at"),
                    row.uuid("recorded_by"));
        });
        var ageAssessments = StoredRows.of(
                rs.getString("age_assessment_rows"),
                row -> new AgeAssessment(
                        row.uuid("id"),
                        AgeCategory.valueOf(row.string("outcome")),
                        row.date("assessed_on"),
                        row.instant("recorded_at"),
                        row.uuid("recorded_by")));
        var stored = new CaseRow(rs);
        return new Case(
                id,
                stored.reference,
                stored.personId,
                stored.referringOrganisationId,
                stored.referredBy,
                stored.referredOn,
                stored.openedAt,
                stored.screeningId,
                protection.decrypt(stored.circumstances, CIRCUMSTANCES + id),
                stored.version,
                stored.status,
                stored.stage,
                stored.ageCategory,
                stored.nextDueKind,
                stored.nextDueOn,
                stored.recoveryStartsOn,
                stored.recoveryEndsOn,
                stored.protectionFromRemoval,
                stored.profile,
                stored.closureReason,
                stored.closedAt,
                stored.updatedAt,
                consents,
                decisions,
                reviews,
                events,
                guardians,
                bestInterests,
                ageAssessments);
    }

    /** The plain columns of a case row. */
    private static final class CaseRow {
        final String reference;
        final UUID personId;
        final UUID referringOrganisationId;
        final UUID referredBy;
        final LocalDate referredOn;
        final Instant openedAt;
        final UUID screeningId;
        final String circumstances;
        final int version;
        final CaseStatus status;
        final Stage stage;
        final AgeCategory ageCategory;
        final DueKind nextDueKind;
        final LocalDate nextDueOn;
        final LocalDate recoveryStartsOn;
        final LocalDate recoveryEndsOn;
        final boolean protectionFromRemoval;
        final TraffickingProfile profile;
        final ClosureReason closureReason;
        final Instant closedAt;
        final Instant updatedAt;

        CaseRow(ResultSet rs) throws SQLException {
            reference = rs.getString("reference");
            personId = rs.getObject("person_id", UUID.class);
            referringOrganisationId = rs.getObject("referring_organisation_id", UUID.class);
            referredBy = rs.getObject("referred_by", UUID.class);
            referredOn = rs.getObject("referred_on", LocalDate.class);
            openedAt = instant(rs, "opened_at");
            screeningId = rs.getObject("screening_id", UUID.class);
            circumstances = rs.getString("circumstances");
            version = rs.getInt("version");
            status = CaseStatus.valueOf(rs.getString("status"));
            stage = Stage.valueOf(rs.getString("stage"));
            ageCategory = AgeCategory.valueOf(rs.getString("age_category"));
            String dueKind = rs.getString("next_due_kind");
            nextDueKind = dueKind == null ? null : DueKind.valueOf(dueKind);
            nextDueOn = rs.getObject("next_due_on", LocalDate.class);
            recoveryStartsOn = rs.getObject("recovery_starts_on", LocalDate.class);
            recoveryEndsOn = rs.getObject("recovery_ends_on", LocalDate.class);
            protectionFromRemoval = rs.getBoolean("protection_from_removal");
            profile = new TraffickingProfile(
                    strings(rs.getArray("exploitation_forms")),
                    strings(rs.getArray("methods_of_control")),
                    strings(rs.getArray("sectors")),
                    strings(rs.getArray("recruitment_methods")),
                    strings(rs.getArray("recruitment_platforms")),
                    rs.getString("recruiter_relationship"),
                    strings(rs.getArray("recruitment_countries")),
                    strings(rs.getArray("transit_countries")),
                    strings(rs.getArray("exploitation_countries")),
                    strings(rs.getArray("vulnerabilities")).stream()
                            .map(Vulnerability::valueOf)
                            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Vulnerability.class))),
                    strings(rs.getArray("sexual_exploitation_types")));
            String reason = rs.getString("closure_reason");
            closureReason = reason == null ? null : ClosureReason.valueOf(reason);
            closedAt = instant(rs, "closed_at");
            updatedAt = instant(rs, "updated_at");
        }
    }

    /** Reference, status, stage and version of one case: nothing else is read, nothing decrypted. */
    Optional<CaseSummaryLine> summaryOf(CaseId id) {
        return jdbc.sql("select reference, status, stage, version from cases.case_file where id = :id")
                .param("id", id.value())
                .query((rs, n) -> new CaseSummaryLine(
                        id,
                        rs.getString("reference"),
                        CaseStatus.valueOf(rs.getString("status")),
                        Stage.valueOf(rs.getString("stage")),
                        rs.getInt("version")))
                .optional();
    }

    /** Status, stage and standing decision of every case an organisation referred, newest first. */
    List<CaseProgress> progressOfCasesReferredBy(UUID organisationId) {
        return jdbc.sql("""
                        select c.id, c.reference, c.status, c.stage, d.outcome, d.decided_on
                        from cases.case_file c
                        left join lateral (
                            select outcome, decided_on from cases.decision d
                            where d.case_id = c.id
                              and not exists (select 1 from cases.decision later where later.reconsiders = d.id)
                            order by case d.kind when 'FORMAL' then 0 else 1 end, d.recorded_at desc
                            limit 1) d on true
                        where c.referring_organisation_id = :organisationId
                        order by c.opened_at desc""")
                .param("organisationId", organisationId)
                .query((rs, n) -> {
                    String outcome = rs.getString("outcome");
                    return new CaseProgress(
                            CaseId.of(rs.getObject("id", UUID.class)),
                            rs.getString("reference"),
                            CaseStatus.valueOf(rs.getString("status")),
                            Stage.valueOf(rs.getString("stage")),
                            outcome == null ? null : DecisionOutcome.valueOf(outcome),
                            rs.getObject("decided_on", LocalDate.class));
                })
                .list();
    }

    public static Set<String> strings(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList((String[]) array.getArray()));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
