package org.opennrm.monitoring.plan.body;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.monitoring.plan.ActionPlans;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The co-ordinating body of the national response: the co-ordinator ({@code plan:manage:all}) keeps its members
 * (organisations of the registry with their role), records its meetings (agenda first, minutes and decisions after)
 * and the action items each meeting decides, and marks them done; every reader of the plan reads it all. Every
 * change is audited with ids and codes only.
 */
@Service
public class CoordinatingBody {

    static final String READ = "hasAnyAuthority('plan:read:all','plan:update:organisation')";
    static final String MANAGE = "hasAuthority('plan:manage:all')";

    /** Open action items due within this many days show on the co-ordinator's home panel beside the overdue ones. */
    public static final int DUE_SOON_DAYS = 14;

    private final JdbcClient jdbc;
    private final OrganisationRegistry registry;
    private final ActionPlans plans;
    private final AuditTrail audit;
    private final Clock clock;

    CoordinatingBody(JdbcClient jdbc, OrganisationRegistry registry, ActionPlans plans, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds an organisation of the registry to the body without a named representative (see the next method). */
    @Transactional
    @PreAuthorize(MANAGE)
    public BodyMember addMember(UUID organisationId, BodyRole role) {
        return addMember(organisationId, role, Representative.NONE);
    }

    /**
     * Adds an organisation of the registry to the body with the official who represents it, or changes its role and
     * representative when it already sits in it (the day it joined stays).
     */
    @Transactional
    @PreAuthorize(MANAGE)
    public BodyMember addMember(UUID organisationId, BodyRole role, Representative representative) {
        if (organisationId == null || registry.find(organisationId).isEmpty()) {
            throw new BodyRefused(
                    "organisationId", "plan.body.member.organisation.required", "Choose an organisation.");
        }
        if (role == null) {
            throw new BodyRefused("role", "plan.body.member.role.required", "Choose the organisation's role.");
        }
        var who = representative == null ? Representative.NONE : representative;
        check(who);
        jdbc.sql("""
                        insert into monitoring.plan_body_member
                            (organisation_id, role, since, representative, representative_function, representative_email)
                        values (:id, :role, :since, :name, :function, :email)
                        on conflict (organisation_id) do update set role = excluded.role,
                            representative = excluded.representative,
                            representative_function = excluded.representative_function,
                            representative_email = excluded.representative_email""")
                .param("id", organisationId)
                .param("role", role.name())
                .param("since", today())
                .param("name", who.name())
                .param("function", who.function())
                .param("email", who.email())
                .update();
        // the audit names the role and whether someone represents the organisation, not who
        audit.record(
                AuditAction.UPDATE,
                "plan-body-member",
                organisationId,
                role.name() + (who.named() ? " representative named" : ""));
        return member(organisationId);
    }

    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private static void check(Representative who) {
        if (who.name() != null && who.name().length() > Representative.NAME_LENGTH) {
            throw new BodyRefused("representative", "plan.body.member.representative.size", "The name is too long.");
        }
        if (who.function() != null && who.function().length() > Representative.NAME_LENGTH) {
            throw new BodyRefused(
                    "representativeFunction", "plan.body.member.representative.size", "The function is too long.");
        }
        if (who.email() != null) {
            if (who.email().length() > Representative.EMAIL_LENGTH
                    || !EMAIL.matcher(who.email()).matches()) {
                throw new BodyRefused(
                        "representativeEmail",
                        "plan.body.member.representative.email",
                        "Write the e-mail address as name@example.org.");
            }
            if (!who.named()) {
                throw new BodyRefused(
                        "representative",
                        "plan.body.member.representative.required",
                        "Name the representative whose e-mail this is.");
            }
        }
        if (who.function() != null && !who.named()) {
            throw new BodyRefused(
                    "representative",
                    "plan.body.member.representative.required",
                    "Name the representative whose function this is.");
        }
    }

    /** Removes an organisation from the body; its action items stay, assigned as they were. */
    @Transactional
    @PreAuthorize(MANAGE)
    public void removeMember(UUID organisationId) {
        int removed = jdbc.sql("delete from monitoring.plan_body_member where organisation_id = :id")
                .param("id", organisationId)
                .update();
        if (removed == 0) {
            throw new RecordNotFound("plan-body-member", organisationId);
        }
        audit.record(AuditAction.DELETE, "plan-body-member", organisationId, "removed");
    }

    /** The members, chair first, then members, then observers. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<BodyMember> members() {
        return jdbc.sql("""
                        select * from monitoring.plan_body_member
                        order by case role when 'CHAIR' then 0 when 'MEMBER' then 1 else 2 end, since, organisation_id""")
                .query((rs, n) -> new BodyMember(
                        rs.getObject("organisation_id", UUID.class),
                        BodyRole.valueOf(rs.getString("role")),
                        rs.getObject("since", LocalDate.class),
                        new Representative(
                                rs.getString("representative"),
                                rs.getString("representative_function"),
                                rs.getString("representative_email"))))
                .list();
    }

    private BodyMember member(UUID organisationId) {
        return members().stream()
                .filter(member -> member.organisationId().equals(organisationId))
                .findFirst()
                .orElseThrow(() -> new RecordNotFound("plan-body-member", organisationId));
    }

    /** Records a meeting on a day with its agenda; minutes and decisions come after it. */
    @Transactional
    @PreAuthorize(MANAGE)
    public Meeting recordMeeting(LocalDate heldOn, String agenda) {
        if (heldOn == null) {
            throw new BodyRefused("heldOn", "plan.body.meeting.heldOn.required", "Give the day of the meeting.");
        }
        String kept = agenda == null ? "" : agenda.strip();
        if (kept.isEmpty() || kept.length() > Meeting.AGENDA_LENGTH) {
            throw new BodyRefused(
                    "agenda",
                    "plan.body.meeting.agenda.required",
                    "Write the agenda (at most " + Meeting.AGENDA_LENGTH + " characters).");
        }
        var meeting = new Meeting(UUID.randomUUID(), heldOn, kept, null, null, 0);
        jdbc.sql("insert into monitoring.plan_body_meeting (id, held_on, agenda) values (:id, :heldOn, :agenda)")
                .param("id", meeting.id())
                .param("heldOn", heldOn)
                .param("agenda", kept)
                .update();
        audit.record(AuditAction.CREATE, "plan-body-meeting", meeting.id(), heldOn.toString());
        return meeting;
    }

    /**
     * Enters (or corrects) the minutes and decisions of a meeting, on the version of them the person read: when
     * someone else saved them in between, nothing is overwritten and {@link MinutesChanged} says so (the page then
     * shows theirs beside what this person wrote).
     */
    @Transactional
    @PreAuthorize(MANAGE)
    public Meeting recordMinutes(UUID meetingId, String minutes, String decisions, int version) {
        var meeting = meeting(meetingId);
        String keptMinutes = blankToNull(minutes);
        String keptDecisions = blankToNull(decisions);
        if (keptMinutes != null && keptMinutes.length() > Meeting.MINUTES_LENGTH) {
            throw new BodyRefused("minutes", "plan.body.meeting.text.size", "The minutes are too long.");
        }
        if (keptDecisions != null && keptDecisions.length() > Meeting.MINUTES_LENGTH) {
            throw new BodyRefused("decisions", "plan.body.meeting.text.size", "The decisions are too long.");
        }
        int saved = jdbc.sql("""
                        update monitoring.plan_body_meeting
                        set minutes = :minutes, decisions = :decisions, version = version + 1
                        where id = :id and version = :version""")
                .param("minutes", keptMinutes)
                .param("decisions", keptDecisions)
                .param("id", meetingId)
                .param("version", version)
                .update();
        if (saved == 0) {
            throw new MinutesChanged(meetingId, version);
        }
        audit.record(AuditAction.UPDATE, "plan-body-meeting", meetingId, "minutes version " + (version + 1));
        return new Meeting(meeting.id(), meeting.heldOn(), meeting.agenda(), keptMinutes, keptDecisions, version + 1);
    }

    /** The meetings, latest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<Meeting> meetings() {
        return jdbc.sql("select * from monitoring.plan_body_meeting order by held_on desc, id")
                .query((rs, n) -> meeting(rs))
                .list();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public Meeting meeting(UUID meetingId) {
        return jdbc.sql("select * from monitoring.plan_body_meeting where id = :id")
                .param("id", meetingId)
                .query((rs, n) -> meeting(rs))
                .optional()
                .orElseThrow(() -> new RecordNotFound("plan-body-meeting", meetingId));
    }

    /**
     * Records an action item decided at a meeting: assigned to an organisation sitting in the body, due on a day not
     * before the meeting, optionally answering a measure of the action plan.
     */
    @Transactional
    @PreAuthorize(MANAGE)
    public ActionItem decide(UUID meetingId, String what, UUID organisationId, LocalDate dueOn, UUID measureId) {
        var meeting = meeting(meetingId);
        String kept = what == null ? "" : what.strip();
        if (kept.isEmpty() || kept.length() > ActionItem.WHAT_LENGTH) {
            throw new BodyRefused(
                    "what",
                    "plan.body.action.what.required",
                    "Say what is to be done (at most " + ActionItem.WHAT_LENGTH + " characters).");
        }
        if (organisationId == null
                || members().stream()
                        .noneMatch(member -> member.organisationId().equals(organisationId))) {
            throw new BodyRefused(
                    "organisationId",
                    "plan.body.action.organisation.required",
                    "Assign it to an organisation that sits in the body.");
        }
        if (dueOn == null) {
            throw new BodyRefused("dueOn", "plan.body.action.dueOn.required", "Give the due date.");
        }
        if (dueOn.isBefore(meeting.heldOn())) {
            throw new BodyRefused(
                    "dueOn", "plan.body.action.dueOn.beforeMeeting", "The due date cannot come before the meeting.");
        }
        if (measureId != null) {
            plans.measure(measureId); // an unknown measure answers not found
        }
        var item = new ActionItem(
                UUID.randomUUID(), meetingId, meeting.heldOn(), kept, organisationId, dueOn, measureId, null);
        jdbc.sql("""
                        insert into monitoring.plan_body_action (id, meeting_id, what, organisation_id, due_on, measure_id)
                        values (:id, :meetingId, :what, :organisationId, :dueOn, :measureId)""")
                .param("id", item.id())
                .param("meetingId", meetingId)
                .param("what", kept)
                .param("organisationId", organisationId)
                .param("dueOn", dueOn)
                .param("measureId", measureId)
                .update();
        audit.record(AuditAction.CREATE, "plan-body-action", item.id(), "meeting " + meetingId);
        return item;
    }

    /** Marks an action item done today; marking it again keeps the first day. */
    @Transactional
    @PreAuthorize(MANAGE)
    public ActionItem markDone(UUID actionId) {
        var item = action(actionId);
        if (item.done()) {
            return item;
        }
        jdbc.sql("update monitoring.plan_body_action set done_on = :today where id = :id")
                .param("today", today())
                .param("id", actionId)
                .update();
        audit.record(AuditAction.UPDATE, "plan-body-action", actionId, "DONE");
        return action(actionId);
    }

    /** The action items decided at a meeting, soonest due first. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<ActionItem> actionsOf(UUID meetingId) {
        return jdbc.sql(ACTIONS + " where a.meeting_id = :id order by a.due_on, a.id")
                .param("id", meetingId)
                .query((rs, n) -> action(rs))
                .list();
    }

    /** Open action items overdue or due within {@link #DUE_SOON_DAYS} days: what the co-ordinator chases. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<ActionItem> dueAndOverdue() {
        return jdbc.sql(ACTIONS + " where a.done_on is null and a.due_on <= :until order by a.due_on, a.id")
                .param("until", today().plusDays(DUE_SOON_DAYS))
                .query((rs, n) -> action(rs))
                .list();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public ActionItem action(UUID actionId) {
        return jdbc.sql(ACTIONS + " where a.id = :id")
                .param("id", actionId)
                .query((rs, n) -> action(rs))
                .optional()
                .orElseThrow(() -> new RecordNotFound("plan-body-action", actionId));
    }

    /** Today in the platform's clock: the day against which action items are overdue. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private static final String ACTIONS = """
            select a.*, m.held_on from monitoring.plan_body_action a
            join monitoring.plan_body_meeting m on m.id = a.meeting_id""";

    private static ActionItem action(ResultSet rs) throws SQLException {
        return new ActionItem(
                rs.getObject("id", UUID.class),
                rs.getObject("meeting_id", UUID.class),
                rs.getObject("held_on", LocalDate.class),
                rs.getString("what"),
                rs.getObject("organisation_id", UUID.class),
                rs.getObject("due_on", LocalDate.class),
                rs.getObject("measure_id", UUID.class),
                rs.getObject("done_on", LocalDate.class));
    }

    private static Meeting meeting(ResultSet rs) throws SQLException {
        return new Meeting(
                rs.getObject("id", UUID.class),
                rs.getObject("held_on", LocalDate.class),
                rs.getString("agenda"),
                rs.getString("minutes"),
                rs.getString("decisions"),
                rs.getInt("version"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
