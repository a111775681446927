package org.opennrm.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.RecordNotFound;
import org.opennrm.RuleViolation;
import org.opennrm.access.AccountManagement;
import org.opennrm.access.EncryptedColumn;
import org.opennrm.access.Role;
import org.opennrm.cases.queue.QueueEntry;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.OrganisationDetails;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.Sector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The cases module with the modules it stands on (the accounts, audit trail and encryption of {@code access}, the
 * organisation registry, screenings and linkage), in a database of its own and without the rest of the platform: no
 * demo installation, no statistics, no referrals to services. Its organisations and accounts are registered here.
 * What it shows: identity and free text stored encrypted and read back, every read audited before it is shown, the
 * decisions' order and the children's procedure enforced, and a refusal leaving nothing written.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class CasesModuleTests {

    @Autowired
    CaseManagement cases;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    List<EncryptedColumn> encryptedColumns;

    /**
     * The organisations and accounts of this class, registered once: the database is the class's own, and an
     * account's password is hashed slowly on purpose.
     */
    record Parties(
            /* a referrer: a labour inspectorate */
            UUID inspectorate,
            /* another referrer, whose screenings are not the inspectorate's */
            UUID police,
            /* the identification authority */
            UUID panel,
            /* the case managers */
            UUID office,
            /* a service provider the person consents to share with */
            UUID shelter,
            /* an account with the guardian role */
            UUID guardian,
            /* an account of a case manager: not a guardian */
            UUID caseManager) {}

    static Parties parties;

    /** The registry the parties were registered in: a new context (and database) registers them anew. */
    static OrganisationRegistry registeredIn;

    UUID inspectorate;
    UUID police;
    UUID panel;
    UUID office;
    UUID shelter;
    UUID guardian;
    UUID caseManager;

    @BeforeEach
    void organisationsAndAccounts() {
        if (parties == null || registeredIn != organisations) {
            var office = organisation("Co-ordinator's Office", Sector.OTHER, NrmRole.NATIONAL_COORDINATOR);
            parties = new Parties(
                    organisation("Labour Inspectorate", Sector.LABOUR_INSPECTORATE, NrmRole.REFERRER),
                    organisation("Border Police", Sector.POLICE, NrmRole.REFERRER),
                    organisation("Identification Panel", Sector.SOCIAL_SERVICES, NrmRole.IDENTIFICATION_AUTHORITY),
                    office,
                    organisation("Safe House", Sector.NGO, NrmRole.SERVICE_PROVIDER),
                    account("guardian", office, Role.GUARDIAN),
                    account("manager", office, Role.CASE_MANAGER));
            registeredIn = organisations;
        }
        inspectorate = parties.inspectorate();
        police = parties.police();
        panel = parties.panel();
        office = parties.office();
        shelter = parties.shelter();
        guardian = parties.guardian();
        caseManager = parties.caseManager();
    }

    UUID organisation(String name, Sector sector, NrmRole role) {
        return organisations
                .register(new OrganisationDetails(name, sector, Set.of(role), Set.of(), Set.of("National"), List.of()))
                .id();
    }

    UUID account(String username, UUID organisation, Role role) {
        return accounts.create(new AccountManagement.NewAccount(
                        username, "Synthetic " + role, null, organisation, Set.of(role), "a long synthetic password"))
                .id();
    }

    OpenedCase referAdult() {
        return SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.adultReferral(shelter)));
    }

    Decision decidePreliminary(OpenedCase opened, DecisionOutcome outcome) {
        return SignedIn.as(
                Role.IDENTIFICATION_OFFICER,
                panel,
                () -> cases.decidePreliminary(
                        opened.caseId(), null, new DecisionRequest(outcome, today(), "Indicators present", null)));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    CaseFile read(OpenedCase opened) {
        return SignedIn.as(Role.CASE_MANAGER, office, () -> cases.read(opened.caseId()));
    }

    @Test
    void identityIsStoredEncryptedAndReadBackByCaseManagers() {
        var opened = referAdult();

        assertThat(opened.reference()).matches("NRM-\\d{4}-\\d{6}");
        var stored = jdbc.sql("select p.given_name, p.family_name, p.date_of_birth, c.circumstances "
                        + "from cases.person p join cases.case_file c on c.person_id = p.id where c.id = :id")
                .param("id", opened.caseId().value())
                .query((rs, n) -> rs.getString(1) + rs.getString(2) + rs.getString(3) + rs.getString(4))
                .single();
        assertThat(stored).doesNotContain("Testa", "Example", "1990", "construction");

        var file = read(opened);
        assertThat(file.person().givenName()).isEqualTo("Testa");
        assertThat(file.person().dateOfBirth()).isEqualTo(LocalDate.of(1990, 5, 17));
        assertThat(file.person().citizenships()).containsExactly("MDA");
        assertThat(file.details().circumstances()).contains("construction site");
        assertThat(file.details().ageCategory()).isEqualTo(AgeCategory.ADULT);
        assertThat(file.details().nextDueKind()).isEqualTo(DueKind.PRELIMINARY_DECISION);
        assertThat(file.details().profile().exploitationForms()).containsExactly("ForcedLabour");
        assertThat(file.details().events()).hasSize(1);
    }

    @Test
    void everyReadOfACaseIsAudited() {
        var opened = referAdult();
        read(opened);
        read(opened);

        var reads = jdbc.sql("select count(*) from access.audit_entry where action = 'READ' and record_type = 'case' "
                        + "and record_id = :id")
                .param("id", opened.caseId().toString())
                .query(Long.class)
                .single();
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void readOfACaseThatDoesNotExistIsRecordedAsAnAttempt() {
        var missing = CaseId.of(UUID.randomUUID());

        assertThatThrownBy(() -> SignedIn.as(Role.CASE_MANAGER, office, () -> cases.read(missing)))
                .isInstanceOf(RecordNotFound.class);

        var attempts = jdbc.sql(
                        "select username from access.audit_entry where action = 'READ' and record_type = 'case' "
                                + "and record_id = :id")
                .param("id", missing.toString())
                .query(String.class)
                .list();
        assertThat(attempts).hasSize(1).doesNotContainNull();
    }

    @Test
    void referrerCannotReadTheCaseItReferred() {
        var opened = referAdult();

        assertThatThrownBy(() -> SignedIn.as(Role.REFERRER, inspectorate, () -> cases.read(opened.caseId())))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> SignedIn.as(Role.SERVICE_PROVIDER, shelter, () -> cases.read(opened.caseId())))
                .isInstanceOf(RecordNotFound.class);
    }

    @Test
    void positivePreliminaryDecisionStartsRecoveryPeriodOfConfiguredLength() {
        var opened = referAdult();
        decidePreliminary(opened, DecisionOutcome.PRESUMED_VICTIM);

        var details = read(opened).details();
        assertThat(details.stage()).isEqualTo(Stage.RECOVERY_PERIOD);
        assertThat(details.recoveryEndsOn())
                .isEqualTo(today().plusDays(cases.settings().recoveryPeriodDays()));
        assertThat(details.protectionFromRemoval()).isTrue();
        assertThat(details.nextDueKind()).isEqualTo(DueKind.FORMAL_DECISION);
    }

    @Test
    void secondPreliminaryDecisionIsRefusedAndTheFirstStaysAlone() {
        var opened = referAdult();
        decidePreliminary(opened, DecisionOutcome.NOT_PRESUMED);

        assertThatThrownBy(() -> decidePreliminary(opened, DecisionOutcome.PRESUMED_VICTIM))
                .isInstanceOf(DecisionOutOfOrder.class);
        assertThat(read(opened).details().decisions())
                .singleElement()
                .extracting(Decision::outcome)
                .isEqualTo(DecisionOutcome.NOT_PRESUMED);
    }

    @Test
    void formalDecisionBeforePreliminaryIsRefused() {
        var opened = referAdult();

        assertThatThrownBy(() -> SignedIn.as(
                        Role.IDENTIFICATION_OFFICER,
                        panel,
                        () -> cases.decideFormal(
                                opened.caseId(),
                                null,
                                new DecisionRequest(DecisionOutcome.IDENTIFIED, today(), "r", null))))
                .isInstanceOf(DecisionOutOfOrder.class)
                .hasMessageContaining("preliminary decision first");
    }

    @Test
    void decisionOnClosedCaseIsRefused() {
        var opened = referAdult();
        SignedIn.run(
                Role.CASE_MANAGER, office, () -> cases.close(opened.caseId(), null, ClosureReason.PERSON_WITHDREW));

        assertThatThrownBy(() -> decidePreliminary(opened, DecisionOutcome.PRESUMED_VICTIM))
                .isInstanceOf(CaseNotOpen.class);
        assertThat(read(opened).details().nextDueOn()).isNull();
    }

    @Test
    void decisionByOrganisationWithoutIdentificationAuthorityRoleIsRefused() {
        var opened = referAdult();

        assertThatThrownBy(() -> SignedIn.as(
                        Role.IDENTIFICATION_OFFICER,
                        inspectorate,
                        () -> cases.decidePreliminary(
                                opened.caseId(),
                                null,
                                new DecisionRequest(DecisionOutcome.PRESUMED_VICTIM, today(), "r", null))))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("identification authority");
    }

    @Test
    void negativeDecisionReconsideredByPanelKeepsBothInHistory() {
        var opened = referAdult();
        var negative = decidePreliminary(opened, DecisionOutcome.NOT_PRESUMED);

        SignedIn.as(
                Role.IDENTIFICATION_OFFICER,
                panel,
                () -> cases.review(
                        opened.caseId(),
                        negative.id(),
                        null,
                        new ReviewRequest(ReviewOutcome.RECONSIDERED, today(), "Panel found indicators of control")));

        var details = read(opened).details();
        assertThat(details.decisions())
                .extracting(Decision::outcome)
                .containsExactly(DecisionOutcome.NOT_PRESUMED, DecisionOutcome.PRESUMED_VICTIM);
        assertThat(details.replaced(details.decisions().getFirst())).isTrue();
        assertThat(details.reviews())
                .singleElement()
                .extracting(Review::reasons)
                .isEqualTo("Panel found indicators of control");
        assertThat(details.stage()).isEqualTo(Stage.RECOVERY_PERIOD);
    }

    @Test
    void staleVersionIsAConflictAndWritesNothing() {
        var opened = referAdult();
        int seen = read(opened).details().version();
        decidePreliminary(opened, DecisionOutcome.PRESUMED_VICTIM);

        assertThatThrownBy(() -> SignedIn.run(
                        Role.CASE_MANAGER,
                        office,
                        () -> cases.addEvent(opened.caseId(), seen, new EventEntry("Transit", today(), "ROU", null))))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(read(opened).details().events()).hasSize(1);
    }

    @Test
    void withdrawingConsentForSharingStopsSharingAtOnceAndIsAudited() {
        var opened = referAdult();
        assertThat(cases.sharingAllowed(opened.caseId(), shelter)).isTrue();

        SignedIn.run(
                Role.CASE_MANAGER,
                office,
                () -> cases.withdrawConsent(opened.caseId(), null, ConsentPurpose.SHARING, shelter));

        assertThat(cases.sharingAllowed(opened.caseId(), shelter)).isFalse();
        var audited = jdbc.sql("select count(*) from access.audit_entry where record_id = :id "
                        + "and detail = 'consent=SHARING withdrawn'")
                .param("id", opened.caseId().toString())
                .query(Long.class)
                .single();
        assertThat(audited).isEqualTo(1);
        var withdrawn = read(opened).details().consents().stream()
                .filter(consent -> consent.purpose() == ConsentPurpose.SHARING)
                .findFirst()
                .orElseThrow();
        assertThat(withdrawn.withdrawnAt()).isNotNull();
    }

    @Test
    void childReferralWithoutGuardianIsRefusedAndNothingIsWritten() {
        long before = jdbc.sql("select count(*) from cases.case_file")
                .query(Long.class)
                .single();

        assertThatThrownBy(() ->
                        SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.childReferral(null))))
                .isInstanceOf(GuardianMissing.class)
                .hasMessageContaining("guardian");

        assertThat(jdbc.sql("select count(*) from cases.case_file")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void childReferredWithGuardianNeedsNoConsentAndGuardianReadsTheCase() {
        var opened = SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.childReferral(guardian)));

        var guardianActor =
                org.opennrm.access.TestSignIn.actorOf(accounts.find(guardian).orElseThrow());
        var file = SignedIn.as(guardianActor, () -> cases.read(opened.caseId()));
        assertThat(file.details().ageCategory()).isEqualTo(AgeCategory.CHILD);
        assertThat(file.details().consents()).isEmpty();
        SignedIn.as(guardianActor, () -> {
            cases.recordBestInterests(opened.caseId(), null, today(), "Stay in the foster family near school");
            return null;
        });
        assertThat(read(opened).details().bestInterests()).hasSize(1);
    }

    @Test
    void guardianReadsOnlyTheCasesOfTheirOwnChildrenAndOthersAreToldNothingExists() {
        var adult = referAdult();
        var guardianActor =
                org.opennrm.access.TestSignIn.actorOf(accounts.find(guardian).orElseThrow());
        long readsBefore = readsOf(adult);

        assertThatThrownBy(() -> SignedIn.as(guardianActor, () -> cases.read(adult.caseId())))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> SignedIn.as(Role.REFERRER, inspectorate, () -> cases.read(adult.caseId())))
                .isInstanceOf(RecordNotFound.class);
        // refused before the case was loaded: no read was logged, because nothing was read
        assertThat(readsOf(adult)).isEqualTo(readsBefore);
    }

    @Test
    void summaryGivesReferenceStatusAndStageOfTheCaseAsItStands() {
        var opened = referAdult();
        decidePreliminary(opened, DecisionOutcome.PRESUMED_VICTIM);

        var summary = cases.summary(opened.caseId()).orElseThrow();

        assertThat(summary.reference()).isEqualTo(opened.reference());
        assertThat(summary.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(summary.stage()).isEqualTo(Stage.RECOVERY_PERIOD);
        assertThat(cases.summary(CaseId.of(UUID.randomUUID()))).isEmpty();
    }

    long readsOf(OpenedCase opened) {
        return jdbc.sql("select count(*) from access.audit_entry where action = 'READ' and record_id = :id")
                .param("id", opened.caseId().toString())
                .query(Long.class)
                .single();
    }

    @Test
    void guardianMustBeAnAccountWithTheGuardianRole() {
        var notAGuardian = caseManager;

        assertThatThrownBy(() -> SignedIn.as(
                        Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.childReferral(notAGuardian))))
                .isInstanceOf(CaseRuleViolation.class)
                .hasMessageContaining("guardian role");
    }

    @Test
    void eventDatedInTheFutureIsRefused() {
        var opened = referAdult();

        assertThatThrownBy(() -> SignedIn.run(
                        Role.CASE_MANAGER,
                        office,
                        () -> cases.addEvent(
                                opened.caseId(),
                                null,
                                new EventEntry("Exploitation", today().plusDays(1), "DEU", null))))
                .isInstanceOf(EventDateInFuture.class);
    }

    @Test
    void codesOutsideTheirListsAreRefused() {
        var unknownForm = new OpenCase(
                CaseFixtures.adult(),
                false,
                null,
                new TraffickingProfile(Set.of("Pickpocketing"), null, null, null, null, null, null, null, null, null),
                List.of(new ConsentStatement(ConsentPurpose.ASSISTANCE, null, true)),
                List.of(),
                null,
                null);

        assertThatThrownBy(() -> SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(unknownForm)))
                .isInstanceOf(CodeNotInList.class);

        // the type of sexual exploitation takes only the codes of HTCDS vic_TypeOfSexExploitation
        var unknownType = new OpenCase(
                CaseFixtures.adult(),
                false,
                null,
                new TraffickingProfile(
                        Set.of("SexualExploitation"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Set.of("Prostitution", "Escort")),
                List.of(new ConsentStatement(ConsentPurpose.ASSISTANCE, null, true)),
                List.of(),
                null,
                null);
        assertThatThrownBy(() -> SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(unknownType)))
                .isInstanceOf(CodeNotInList.class)
                .hasMessageContaining("Escort");
    }

    @Test
    void queueListsDueCasesSoonestFirstAndRemindsOfOverdueOnes() {
        var overdue = referAdult();
        var due = referAdult();
        jdbc.sql("update cases.case_file set next_due_on = :day where id = :id")
                .param("day", today().minusDays(3))
                .param("id", overdue.caseId().value())
                .update();

        var reminders = SignedIn.as(Role.CASE_MANAGER, office, () -> cases.reminders());
        assertThat(reminders)
                .filteredOn(entry -> entry.caseId().equals(overdue.caseId()))
                .singleElement()
                .satisfies(entry -> assertThat(entry.overdue()).isTrue());
        var queue = SignedIn.as(Role.CASE_MANAGER, office, () -> cases.queue(0));
        var references = queue.stream().map(QueueEntry::reference).toList();
        assertThat(references).contains(overdue.reference());
        assertThat(queue).isSortedAccordingTo(java.util.Comparator.comparing(QueueEntry::dueOn));
        assertThat(due.reference()).isNotEqualTo(overdue.reference());
    }

    @Test
    void anonymousNotificationKeepsCodesOnlyAndRefusesChildren() {
        var id = SignedIn.as(
                Role.REFERRER,
                inspectorate,
                () -> cases.notifyAnonymously(new AnonymousNotification(
                        "Masculine", AgeGroup.AGE_30_38, "UKR", Set.of("ForcedLabour", "ForcedBegging"), "North")));

        var stored = jdbc.sql("select age_group, nationality from cases.anonymous_notification where id = :id")
                .param("id", id)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
                .single();
        assertThat(stored).isEqualTo("AGE_30_38 UKR");
        assertThatThrownBy(() -> SignedIn.as(
                        Role.REFERRER,
                        inspectorate,
                        () -> cases.notifyAnonymously(
                                new AnonymousNotification(null, AgeGroup.AGE_9_17, null, Set.of(), null))))
                .isInstanceOf(CaseRuleViolation.class)
                .hasMessageContaining("refer the child");
    }

    @Autowired
    org.opennrm.screening.Screenings screenings;

    @Test
    void referralLinksAScreeningOfItsOwnOrganisationOnly() {
        var screening = SignedIn.as(
                Role.REFERRER,
                inspectorate,
                () -> screenings.screen(new org.opennrm.screening.ScreeningRequest(
                        screenings.checklists().getFirst().id(), java.util.Map.of(), null, null)));
        var request = CaseFixtures.adultReferral(shelter);
        var withScreening = new OpenCase(
                request.person(),
                false,
                request.circumstances(),
                request.profile(),
                request.consents(),
                request.events(),
                null,
                screening.id().value());

        var opened = SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(withScreening));
        assertThat(read(opened).details().screeningId())
                .isEqualTo(screening.id().value());

        var otherReferrer = police;
        assertThatThrownBy(() -> SignedIn.as(Role.REFERRER, otherReferrer, () -> cases.open(withScreening)))
                .isInstanceOf(CaseRuleViolation.class)
                .hasMessageContaining("screening");
    }

    @Test
    void identityColumnsAreRegisteredForKeyRotation() {
        assertThat(encryptedColumns)
                .extracting(EncryptedColumn::toString)
                .contains(
                        "cases.person.given_name",
                        "cases.person.family_name",
                        "cases.person.date_of_birth",
                        "cases.case_file.circumstances",
                        "cases.decision.reasons");
    }
}
