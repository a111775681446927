package org.opennrm.monitoring.plan.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The co-ordinating body: the co-ordinator adds member organisations with their role, records a meeting and an action
 * item assigned to a member (a due date before the meeting refused at its field), sees it on the home panel while it
 * is open and due, and marks it done; readers of the plan read, only the co-ordinator changes; all audited.
 */
@PlatformTest
class CoordinatingBodyTests {

    @Autowired
    CoordinatingBody body;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    UUID office;
    UUID inspectorate;

    @BeforeEach
    void organisations() {
        office = registry.findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        inspectorate =
                registry.findByName("State Labour Inspectorate").orElseThrow().id();
    }

    @Test
    void theCoordinatorKeepsMembersMeetingsAndActionItems() {
        var today = body.today();
        var member = SignedIn.as(Role.COORDINATOR, office, () -> body.addMember(inspectorate, BodyRole.MEMBER));
        assertThat(member.role()).isEqualTo(BodyRole.MEMBER);
        // adding it again changes its role, it does not sit twice
        SignedIn.as(Role.COORDINATOR, office, () -> body.addMember(inspectorate, BodyRole.CHAIR));
        var members = SignedIn.as(Role.REFERRER, inspectorate, () -> body.members());
        assertThat(members.stream().filter(m -> m.organisationId().equals(inspectorate)))
                .singleElement()
                .extracting(BodyMember::role)
                .isEqualTo(BodyRole.CHAIR);
        assertThatThrownBy(() ->
                        SignedIn.as(Role.COORDINATOR, office, () -> body.addMember(UUID.randomUUID(), BodyRole.MEMBER)))
                .isInstanceOf(BodyRefused.class)
                .extracting(e -> ((BodyRefused) e).field())
                .isEqualTo("organisationId");

        var meeting = SignedIn.as(
                Role.COORDINATOR, office, () -> body.recordMeeting(today.minusDays(30), "  1. Labour inspections  "));
        assertThat(meeting.agenda()).isEqualTo("1. Labour inspections");
        assertThatThrownBy(() -> SignedIn.as(
                        Role.COORDINATOR,
                        office,
                        () -> body.decide(meeting.id(), "Report", inspectorate, today.minusDays(31), null)))
                .isInstanceOf(BodyRefused.class)
                .extracting(e -> ((BodyRefused) e).label())
                .isEqualTo("plan.body.action.dueOn.beforeMeeting");
        // only a member of the body is assigned an action item
        var notMember =
                registry.findByName("Safe Harbour Shelter").orElseThrow().id();
        SignedIn.run(Role.COORDINATOR, office, () -> {
            if (body.members().stream().anyMatch(m -> m.organisationId().equals(notMember))) {
                body.removeMember(notMember);
            }
        });
        assertThatThrownBy(() -> SignedIn.as(
                        Role.COORDINATOR,
                        office,
                        () -> body.decide(meeting.id(), "Report", notMember, today.plusDays(3), null)))
                .isInstanceOf(BodyRefused.class)
                .extracting(e -> ((BodyRefused) e).field())
                .isEqualTo("organisationId");

        String what = "Send the inspection figures " + UUID.randomUUID();
        var item = SignedIn.as(
                Role.COORDINATOR,
                office,
                () -> body.decide(meeting.id(), what, inspectorate, today.minusDays(1), null));
        assertThat(item.overdue(today)).isTrue();
        var due = SignedIn.as(Role.COORDINATOR, office, () -> body.dueAndOverdue());
        assertThat(due).extracting(ActionItem::what).contains(what);

        // a lead organisation reads, it does not change the body
        SignedIn.run(Role.REFERRER, inspectorate, () -> assertThatThrownBy(() -> body.markDone(item.id()))
                .isInstanceOf(AccessDeniedException.class));

        var done = SignedIn.as(Role.COORDINATOR, office, () -> body.markDone(item.id()));
        assertThat(done.doneOn()).isEqualTo(today);
        assertThat(done.overdue(today)).isFalse();
        assertThat(SignedIn.as(Role.COORDINATOR, office, () -> body.dueAndOverdue()))
                .extracting(ActionItem::what)
                .doesNotContain(what);

        var minuted = SignedIn.as(
                Role.COORDINATOR,
                office,
                () -> body.recordMinutes(meeting.id(), "Present: all.", " Figures monthly. ", meeting.version()));
        assertThat(minuted.decisions()).isEqualTo("Figures monthly.");
        assertThat(jdbc.sql("select count(*) from access.audit_entry where record_type = 'plan-body-action'"
                                + " and record_id = :id")
                        .param("id", item.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
    }

    @Test
    void theMeetingPageRefusesADueDateBeforeTheMeetingAtItsFieldAndThePanelLinksTheOverdueItem() throws Exception {
        var today = body.today();
        SignedIn.as(Role.COORDINATOR, office, () -> body.addMember(inspectorate, BodyRole.MEMBER));
        var meeting = SignedIn.as(Role.COORDINATOR, office, () -> body.recordMeeting(today.minusDays(10), "Agenda"));
        String what = "Draft the referral guidelines " + UUID.randomUUID();
        mvc.perform(post("/plans/body/meetings/" + meeting.id() + "/actions")
                        .param("what", what)
                        .param("organisationId", inspectorate.toString())
                        .param("dueOn", today.minusDays(11).toString())
                        .with(as(Role.COORDINATOR, office))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"dueOn-error\"")))
                .andExpect(content().string(containsString("The due date cannot come before the meeting.")))
                .andExpect(content().string(containsString(what)));
        mvc.perform(post("/plans/body/meetings/" + meeting.id() + "/actions")
                        .param("what", what)
                        .param("organisationId", inspectorate.toString())
                        .param("dueOn", today.minusDays(2).toString())
                        .with(as(Role.COORDINATOR, office))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        var item = SignedIn.as(Role.COORDINATOR, office, () -> body.actionsOf(meeting.id()))
                .getFirst();
        mvc.perform(get("/plans/panel").with(as(Role.COORDINATOR, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"body-actions\"")))
                .andExpect(content()
                        .string(containsString("/plans/body/meetings/" + meeting.id() + "#action-" + item.id())))
                .andExpect(content().string(containsString(what)));
        // a lead organisation reads the meeting without the forms, and cannot post
        mvc.perform(get("/plans/body/meetings/" + meeting.id()).with(as(Role.REFERRER, inspectorate)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(what)))
                .andExpect(content().string(not(containsString("id=\"action-form\""))));
        mvc.perform(post("/plans/body/actions/" + item.id() + "/done")
                        .with(as(Role.REFERRER, inspectorate))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/plans/body/members")
                        .param("organisationId", "")
                        .param("role", "MEMBER")
                        .with(as(Role.COORDINATOR, office))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"organisationId-error\"")));
    }
}
