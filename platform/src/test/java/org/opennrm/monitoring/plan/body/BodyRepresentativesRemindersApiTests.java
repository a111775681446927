package org.opennrm.monitoring.plan.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.EventsDelivered;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The co-ordinating body, continued: members with their representatives (a function or e-mail needs a name; the audit
 * does not name them), minutes saved on the version read (a stale save overwrites nothing, on the page and over the
 * API), reminders of action items due and overdue that tell the assigned organisation and the co-ordinators once per
 * kind, and the body, the reports and the rapporteur's comments over the API.
 */
@PlatformTest
class BodyRepresentativesRemindersApiTests {

    @Autowired
    CoordinatingBody body;

    @Autowired
    ActionItemReminders reminders;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    UUID office;
    UUID inspectorate;
    UUID shelter;

    @BeforeEach
    void organisations() {
        office = registry.findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        inspectorate =
                registry.findByName("State Labour Inspectorate").orElseThrow().id();
        shelter = registry.findByName("Safe Harbour Shelter").orElseThrow().id();
    }

    @Test
    void aMemberNamesItsRepresentativeAndTheAuditDoesNot() {
        var member = SignedIn.as(
                Role.COORDINATOR,
                office,
                () -> body.addMember(
                        shelter,
                        BodyRole.OBSERVER,
                        new Representative(" Ana Testova ", "Director", "ana.testova@example.org")));
        assertThat(member.representative().name()).isEqualTo("Ana Testova");
        assertThat(member.representative().email()).isEqualTo("ana.testova@example.org");
        assertThat(SignedIn.as(Role.REFERRER, inspectorate, () -> body.members()))
                .filteredOn(m -> m.organisationId().equals(shelter))
                .singleElement()
                .extracting(m -> m.representative().function())
                .isEqualTo("Director");

        assertThatThrownBy(() -> SignedIn.as(
                        Role.COORDINATOR,
                        office,
                        () -> body.addMember(
                                shelter, BodyRole.MEMBER, new Representative(null, null, "someone@example.org"))))
                .isInstanceOf(BodyRefused.class)
                .extracting(e -> ((BodyRefused) e).field())
                .isEqualTo("representative");
        assertThatThrownBy(() -> SignedIn.as(
                        Role.COORDINATOR,
                        office,
                        () -> body.addMember(
                                shelter, BodyRole.MEMBER, new Representative("Ana Testova", null, "not an address"))))
                .isInstanceOf(BodyRefused.class)
                .extracting(e -> ((BodyRefused) e).field())
                .isEqualTo("representativeEmail");
        // the refused changes left the member as it was
        assertThat(SignedIn.as(Role.COORDINATOR, office, () -> body.members()))
                .filteredOn(m -> m.organisationId().equals(shelter))
                .singleElement()
                .extracting(BodyMember::role)
                .isEqualTo(BodyRole.OBSERVER);

        List<String> details = jdbc.sql("select detail from access.audit_entry where record_type = 'plan-body-member'"
                        + " and record_id = :id")
                .param("id", shelter.toString())
                .query(String.class)
                .list();
        assertThat(details).isNotEmpty().noneMatch(detail -> detail != null && detail.contains("Testova"));
    }

