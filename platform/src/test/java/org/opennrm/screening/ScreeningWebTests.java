package org.opennrm.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.screening.events.ScreeningCompleted;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Screening through the whole application: a screening stored without identity for the screener's organisation,
 * audited when saved and read, announced to other modules, invisible to another organisation, and the home page's
 * link. The pages' own answers (the checklist in the reader's language, refused answers, the result page, who reaches
 * the pages) are in {@link ScreeningPagesSliceTests}.
 */
@PlatformTest
@RecordApplicationEvents
class ScreeningWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    final UUID organisation = UUID.randomUUID();

    UUID screened(UUID organisationId) throws Exception {
        String location = mvc.perform(ScreeningPagesSliceTests.illustrationOne(organisationId))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/screening/results/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void answeringTheChecklistSavesAScreeningWithoutIdentityForTheScreenersOrganisation() throws Exception {
        UUID id = screened(organisation);

        var row = jdbc.sql("select suggestion, age_group, organisation_id from screening.screening where id = :id")
                .param("id", id)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class)))
                .single();
        assertThat(row).containsExactly("REFER_AS_PRESUMED_VICTIM", "ADULT", organisation);
        mvc.perform(get("/screening/results/{id}", id).with(as(Role.REFERRER, organisation)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("Indicators suggest that this person may be a presumed victim")));
    }

    @Test
    void aScreeningTableHasNoPlaceForAName() {
        var columns = jdbc.sql("""
                        select column_name from information_schema.columns
                        where table_schema = 'screening' and table_name = 'screening'""").query(String.class).set();
        assertThat(columns)
                .containsExactlyInAnyOrder(
                        "id",
                        "checklist",
                        "checklist_version",
                        "catalogue_version",
                        "rule_version",
                        "rule_verification",
                        "age_group",
                        "exploitation_forms",
                        "answers",
                        "result",
                        "suggestion",
                        "screened_by",
                        "organisation_id",
                        "screened_at",
                        "idempotency_key");
    }

    @Test
    void savingAndReadingAScreeningAreAuditedAndAnnounced() throws Exception {
        UUID id = screened(organisation);
        mvc.perform(get("/screening/results/{id}", id).with(as(Role.REFERRER, organisation)))
                .andExpect(status().isOk());

        var actions =
                jdbc.sql("""
                        select action from access.audit_entry
                        where record_type = 'screening' and record_id = :id order by id""").param("id", id.toString()).query(String.class).list();
        assertThat(actions).containsExactly("CREATE", "READ");
        assertThat(events.stream(ScreeningCompleted.class)
                        .filter(e -> e.screeningId().value().equals(id)))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.checklist()).isEqualTo("labour-inspection");
                    // the version answered travels with the event: the one the screening itself stored
                    assertThat(event.checklistVersion())
                            .startsWith("labour-inspection/r")
                            .isEqualTo(jdbc.sql("select checklist_version from screening.screening where id = :id")
                                    .param("id", id)
                                    .query(String.class)
                                    .single());
                    assertThat(event.suggestion()).isEqualTo(Suggestion.REFER_AS_PRESUMED_VICTIM);
                    assertThat(event.forms()).containsExactly(ExploitationForm.LABOUR_EXPLOITATION);
                    assertThat(event.organisationId()).isEqualTo(organisation);
                });
    }

    @Test
    void anotherOrganisationGetsNotFoundForAScreeningAndNothingIsLoggedAsRead() throws Exception {
        UUID id = screened(organisation);

        mvc.perform(get("/screening/results/{id}", id).with(as(Role.REFERRER, UUID.randomUUID())))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("presumed victim"))));
        assertThat(jdbc.sql("select count(*) from access.audit_entry where record_id = :id and action = 'READ'")
                        .param("id", id.toString())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void onlyRolesThatScreenSeeTheLinkOnTheHomePage() throws Exception {
        mvc.perform(get("/").with(as(Role.STATISTICIAN, organisation)))
                .andExpect(content().string(not(containsString("href=\"/screening\""))));
        mvc.perform(get("/").with(as(Role.REFERRER, organisation)))
                .andExpect(content().string(containsString("href=\"/screening\"")));
    }
}
