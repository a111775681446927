package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.AnonymousNotification;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.ClosureReason;
import org.opennrm.cases.ConsentPurpose;
import org.opennrm.cases.ConsentStatement;
import org.opennrm.cases.OpenCase;
import org.opennrm.cases.PersonIdentity;
import org.opennrm.cases.SignedIn;
import org.opennrm.cases.TraffickingProfile;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Journeys across modules: what a person does in the cases module becomes coded facts through its events (a
 * referral with the person's codes and the trafficking profile, an anonymous notification, a closure). Nothing that
 * names a person or a case is kept. Synthetic persons only. Each event kind on its own, with exact counts, is tested
 * in {@link StatisticsModuleTests}.
 */
@PlatformTest
class EventFactsTests {

    @Autowired
    CaseManagement caseManagement;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    UUID shelter() {
        return organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
    }

    /** Facts are recorded after the event's transaction commits, on another thread: wait for the count. */
    List<String> factsAfter(String where, Object param, int expected) throws InterruptedException {
        List<String> facts = List.of();
        for (int i = 0; i < 100 && facts.size() < expected; i++) {
            Thread.sleep(100);
            facts = jdbc.sql("select row_to_json(f)::text from statistics.fact f where " + where + " order by id")
                    .param(param)
                    .query(String.class)
                    .list();
        }
        return facts;
    }

    @Test
    void aReferralIsCountedWithThePersonsCodesAndTheProfileButNoIdentity() throws Exception {
        // a country of exploitation no other test uses, so that the new fact is this test's own
        String country = "NRU";
        String family = "Factova" + UUID.randomUUID().toString().substring(0, 6);
        long before = jdbc.sql("select count(*) from statistics.fact where event_kind = 'REFERRAL'"
                        + " and :country = any(exploitation_countries)")
                .param("country", country)
                .query(Long.class)
                .single();
        var opened = caseManagement.openFor(
                shelter(),
                UUID.randomUUID(),
                new OpenCase(
                        new PersonIdentity("Lumi", family, null, null, 25, "Feminine", Set.of("MDA"), Set.of("ron")),
                        false,
                        "Synthetic referral for a statistics test.",
                        new TraffickingProfile(
                                Set.of("ForcedLabour", "SexualExploitation"),
                                Set.of("DebtBondage", "WithholdsDocuments"),
                                Set.of("A_AgricultureForestryAndFishing"),
                                Set.of(),
                                Set.of(),
                                "Familial",
                                Set.of(),
                                Set.of(),
                                Set.of(country),
                                Set.of()),
                        List.of(
                                new ConsentStatement(ConsentPurpose.ASSISTANCE, null, true),
                                new ConsentStatement(ConsentPurpose.STATISTICS, null, true)),
                        List.of(),
                        null,
                        null));

        var facts =
                factsAfter("event_kind = 'REFERRAL' and ? = any(exploitation_countries)", country, (int) before + 1);

        assertThat(facts).hasSize((int) before + 1);
        String fact = facts.getLast();
        assertThat(fact)
                .contains("\"referring_sector\":\"NGO\"")
                .contains("\"region_code\":\"NORTH-REGION\"")
                .contains("\"sex\":\"FEMININE\"")
                .contains("\"age_band\":\"24-26\"")
                .contains("\"child\":false")
                .contains("\"citizenship\":\"MDA\"")
                .contains("\"exploitation_forms\":[\"FORCED_LABOUR\",\"SEXUAL_EXPLOITATION\"]")
                .contains("\"methods_of_control\":[\"DEBT_BONDAGE\",\"WITHHOLDS_DOCUMENTS\"]")
                .contains("\"sectors\":[\"A\"]")
                .contains("\"recruiter_relationship\":\"FAMILIAL\"")
                .contains("\"exploitation_countries\":[\"" + country + "\"]")
                .contains("\"statistics_consent\":true")
                .doesNotContain(family)
                .doesNotContain("Lumi")
                .doesNotContain(opened.caseId().value().toString())
                .doesNotContain(opened.reference());
    }

    @Test
    void aClosureIsCountedWithItsReason() throws Exception {
        var opened = caseManagement.openFor(
                shelter(),
                UUID.randomUUID(),
                new OpenCase(
                        new PersonIdentity("Ona", "Closova", null, null, 40, "Masculine", Set.of(), Set.of()),
                        false,
                        null,
                        TraffickingProfile.empty(),
                        List.of(new ConsentStatement(ConsentPurpose.ASSISTANCE, null, true)),
                        List.of(),
                        null,
                        null));
        long before = jdbc.sql("select count(*) from statistics.fact where closure_reason = 'PERSON_WITHDREW'")
                .query(Long.class)
                .single();

        SignedIn.run(
                Role.CASE_MANAGER,
                shelter(),
                () -> caseManagement.close(opened.caseId(), null, ClosureReason.PERSON_WITHDREW));

        var facts = factsAfter("closure_reason = ?", "PERSON_WITHDREW", (int) before + 1);
        assertThat(facts).hasSize((int) before + 1);
        assertThat(facts.getLast()).contains("\"event_kind\":\"CLOSURE\"").contains("\"statistics_consent\":null");
    }

    @Test
    void anAnonymousNotificationKeepsARegionOnlyWhenAnOrganisationServesIt() throws Exception {
        // a nationality no other test uses, so that the new facts are this test's own
        String nationality = "BTN";
        long before = jdbc.sql("select count(*) from statistics.fact where event_kind = 'ANONYMOUS_NOTIFICATION'"
                        + " and citizenship = ?")
                .param(nationality)
                .query(Long.class)
                .single();

        SignedIn.run(Role.REFERRER, shelter(), () -> {
            caseManagement.notifyAnonymously(new AnonymousNotification(
                    "Masculine", AgeGroup.AGE_30_38, nationality, Set.of("ForcedBegging"), "North Region"));
            caseManagement.notifyAnonymously(new AnonymousNotification(
                    "Masculine", AgeGroup.AGE_30_38, nationality, Set.of("ForcedBegging"), "Flat of Jane Roe"));
        });

        var facts =
                factsAfter("event_kind = 'ANONYMOUS_NOTIFICATION' and citizenship = ?", nationality, (int) before + 2);
        assertThat(facts).hasSize((int) before + 2);
        assertThat(facts.subList(facts.size() - 2, facts.size()))
                .allSatisfy(fact -> assertThat(fact)
                        .contains("\"sex\":\"MASCULINE\"")
                        .contains("\"age_band\":\"30-38\"")
                        .contains("\"exploitation_forms\":[\"FORCED_BEGGING\"]")
                        .doesNotContainIgnoringCase("jane")
                        .doesNotContainIgnoringCase("roe"))
                .anySatisfy(fact -> assertThat(fact).contains("\"region_code\":\"NORTH-REGION\""))
                .anySatisfy(fact -> assertThat(fact).contains("\"region_code\":null"));
    }
}
