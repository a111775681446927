package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.access.AuditTrail;
import org.opennrm.assistance.DurableSolution;
import org.opennrm.assistance.ServiceResult;
import org.opennrm.assistance.ServiceType;
import org.opennrm.assistance.events.DurableSolutionReached;
import org.opennrm.assistance.events.NonPunishmentRecorded;
import org.opennrm.assistance.events.ServiceDelivered;
import org.opennrm.assistance.events.ServiceResultRecorded;
import org.opennrm.cases.AgeCategory;
import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.ConsentPurpose;
import org.opennrm.cases.DecisionKind;
import org.opennrm.cases.DecisionOutcome;
import org.opennrm.cases.ReviewOutcome;
import org.opennrm.cases.events.AgeAssessed;
import org.opennrm.cases.events.AnonymousNotificationReceived;
import org.opennrm.cases.events.CaseOpened;
import org.opennrm.cases.events.CaseReopened;
import org.opennrm.cases.events.ConsentGiven;
import org.opennrm.cases.events.ConsentWithdrawn;
import org.opennrm.cases.events.DecisionReviewed;
import org.opennrm.cases.events.GuardianAppointed;
import org.opennrm.cases.events.IdentificationDecided;
import org.opennrm.cases.events.RecoveryPeriodGranted;
import org.opennrm.linkage.LinkageRuns;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.Sector;
import org.opennrm.referrals.OverrideGround;
import org.opennrm.referrals.events.CaseTransferred;
import org.opennrm.referrals.events.ServiceReferralAccepted;
import org.opennrm.referrals.events.ServiceReferralDeclined;
import org.opennrm.referrals.events.ServiceReferralSent;
import org.opennrm.screening.ExploitationForm;
import org.opennrm.screening.ScreeningId;
import org.opennrm.screening.Suggestion;
import org.opennrm.screening.events.ScreeningCompleted;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The statistics module on its own, with a database of its own: events as the other modules publish them go in,
 * facts and encounters come out. Nothing else of the platform is started; the organisation registry, the audit
 * trail and the linkage runs are stand-ins. Every count here is exact: no other test class writes to this database, and each test starts it empty.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class StatisticsModuleTests {

    @MockitoBean
    OrganisationRegistry organisations;

    @MockitoBean
    AuditTrail audit;

    @MockitoBean
    LinkageRuns linkageRuns;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EncounterOverlaps encounters;

    @Autowired
    NationalStatistics statistics;

    @Autowired
    RoundingKey roundingKey;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    static final UUID SHELTER = UUID.randomUUID();
    static final UUID POLICE = UUID.randomUUID();
    static final UUID CLINIC = UUID.randomUUID();

    /** Each test starts from an empty module: the database is this class's own. */
    @BeforeEach
    void empty() {
        jdbc.sql("truncate statistics.fact, statistics.encounter, statistics.encounter_case, statistics.referral_case")
                .update();
    }

    @BeforeEach
    void registry() {
        var shelter = organisation(SHELTER, Sector.NGO, "North Region");
        var police = organisation(POLICE, Sector.POLICE, "North Region");
        var clinic = organisation(CLINIC, Sector.HEALTH, "South Region");
        when(organisations.find(any())).thenReturn(Optional.empty());
        when(organisations.find(SHELTER)).thenReturn(Optional.of(shelter));
        when(organisations.find(POLICE)).thenReturn(Optional.of(police));
        when(organisations.find(CLINIC)).thenReturn(Optional.of(clinic));
        when(organisations.all()).thenReturn(List.of(shelter, police, clinic));
    }

    static Organisation organisation(UUID id, Sector sector, String region) {
        var organisation = org.mockito.Mockito.mock(Organisation.class);
        when(organisation.id()).thenReturn(id);
        when(organisation.sector()).thenReturn(sector);
        when(organisation.regionsServed()).thenReturn(Set.of(region));
        return organisation;
    }

    long facts(String kind) {
        return jdbc.sql("select count(*) from statistics.fact where event_kind = ?")
                .param(kind)
                .query(Long.class)
                .single();
    }

    List<Map<String, Object>> rows(String kind) {
        return jdbc.sql("select * from statistics.fact where event_kind = ? order by id")
                .param(kind)
                .query()
                .listOfRows();
    }

    static CaseOpened opened(CaseId caseId, UUID personId, UUID referrer, YearMonth month) {
        return new CaseOpened(
                caseId,
                personId,
                referrer,
                AgeCategory.ADULT,
                Set.of("ForcedLabour"),
                month,
                "Feminine",
                AgeGroup.AGE_24_26,
                Set.of("MDA"),
                Set.of("DebtBondage"),
                Set.of("A_AgricultureForestryAndFishing"),
                "Familial",
                Set.of("DEU"),
                Set.of("DEBT", "MIGRANT_OR_REFUGEE"),
                Set.of("ThroughOnlineSocialNetworks"),
                Set.of("Telegram"),
                true);
    }

    @Test
    void aCaseOpenedIsAReferralWithThePersonsCodesAndNoId(Scenario scenario) {
        var caseId = CaseId.of(UUID.randomUUID());
        scenario.publish(opened(caseId, UUID.randomUUID(), SHELTER, YearMonth.of(2025, 5)))
                .andWaitForStateChange(() -> facts("REFERRAL"), count -> count == 1)
                .andVerify(count -> {
                    var fact = rows("REFERRAL").getFirst();
                    assertThat(fact)
                            .containsEntry("period_year", 2025)
                            .containsEntry("period_quarter", 2)
                            .containsEntry("referring_sector", "NGO")
                            .containsEntry("region_code", "NORTH-REGION")
                            .containsEntry("sex", "FEMININE")
                            .containsEntry("age_band", "24-26")
                            .containsEntry("citizenship", "MDA")
                            .containsEntry("statistics_consent", true);
                    assertThat(fact.values().toString())
                            .doesNotContain(caseId.value().toString());
                    // the registering organisation is kept beside the case, for the rapporteur's reporting drops only
                    assertThat(jdbc.sql("select organisation_id from statistics.referral_case where case_id = :c")
                                    .param("c", caseId.value())
                                    .query(UUID.class)
                                    .single())
                            .isEqualTo(SHELTER);
                });
    }

    @Test
    void aReferralCarriesItsVulnerabilitiesAndRecruitmentAsCodesCountedOncePerPerson(Scenario scenario) {
        scenario.publish(opened(CaseId.of(UUID.randomUUID()), UUID.randomUUID(), SHELTER, YearMonth.of(2025, 5)))
                .andWaitForStateChange(() -> facts("REFERRAL"), count -> count == 1);
        var one = opened(CaseId.of(UUID.randomUUID()), UUID.randomUUID(), CLINIC, YearMonth.of(2025, 6));
        scenario.publish(new CaseOpened(
                        one.caseId(),
                        one.personId(),
                        CLINIC,
                        AgeCategory.ADULT,
                        Set.of("ForcedLabour"),
                        one.referredIn(),
                        "Masculine",
                        AgeGroup.AGE_30_38,
                        Set.of("UKR"),
                        Set.of(),
                        Set.of(),
                        null,
                        Set.of(),
                        Set.of("DEBT"),
                        Set.of("AtAPlaceOfBusiness"),
                        Set.of("4Sale", "QZone"),
                        true))
                .andWaitForStateChange(() -> facts("REFERRAL"), count -> count == 2);
        var stored = jdbc.sql("""
                        select array_to_string(vulnerabilities, ',') || ' / ' || array_to_string(recruitment_methods, ',')
                            || ' / ' || array_to_string(recruitment_platforms, ',')
                        from statistics.fact where event_kind = 'REFERRAL' order by id""").query(String.class).list();
        assertThat(stored)
                .containsExactly(
                        "DEBT,MIGRANT_OR_REFUGEE / THROUGH_ONLINE_SOCIAL_NETWORKS / TELEGRAM",
                        "DEBT / AT_APLACE_OF_BUSINESS / 4_SALE,QZONE");
        // two stated vulnerabilities are one person (MULTIPLE), so the table adds up to the two people referred
        var byRegion = statistics.counted(
                new TableRequest(Dimension.VULNERABILITY, Dimension.REGION, EventKind.REFERRAL, null, null, null),
                Rounding.NONE);
        assertThat(byRegion.counts().rows()).containsExactly("DEBT", "MULTIPLE");
        assertThat(byRegion.counts().columns()).containsExactly("NORTH-REGION", "SOUTH-REGION");
        assertThat(byRegion.counts().withTotals()[2][2]).isEqualTo(2);
        var platforms = statistics.counted(
                new TableRequest(
                        Dimension.RECRUITMENT_PLATFORM,
                        Dimension.RECRUITMENT_METHOD,
                        EventKind.REFERRAL,
                        null,
                        null,
                        null),
                Rounding.NONE);
        assertThat(platforms.counts().rows()).containsExactly("MULTIPLE", "TELEGRAM");
        assertThat(platforms.counts().withTotals()[2][2]).isEqualTo(2);
    }

    @Test
    void forcedCriminalityAndOnlineScamCompoundsAreCountedAsFormsOfTheirOwn(Scenario scenario) {
        var opened = opened(CaseId.of(UUID.randomUUID()), UUID.randomUUID(), SHELTER, YearMonth.of(2025, 9));
        var scam = new CaseOpened(
                opened.caseId(),
                opened.personId(),
                SHELTER,
                AgeCategory.ADULT,
                Set.of("ForcedCriminality", "OnlineScamCompound"),
                opened.referredIn(),
                "Masculine",
                AgeGroup.AGE_21_23,
                Set.of("VNM"),
                Set.of(),
                Set.of(),
                null,
                Set.of("KHM"),
                Set.of(),
                Set.of(),
                Set.of(),
                true);
        scenario.publish(scam)
                .andWaitForStateChange(() -> facts("REFERRAL"), count -> count == 1)
                .andVerify(count -> assertThat(jdbc.sql("select array_to_string(exploitation_forms, ',') from"
                                        + " statistics.fact where event_kind = 'REFERRAL'")
                                .query(String.class)
                                .single())
                        .isEqualTo("FORCED_CRIMINALITY,ONLINE_SCAM_COMPOUND"));
        var table = statistics.table(
                new TableRequest(Dimension.EXPLOITATION_FORM, Dimension.SEX, EventKind.REFERRAL, null, null, null),
                Rounding.NONE);
        assertThat(table.rows()).contains("MULTIPLE").doesNotContain("OTHER");
    }

    @Test
    void everyHtcdsGenderFitsAFact(Scenario scenario) {
        var genders = List.of(
                "Feminine",
                "Masculine",
                "TransgenderFeminine",
                "TransgenderMasculine",
                "NonConforming",
                "NonSpecifiedUnknown");
        for (String gender : genders) {
            scenario.publish(new AnonymousNotificationReceived(
                            UUID.randomUUID(),
                            YearMonth.of(2024, 2),
                            gender,
                            AgeGroup.AGE_21_23,
                            "MDA",
                            Set.of(),
                            "South Region"))
                    .andWaitForStateChange(() -> facts("ANONYMOUS_NOTIFICATION"), count -> count > 0);
        }
        var sexes = jdbc.sql(
                        "select coalesce(sex, 'none') from statistics.fact where event_kind = 'ANONYMOUS_NOTIFICATION'")
                .query(String.class)
                .list();
        assertThat(sexes)
                .containsExactlyInAnyOrder(
                        "FEMININE",
                        "MASCULINE",
                        "TRANSGENDER_FEMININE",
                        "TRANSGENDER_MASCULINE",
                        "NON_CONFORMING",
                        "none");
        assertThat(rows("ANONYMOUS_NOTIFICATION"))
                .allSatisfy(fact -> assertThat(fact).containsEntry("region_code", "SOUTH-REGION"));
    }

    @Test
    void aDecisionIsCountedByOutcomeMonthAndDaysTaken(Scenario scenario) {
        scenario.publish(new IdentificationDecided(
                        CaseId.of(UUID.randomUUID()),
                        UUID.randomUUID(),
                        DecisionKind.FORMAL,
                        DecisionOutcome.IDENTIFIED,
                        YearMonth.of(2023, 5),
                        POLICE,
                        null,
                        false,
                        60,
                        AgeCategory.ADULT,
                        UUID.randomUUID()))
                .andWaitForStateChange(() -> facts("IDENTIFICATION_DECISION"), count -> count == 1)
                .andVerify(count -> assertThat(rows("IDENTIFICATION_DECISION").getFirst())
                        .containsEntry("decision_outcome", "IDENTIFIED")
                        .containsEntry("days_to_decision", 60)
                        .containsEntry("period_month", 5)
                        .containsEntry("child", false));
    }

    @Test
    void screeningsServicesAndDurableSolutionsAreCountedByTheirCodes(Scenario scenario) {
        scenario.publish(new ScreeningCompleted(
                        ScreeningId.of(UUID.randomUUID()),
                        "labour-inspection",
                        "labour-inspection/r3",
                        Suggestion.REFER_AS_PRESUMED_VICTIM,
                        org.opennrm.screening.AgeGroup.CHILD,
                        Set.of(ExploitationForm.LABOUR_EXPLOITATION),
                        "test",
                        SHELTER,
                        YearMonth.of(2022, 6)))
                .andWaitForStateChange(() -> facts("SCREENING"), count -> count == 1);
        scenario.publish(new ServiceDelivered(
                        CaseId.of(UUID.randomUUID()), ServiceType.MEDICAL_CARE, YearMonth.of(2022, 7)))
                .andWaitForStateChange(() -> facts("SERVICE_DELIVERED"), count -> count == 1);
        scenario.publish(new DurableSolutionReached(
                        CaseId.of(UUID.randomUUID()), DurableSolution.INTEGRATION_IN_COUNTRY, YearMonth.of(2022, 6)))
                .andWaitForStateChange(() -> facts("DURABLE_SOLUTION"), count -> count == 1);

        assertThat(rows("SCREENING").getFirst())
                .containsEntry("screening_suggestion", "REFER_AS_PRESUMED_VICTIM")
                .containsEntry("screening_checklist_version", "labour-inspection/r3")
                .containsEntry("child", true)
                .containsEntry("referring_sector", "NGO");
        assertThat(rows("SERVICE_DELIVERED").getFirst())
                .containsEntry("service_type", "MEDICAL_CARE")
                .containsEntry("period_month", 7);
        assertThat(rows("DURABLE_SOLUTION").getFirst()).containsEntry("durable_solution", "INTEGRATION_IN_COUNTRY");
    }

    @Test
    void recoveryPeriodsPermitDecisionsReturnsAndNonPunishmentAreCountedAsCodes(Scenario scenario) {
        var caseId = CaseId.of(UUID.randomUUID());
        scenario.publish(new RecoveryPeriodGranted(caseId, YearMonth.of(2024, 5), 45, AgeCategory.CHILD))
                .andWaitForStateChange(() -> facts("RECOVERY_PERIOD_GRANTED"), count -> count == 1);
        scenario.publish(new ServiceDelivered(
                        caseId, ServiceType.TEMPORARY_RESIDENCE_PERMIT, YearMonth.of(2024, 6), ServiceResult.APPLIED))
                .andWaitForStateChange(() -> facts("SERVICE_DELIVERED"), count -> count == 1);
        scenario.publish(new ServiceResultRecorded(
                        caseId, ServiceType.TEMPORARY_RESIDENCE_PERMIT, ServiceResult.GRANTED, YearMonth.of(2024, 9)))
                .andWaitForStateChange(() -> facts("SERVICE_RESULT"), count -> count == 1);
        scenario.publish(new NonPunishmentRecorded(caseId, true, YearMonth.of(2024, 7)))
                .andWaitForStateChange(() -> facts("NON_PUNISHMENT"), count -> count == 1);

        assertThat(rows("RECOVERY_PERIOD_GRANTED").getFirst())
                .containsEntry("period_band", "DAYS_31_TO_60")
                .containsEntry("child", true)
                .containsEntry("period_month", 5);
        assertThat(rows("SERVICE_DELIVERED").getFirst())
                .containsEntry("service_type", "TEMPORARY_RESIDENCE_PERMIT")
                .containsEntry("decision_outcome", "APPLIED");
        assertThat(rows("SERVICE_RESULT").getFirst())
                .containsEntry("service_type", "TEMPORARY_RESIDENCE_PERMIT")
                .containsEntry("decision_outcome", "GRANTED")
                .containsEntry("period_month", 9);
        assertThat(rows("NON_PUNISHMENT").getFirst()).containsEntry("decision_outcome", "DIRECT_RESULT");
        assertThat(List.of(Fact.periodBand(30), Fact.periodBand(31), Fact.periodBand(90), Fact.periodBand(181)))
                .containsExactly("DAYS_UP_TO_30", "DAYS_31_TO_60", "DAYS_61_TO_90", "DAYS_OVER_180");
    }

    @Test
    void consentsGuardiansAgeAssessmentsReviewsAndReopeningsAreCounted(Scenario scenario) {
        var caseId = CaseId.of(UUID.randomUUID());
        var month = YearMonth.of(2021, 3);
        scenario.publish(new ConsentGiven(caseId, ConsentPurpose.SHARING, CLINIC, month))
                .andWaitForStateChange(() -> facts("CONSENT_GIVEN"), count -> count == 1);
        scenario.publish(new ConsentWithdrawn(caseId, ConsentPurpose.SHARING, CLINIC, month))
                .andWaitForStateChange(() -> facts("CONSENT_WITHDRAWN"), count -> count == 1);
        scenario.publish(new GuardianAppointed(caseId, month))
                .andWaitForStateChange(() -> facts("GUARDIAN_APPOINTED"), count -> count == 1);
        scenario.publish(new AgeAssessed(caseId, AgeCategory.ADULT, month))
                .andWaitForStateChange(() -> facts("AGE_ASSESSED"), count -> count == 1);
        scenario.publish(new DecisionReviewed(caseId, UUID.randomUUID(), ReviewOutcome.RECONSIDERED, POLICE, month))
                .andWaitForStateChange(() -> facts("DECISION_REVIEWED"), count -> count == 1);
        scenario.publish(new CaseReopened(caseId, month))
                .andWaitForStateChange(() -> facts("CASE_REOPENED"), count -> count == 1);

        assertThat(rows("CONSENT_WITHDRAWN").getFirst()).containsEntry("consent_purpose", "SHARING");
        assertThat(rows("GUARDIAN_APPOINTED").getFirst()).containsEntry("child", true);
        assertThat(rows("AGE_ASSESSED").getFirst()).containsEntry("child", false);
        assertThat(rows("DECISION_REVIEWED").getFirst()).containsEntry("decision_outcome", "RECONSIDERED");
    }

    @Test
    void eachMoveOfAReferralToServicesAndATransferIsCountedByTheReceiversSector(Scenario scenario) {
        var caseId = CaseId.of(UUID.randomUUID());
        var referralId = UUID.randomUUID();
        var month = YearMonth.of(2020, 11);
        scenario.publish(
                        new ServiceReferralSent(referralId, caseId, POLICE, CLINIC, OverrideGround.RISK_TO_LIFE, month))
                .andWaitForStateChange(() -> facts("SERVICE_REFERRAL_SENT"), count -> count == 1);
        scenario.publish(new ServiceReferralDeclined(referralId, caseId, CLINIC, month))
                .andWaitForStateChange(() -> facts("SERVICE_REFERRAL_DECLINED"), count -> count == 1);
        scenario.publish(new CaseTransferred(caseId, POLICE, SHELTER, month))
                .andWaitForStateChange(() -> facts("CASE_TRANSFERRED"), count -> count == 1);

        assertThat(rows("SERVICE_REFERRAL_SENT").getFirst())
                .containsEntry("receiving_sector", "HEALTH")
                .containsEntry("override_ground", "RISK_TO_LIFE");
        assertThat(rows("SERVICE_REFERRAL_DECLINED").getFirst())
                .containsEntry("receiving_sector", "HEALTH")
                .containsEntry("override_ground", null);
        assertThat(rows("CASE_TRANSFERRED").getFirst()).containsEntry("receiving_sector", "NGO");
    }

    @Test
    void personsAreCountedOncePerCombinationOfTheSectorsThatMetThemWhateverTheOrderOfEvents(Scenario scenario) {
        var year = YearMonth.of(2019, 4);
        UUID twoCases = UUID.randomUUID();
        var first = CaseId.of(UUID.randomUUID());
        var second = CaseId.of(UUID.randomUUID());
        var alone = CaseId.of(UUID.randomUUID());
        // the decision and the acceptance may arrive before the case's own event: the listeners run apart
        scenario.publish(new IdentificationDecided(
                        first,
                        UUID.randomUUID(),
                        DecisionKind.PRELIMINARY,
                        DecisionOutcome.PRESUMED_VICTIM,
                        year,
                        POLICE,
                        null,
                        true,
                        3,
                        AgeCategory.ADULT,
                        UUID.randomUUID()))
                .andWaitForStateChange(() -> encounterRows(), count -> count == 1);
        scenario.publish(opened(first, twoCases, SHELTER, year))
                .andWaitForStateChange(() -> encounterRows(), count -> count == 3);
        scenario.publish(opened(second, twoCases, SHELTER, year.plusMonths(2)))
                .andWaitForStateChange(() -> encounterRows(), count -> count == 5);
        scenario.publish(new ServiceReferralAccepted(UUID.randomUUID(), second, CLINIC, year.plusMonths(3)))
                .andWaitForStateChange(() -> encounterRows(), count -> count == 6);
        scenario.publish(opened(alone, UUID.randomUUID(), CLINIC, year))
                .andWaitForStateChange(() -> encounterRows(), count -> count == 8);
        // an organisation met nobody by a referral it declined
        scenario.publish(new ServiceReferralDeclined(UUID.randomUUID(), alone, SHELTER, year))
                .andWaitForStateChange(() -> facts("SERVICE_REFERRAL_DECLINED"), count -> count > 0);

        var overlap = encounters.encounterOverlap(Year.of(2019), Year.of(2019));

        assertThat(overlap.lists()).containsExactlyInAnyOrder(Sector.NGO, Sector.HEALTH, Sector.POLICE);
        assertThat(overlap.persons()).isEqualTo(2);
        Map<Set<Sector>, Long> bySectors = new java.util.HashMap<>();
        for (var combination : overlap.combinations()) {
            Set<Sector> sectors = java.util.EnumSet.noneOf(Sector.class);
            for (int i = 0; i < overlap.lists().size(); i++) {
                if (combination.on().get(i)) {
                    sectors.add(overlap.lists().get(i));
                }
            }
            bySectors.put(sectors, combination.count());
        }
        assertThat(bySectors)
                .containsOnly(
                        Map.entry(Set.of(Sector.NGO, Sector.HEALTH, Sector.POLICE), 1L),
                        Map.entry(Set.of(Sector.HEALTH), 1L));
        assertThat(encounters.encounterOverlap(Year.of(2020), Year.of(2020)).persons())
                .isZero();
    }

    long encounterRows() {
        return jdbc.sql("select (select count(*) from statistics.encounter) + (select count(*) from"
                        + " statistics.encounter_case)")
                .query(Long.class)
                .single();
    }

    // --- rounding that cannot be averaged away

    void referrals(int count, String sex, String ageBand, String form) {
        for (int i = 0; i < count; i++) {
            statistics.record(Fact.of(EventKind.REFERRAL, YearMonth.of(2024, 5))
                    .origin("NORTH-REGION", "NGO")
                    .person(sex, ageBand, false, "MDA")
                    .exploitationForms(Set.of(form))
                    .build());
        }
    }

    /** The published value of a row's total (or, when the category is a column, the column's total). */
    static long total(ProtectedTable table, String category) {
        int row = table.rows().indexOf(category);
        if (row >= 0) {
            return table.cells()[row][table.columns().size()];
        }
        return table.cells()[table.rows().size()][table.columns().indexOf(category)];
    }

    @Test
    void aCellRoundsTheSameWayInEveryTableThatShowsItSoAveragingFindsNothing() {
        // 23 women and 24 men, every inner cell at least the minimum size, so nothing is suppressed
        referrals(11, "FEMININE", "18-20", "SEXUAL_EXPLOITATION");
        referrals(12, "FEMININE", "21-23", "SEXUAL_EXPLOITATION");
        referrals(10, "MASCULINE", "18-20", "FORCED_LABOUR");
        referrals(14, "MASCULINE", "21-23", "FORCED_LABOUR");
        var tables = List.of(
                statistics.table(
                        new TableRequest(Dimension.SEX, Dimension.AGE_BAND, EventKind.REFERRAL, null, null, null),
                        Rounding.RANDOM),
                statistics.table(
                        new TableRequest(
                                Dimension.SEX, Dimension.EXPLOITATION_FORM, EventKind.REFERRAL, null, null, null),
                        Rounding.RANDOM),
                statistics.table(
                        new TableRequest(Dimension.AGE_GROUP, Dimension.SEX, EventKind.REFERRAL, null, null, null),
                        Rounding.RANDOM),
                statistics.table(
                        new TableRequest(Dimension.SEX, Dimension.CITIZENSHIP, EventKind.REFERRAL, null, null, null),
                        Rounding.RANDOM),
                statistics.table(
                        new TableRequest(
                                Dimension.SEX, Dimension.REFERRING_SECTOR, EventKind.REFERRAL, null, null, null),
                        Rounding.RANDOM),
                statistics.table(
                        new TableRequest(Dimension.SEX, Dimension.REGION, EventKind.REFERRAL, null, null, null),
                        Rounding.RANDOM));

        var women = tables.stream()
                .map(table -> total(table, "FEMININE"))
                .distinct()
                .toList();
        var men = tables.stream()
                .map(table -> total(table, "MASCULINE"))
                .distinct()
                .toList();
        assertThat(women).singleElement().isIn(20L, 25L);
        assertThat(men).singleElement().isIn(20L, 25L);
        var grandTotals = tables.stream()
                .map(table -> table.cells()[table.rows().size()][table.columns().size()])
                .distinct()
                .toList();
        assertThat(grandTotals).singleElement().isIn(45L, 50L);
    }

    @Test
    void aPeriodFilterAndAPeriodCategoryAreTheSameCell() {
        referrals(11, "FEMININE", "18-20", "SEXUAL_EXPLOITATION");
        referrals(12, "FEMININE", "21-23", "SEXUAL_EXPLOITATION");
        var byYear = statistics.table(
                new TableRequest(Dimension.SEX, Dimension.YEAR, EventKind.REFERRAL, null, null, null), Rounding.RANDOM);
        var inTheYear = statistics.table(
                new TableRequest(Dimension.SEX, Dimension.AGE_BAND, EventKind.REFERRAL, "2024-Q1", "2024-Q4", null),
                Rounding.RANDOM);

        long womenIn2024 = byYear.cells()[byYear.rows().indexOf("FEMININE")][
                byYear.columns().indexOf("2024")];
        assertThat(womenIn2024).isEqualTo(total(inTheYear, "FEMININE")).isIn(20L, 25L);
    }

    @Test
    void roundingIsUnbiasedOverCellsAndItsKeyOutlivesARestart() {
        int up = 0;
        int cells = 20_000;
        for (int i = 0; i < cells; i++) {
            var cell = new CellDefinition(EventKind.REFERRAL, i, i, null, Map.of("SEX", "FEMININE"));
            if (Rounding.RANDOM.round(12, roundingKey.draw(cell)) == 15) {
                up++;
            }
        }
        // 12 rounds up with probability 2/5; the standard error over 20,000 cells is about 0.0035
        assertThat(up / (double) cells).isBetween(0.38, 0.42);

        var cell = new CellDefinition(EventKind.CLOSURE, 8100, 8103, "NORTH-REGION", Map.of());
        assertThat(new RoundingKey(jdbc, transactions).draw(cell)).isEqualTo(roundingKey.draw(cell));
        assertThat(jdbc.sql("select count(*) from statistics.rounding_key")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