    @Test
    void aStaleSaveOfTheMinutesOverwritesNothingAndThePageKeepsWhatWasWritten() throws Exception {
        var meeting = SignedIn.as(
                Role.COORDINATOR, office, () -> body.recordMeeting(body.today().minusDays(40), "Minutes race"));
        // two people opened the meeting at version 0; the first saves
        var first =
                SignedIn.as(Role.COORDINATOR, office, () -> body.recordMinutes(meeting.id(), "First minutes", null, 0));
        assertThat(first.version()).isEqualTo(1);
        // the second, on version 0, is refused: the first's minutes stay
        assertThatThrownBy(() -> SignedIn.as(
                        Role.COORDINATOR, office, () -> body.recordMinutes(meeting.id(), "Second minutes", null, 0)))
                .isInstanceOf(MinutesChanged.class);
        assertThat(SignedIn.as(Role.COORDINATOR, office, () -> body.meeting(meeting.id()))
                        .minutes())
                .isEqualTo("First minutes");

        mvc.perform(post("/plans/body/meetings/" + meeting.id() + "/minutes")
                        .param("minutes", "What the second person wrote")
                        .param("decisions", "")
                        .param("version", "0")
                        .with(as(Role.COORDINATOR, office))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"minutes-error\"")))
                .andExpect(content().string(containsString("Someone else saved these minutes")))
                .andExpect(content().string(containsString("What the second person wrote")))
                .andExpect(content().string(containsString("First minutes")))
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));

        mvc.perform(put("/api/v1/plan-body/meetings/" + meeting.id() + "/minutes")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"minutes\": \"Over the API\", \"version\": 0}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/v1/plan-body/meetings/" + meeting.id() + "/minutes")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"minutes\": \"Over the API\", \"version\": 1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void anActionItemIsRemindedOnceDueAndOnceOverdueAndItsOrganisationAndTheCoordinatorsAreTold() {
        SignedIn.as(Role.COORDINATOR, office, () -> body.addMember(inspectorate, BodyRole.MEMBER));
        var heldOn = LocalDate.of(2190, 3, 1);
        var meeting = SignedIn.as(Role.COORDINATOR, office, () -> body.recordMeeting(heldOn, "Reminders"));
        var dueOn = heldOn.plusMonths(2);
        var item = SignedIn.as(
                Role.COORDINATOR,
                office,
                () -> body.decide(meeting.id(), "Send the inspection figures", inspectorate, dueOn, null));
        var done = SignedIn.as(
                Role.COORDINATOR,
                office,
                () -> body.decide(meeting.id(), "Already done before its date", inspectorate, dueOn, null));
        SignedIn.as(Role.COORDINATOR, office, () -> body.markDone(done.id()));

        reminders.remind(dueOn.minusDays(30));
        assertThat(kinds(item.id())).isEmpty();
        reminders.remind(dueOn.minusDays(10));
        reminders.remind(dueOn.minusDays(9));
        assertThat(kinds(item.id())).containsExactly("DUE_SOON");
        reminders.remind(dueOn.plusDays(1));
        reminders.remind(dueOn.plusDays(3));
        assertThat(kinds(item.id())).containsExactly("DUE_SOON", "OVERDUE");
        assertThat(kinds(done.id())).isEmpty();

        EventsDelivered.await(jdbc);
        String link = "/plans/body/meetings/" + meeting.id() + "#action-" + item.id();
        assertThat(told("inspector", link)).containsExactly("ACTION_ITEM_DUE", "ACTION_ITEM_OVERDUE");
        assertThat(told("coordinator", link)).containsExactly("ACTION_ITEM_DUE", "ACTION_ITEM_OVERDUE");
        // a shelter worker reports on the plan for another organisation: not told
        assertThat(told("shelter", link)).isEmpty();
    }

    @Test
    void theBodyReportsAndCommentsAnswerOverTheApi() throws Exception {
        mvc.perform(post("/api/v1/plan-body/members")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"organisationId": "%s", "role": "MEMBER",
                                 "representativeEmail": "nobody@example.org"}""".formatted(inspectorate)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("representative"));
        mvc.perform(post("/api/v1/plan-body/members")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"organisationId": "%s", "role": "MEMBER", "representative": "Ivo Probni",
                                 "representativeFunction": "Chief inspector"}""".formatted(inspectorate)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.representative.name").value("Ivo Probni"));
        mvc.perform(post("/api/v1/plan-body/meetings")
                        .with(as(Role.REFERRER, inspectorate))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"heldOn\": \"2191-01-10\", \"agenda\": \"Not theirs to call\"}"))
                .andExpect(status().isForbidden());
        String meeting = mvc.perform(post("/api/v1/plan-body/meetings")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"heldOn\": \"2191-01-10\", \"agenda\": \"Quarterly meeting\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String meetingId = meeting.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        mvc.perform(post("/api/v1/plan-body/meetings/" + meetingId + "/actions")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"what": "Before the meeting", "organisationId": "%s", "dueOn": "2191-01-01"}""".formatted(inspectorate)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dueOn"));
        mvc.perform(post("/api/v1/plan-body/meetings/" + meetingId + "/actions")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"what": "Share the inspection plan", "organisationId": "%s", "dueOn": "2191-02-01"}""".formatted(inspectorate)))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/plan-body/meetings/" + meetingId).with(as(Role.REFERRER, inspectorate)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.meeting.agenda").value("Quarterly meeting"))
                .andExpect(jsonPath("$.actions[0].what").value("Share the inspection plan"));
        mvc.perform(get("/api/v1/plan-body/meetings/" + UUID.randomUUID()).with(as(Role.COORDINATOR, office)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        // the rapporteur's comments: on an unknown measure, not found; empty, refused; the co-ordinator cannot write
        mvc.perform(post("/api/v1/plan-comments")
                        .with(as(Role.STATISTICIAN, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\": \"MEASURE\", \"subjectId\": \"%s\", \"text\": \"Late\"}"
                                .formatted(UUID.randomUUID())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/plan-comments")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\": \"MEASURE\", \"subjectId\": \"%s\", \"text\": \"Late\"}"
                                .formatted(UUID.randomUUID())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/plan-comments")
                        .param("subject", "REPORT")
                        .param("subjectId", UUID.randomUUID().toString())
                        .with(as(Role.COORDINATOR, office)))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
        mvc.perform(get("/api/v1/plan-comments")
                        .param("subject", "NOT_A_SUBJECT")
                        .param("subjectId", UUID.randomUUID().toString())
                        .with(as(Role.COORDINATOR, office)))
                .andExpect(status().isBadRequest());

        // reports: a draft on an unknown plan is not found; the list of an unknown plan is empty
        mvc.perform(post("/api/v1/plan-reports")
                        .with(as(Role.COORDINATOR, office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"planId\": \"%s\", \"year\": 2026, \"title\": \"Report\"}"
                                .formatted(UUID.randomUUID())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/plan-reports")
                        .param("planId", UUID.randomUUID().toString())
                        .with(as(Role.STATISTICIAN, office)))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
    }

    private List<String> kinds(UUID actionId) {
        return jdbc.sql("select kind from monitoring.plan_body_action_reminder where action_id = :id order by kind")
                .param("id", actionId)
                .query(String.class)
                .list();
    }

    private List<String> told(String username, String link) {
        return jdbc.sql("""
                        select n.kind from notifications.notification n join access.account a on a.id = n.account_id
                        where a.username = :username and n.link = :link order by n.kind""")
                .param("username", username)
                .param("link", link)
                .query(String.class)
                .list();
    }
}
