package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.EventsDelivered;
import org.opennrm.PlatformTest;
import org.opennrm.access.Actor;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.SignedIn;
import org.opennrm.cases.TraffickingProfile;
import org.opennrm.cases.Vulnerability;
import org.opennrm.cases.events.ProfileChanged;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A trafficking profile changed after the referral reaches the referral's fact, and a count revised that way after it
 * was published never makes the dashboard, the "who is exploited where" page or the next release fail: the revised
 * cells are withheld (the reader keeps the published value) and the rest is shown.
 */
@PlatformTest
class ProfileChangesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NationalStatistics statistics;

    @Autowired
    CaseManagement cases;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    final UUID organisation = UUID.randomUUID();
    final Actor assembler = TestSignIn.actor(Role.STATISTICIAN, organisation);
    final Actor approver = TestSignIn.actor(Role.STATISTICIAN, organisation);

    String referralOf(CaseId caseId) {
        return jdbc.sql("""
                        select array_to_string(f.exploitation_forms, ',') || ' / '
                            || array_to_string(f.vulnerabilities, ',') || ' / '
                            || array_to_string(f.recruitment_methods, ',') || ' / '
                            || array_to_string(f.recruitment_platforms, ',') || ' / '
                            || array_to_string(f.sectors, ',') || ' / ' || coalesce(f.recruiter_relationship, '-')
                            || ' / ' || f.period_year || '-' || f.period_month
                        from statistics.fact f join statistics.referral_case r on r.fact_id = f.id
                        where r.case_id = :case""").param("case", caseId.value()).query(String.class).single();
    }

    @Test
    void aProfileChangedOnACaseReachesItsReferralsFactAndOnlyItsProfile() {
        UUID shelter =
                organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        var opened = cases.openFor(shelter, UUID.randomUUID(), CaseFixtures.adultReferral(shelter));
        EventsDelivered.await(jdbc);
        String referred = referralOf(opened.caseId());
        assertThat(referred)
                .startsWith("FORCED_LABOUR / DEBT / THROUGH_ONLINE_SOCIAL_NETWORKS / TELEGRAM / F / ACQUAINTED / ");
        String month = referred.substring(referred.lastIndexOf(" / "));

        SignedIn.run(
                Role.CASE_MANAGER,
                shelter,
                () -> cases.changeProfile(
                        opened.caseId(),
                        null,
                        new TraffickingProfile(
                                Set.of("ForcedCriminality"),
                                Set.of(),
                                Set.of("C_Manufacturing"),
                                Set.of("AtAPlaceOfBusiness"),
                                Set.of("4Sale", "TikTok"),
                                "Familial",
                                Set.of(),
                                Set.of(),
                                Set.of("POL"),
                                Set.of(Vulnerability.CARE_LEAVER, Vulnerability.DISABILITY))));
        EventsDelivered.await(jdbc);

        assertThat(referralOf(opened.caseId()))
                .isEqualTo("FORCED_CRIMINALITY / CARE_LEAVER,DISABILITY / AT_APLACE_OF_BUSINESS / 4_SALE,TIK_TOK / C"
                        + " / FAMILIAL" + month);
    }

    @Test
    void aProfileChangedOnACaseReferredBeforeFactsFollowedProfilesChangesNoFact() {
        CaseId unknown = CaseId.of(UUID.randomUUID());
        transactions.executeWithoutResult(status -> events.publishEvent(new ProfileChanged(
                unknown,
                YearMonth.of(2024, 3),
                Set.of("ForcedLabour"),
                Set.of(),
                Set.of(),
                null,
                Set.of(),
                Set.of("DEBT"),
                Set.of(),
                Set.of())));
        EventsDelivered.await(jdbc);
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :id")
                        .param("id", "%" + unknown.value() + "%")
                        .query(Long.class)
                        .single())
                .as("delivered, not failed")
                .isZero();
    }

    @Test
    void aProfileChangedAfterAReleaseLeavesTheDashboardTheWherePageAndTheNextReleaseAClearAnswer() throws Exception {
        String region = "PC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<UUID> labour = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UUID caseId = UUID.randomUUID();
            labour.add(caseId);
            statistics.recordReferral(caseId, null, referral(region, i, "FORCED_LABOUR", Set.of("DEBT")));
        }
        for (int i = 0; i < 24; i++) {
            statistics.recordReferral(
                    UUID.randomUUID(), null, referral(region, i, "SEXUAL_EXPLOITATION", Set.of("HOMELESSNESS")));
        }
        approve(assemble(region, "Forms 2011-Q1 " + region));

        // a woman counted under forced labour and debt turns out to have been sexually exploited and homeless: after
        // the release, her profile changes
        transactions.executeWithoutResult(status -> events.publishEvent(new ProfileChanged(
                CaseId.of(labour.getFirst()),
                YearMonth.of(2011, 6),
                Set.of("SexualExploitation"),
                Set.of(),
                Set.of(),
                null,
                Set.of(),
                Set.of("HOMELESSNESS"),
                Set.of(),
                Set.of())));
        EventsDelivered.await(jdbc);
        assertThat(jdbc.sql("""
                        select count(*) from statistics.fact
                        where region_code = :region and vulnerabilities = '{HOMELESSNESS}'
                            and exploitation_forms = '{SEXUAL_EXPLOITATION}' and period_year = 2011
                            and period_month = 2""").param("region", region).query(Long.class).single())
                .as("the referral keeps its month and takes the new form and vulnerability")
                .isEqualTo(25);

        // the dashboard: the table, with the revised cells withheld and the rest as before
        mvc.perform(get("/statistics")
                        .param("rows", "exploitation-form")
                        .param("columns", "sex")
                        .param("from", "2011-Q1")
                        .param("to", "2011-Q1")
                        .param("region", region)
                        .with(as(Role.STATISTICIAN, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"national-table\"")))
                .andExpect(content().string(containsString("revised")));
        var table = SignedIn.as(
                Role.STATISTICIAN,
                organisation,
                () -> statistics.table(
                        TableRequest.of("exploitation-form", "sex", null, "2011-Q1", "2011-Q1", region),
                        Rounding.NONE));
        int labourRow = table.rows().indexOf("FORCED_LABOUR");
        int sexualRow = table.rows().indexOf("SEXUAL_EXPLOITATION");
        int women = table.columns().indexOf("FEMALE");
        int men = table.columns().indexOf("MALE");
        assertThat(table.cells()[labourRow][women])
                .as("15 published, 14 now: withheld")
                .isNull();
        assertThat(table.cells()[sexualRow][women])
                .as("12 published, 13 now: withheld")
                .isNull();
        assertThat(table.cells()[labourRow][men]).as("unchanged").isEqualTo(15L);
        assertThat(table.cells()[sexualRow][men]).as("unchanged").isEqualTo(12L);
        assertThat(table.cells()[labourRow][table.columns().size()])
                .as("30 published, 29 now: withheld")
                .isNull();
        assertThat(table.cells()[table.rows().size()][women])
                .as("27 women, as published")
                .isEqualTo(27L);

        // who is exploited where, by region and nationally
        mvc.perform(get("/prevention/where")
                        .param("rows", "exploitation-form")
                        .param("columns", "region")
                        .param("from", "2011-Q1")
                        .param("to", "2011-Q1")
                        .with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"where-table\"")));
        mvc.perform(get("/prevention/where")
                        .param("rows", "vulnerability")
                        .param("columns", "sex")
                        .param("from", "2011-Q1")
                        .param("to", "2011-Q1")
                        .with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"where-table\"")));
        mvc.perform(get("/prevention/where.csv")
                        .param("rows", "exploitation-form")
                        .param("columns", "region")
                        .param("from", "2011-Q1")
                        .param("to", "2011-Q1")
                        .with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk());

        // and the next release of the same table is assembled, the revised cells withheld with their reason
        String second = assemble(region, "Forms 2011-Q1 again " + region);
        mvc.perform(get("/statistics/releases/" + second).with(as(assembler)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("revised")))
                .andExpect(content().string(containsString("4 more cells withheld")));
        approve(second);
    }

    private static Fact referral(String region, int i, String form, Set<String> vulnerabilities) {
        return Fact.of(EventKind.REFERRAL, YearMonth.of(2011, 2))
                .origin(region, "NGO")
                .person(i % 2 == 0 ? "FEMALE" : "MALE", "30-38", false, "MDA")
                .exploitationForms(Set.of(form))
                .vulnerabilities(vulnerabilities)
                .build();
    }

    private String assemble(String region, String title) throws Exception {
        String location = mvc.perform(post("/statistics/releases")
                        .with(as(assembler))
                        .with(csrf())
                        .param("title", title)
                        .param("from", "2011-Q1")
                        .param("to", "2011-Q1")
                        .param("region", region)
                        .param("table", "exploitation-form:sex"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private void approve(String id) throws Exception {
        mvc.perform(post("/statistics/releases/" + id + "/approve")
                        .with(as(approver))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
    }
}
