package org.opennrm.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@PlatformTest
@TestPropertySource(properties = PlatformTest.SYNTHETIC_CASES)
class SyntheticCasesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    SyntheticCases synthetic;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void fortyCasesExistOnStartAndALaterLoadAddsNone() {
        assertThat(count("select count(*) from cases.case_file")).isEqualTo(40);
        assertThat(count("select count(*) from referrals.referral")).isEqualTo(40);

        assertThat(synthetic.load()).isZero();
        assertThat(count("select count(*) from cases.case_file")).isEqualTo(40);
    }

    @Test
    void theCasesLiveOverPastQuartersAsTheyWouldHave() {
        // spread over the last eight quarters, each with the reference of its year and decisions in order
        assertThat(count("select count(distinct date_trunc('quarter', referred_on)) from cases.case_file"))
                .isGreaterThanOrEqualTo(4);
        assertThat(count("select count(*) from cases.case_file where referred_on < current_date - 400"))
                .isPositive();
        assertThat(count("""
                        select count(*) from cases.case_file
                        where substring(reference from 5 for 4)::int <> extract(year from referred_on)""")).isZero();
        assertThat(count("""
                        select count(*) from cases.decision d join cases.case_file c on c.id = d.case_id
                        where d.decided_on < c.referred_on""")).isZero();
        assertThat(count("select count(*) from cases.decision where outcome in ('IDENTIFIED', 'NOT_IDENTIFIED')"))
                .isPositive();
        assertThat(count("select count(*) from cases.case_file where status = 'CLOSED'"))
                .isPositive();
        // skewed like real NRM data: a few forms and countries of origin give most cases
        assertThat(count("""
                        select count(*) from cases.case_file
                        where exploitation_forms && array['ForcedLabour', 'SexualExploitation']::varchar[]""")).isGreaterThan(20);
    }

    @Test
    void theDemoPublishesOneReleaseAssembledAndApprovedByTwoStatisticians() {
        assertThat(count("""
                        select count(*) from statistics.release
                        where status = 'PUBLISHED' and approved_by <> assembled_by""")).isOne();
        assertThat(count("select count(*) from statistics.published_cell")).isPositive();
        // a later load publishes nothing more
        synthetic.load();
        assertThat(count("select count(*) from statistics.release")).isOne();
    }

    @Test
    void profilesAreRecordedAsAnNrmRecordsThemOftenButNotAlways() {
        // forty cases: means for about seven in ten, the recruiter for six, recruitment for half (loose bounds)
        assertThat(count("select count(*) from cases.case_file where cardinality(methods_of_control) > 0"))
                .isBetween(16L, 39L);
        assertThat(count("select count(*) from cases.case_file where recruiter_relationship is not null"))
                .isBetween(10L, 36L);
        assertThat(count("select count(*) from cases.case_file where cardinality(recruitment_methods) > 0"))
                .isBetween(6L, 34L);
        // a platform only where the recruitment was online
        assertThat(count("""
                        select count(*) from cases.case_file
                        where cardinality(recruitment_platforms) > 0
                          and not exists (select 1 from unnest(recruitment_methods) m where m like '%Online%')""")).isZero();
    }

    @Test
    void theCasesComeFromSeveralReferrersAndSomeHaveAPreliminaryDecision() {
        assertThat(count("select count(distinct referring_organisation_id) from cases.case_file"))
                .isGreaterThan(1);
        assertThat(count("select count(*) from cases.decision")).isPositive();
    }

    @Test
    void aCaseManagerSeesTheCasesInTheQueueAndReadsEachCasePage() throws Exception {
        var office = organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        var body = mvc.perform(get("/api/v1/cases/queue").with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<UUID> ids = new ArrayList<>();
        for (JsonNode entry : json.readTree(body).get("entries")) {
            ids.add(UUID.fromString(entry.get("caseId").asString()));
        }
        // the cases without a decision due (closed, decided formally or negatively) are not in the queue
        long queued = count("select count(*) from cases.case_file where next_due_on is not null");
        assertThat(ids).hasSize((int) queued);

        for (UUID id : ids) {
            var page = mvc.perform(get("/cases/{id}", id).with(as(Role.CASE_MANAGER, office)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page)
                    .containsPattern("(Alena|Boris|Carmela|Dario|Elif|Farid|Galina|Hugo|Ines|Jonas|Kira|Lev"
                            + "|Mara|Nuno|Olesia|Pavel|Rosa|Samir|Tana|Uriel|Vesna|Wen|Yara|Zoran) [A-Z][a-z]+");
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
