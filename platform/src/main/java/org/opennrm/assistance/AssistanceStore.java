package org.opennrm.assistance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opennrm.access.IdentityProtection;
import org.opennrm.cases.CaseId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The assistance schema. What people write about a person here (need notes, plan items, service outcomes, the offence
 * and note of a non-punishment record, the reason for closure) is encrypted with the identity key, bound to its row;
 * the columns are declared in {@link AssistanceConfiguration} so that key rotation covers them.
 */
@Repository
class AssistanceStore {

    static final String NEED_NOTE = "assistance.need.note:";
    static final String PLAN_ITEM_TEXT = "assistance.plan_item.text:";
    static final String SERVICE_OUTCOME = "assistance.service.outcome:";
    static final String NON_PUNISHMENT_OFFENCE = "assistance.non_punishment.offence:";
    static final String NON_PUNISHMENT_NOTE = "assistance.non_punishment.note:";
    static final String CLOSURE_REASON = "assistance.closure.reason:";

    private final JdbcClient jdbc;
    private final IdentityProtection protection;

    AssistanceStore(JdbcClient jdbc, IdentityProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    void saveNeed(CaseId caseId, Need need, UUID by) {
        jdbc.sql("""
                        insert into assistance.need (case_id, area, level, note, assessed_on, assessed_by)
                        values (:caseId, :area, :level, :note, :on, :by)
                        on conflict (case_id, area) do update set level = excluded.level, note = excluded.note,
                            assessed_on = excluded.assessed_on, assessed_by = excluded.assessed_by""")
                .param("caseId", caseId.value())
                .param("area", need.area().name())
                .param("level", need.level().name())
                .param(
                        "note",
                        protection.encrypt(
                                need.note(),
                                NEED_NOTE + caseId.value() + ":" + need.area().name()))
                .param("on", Date.valueOf(need.assessedOn()))
                .param("by", by)
                .update();
    }

    List<Need> needs(CaseId caseId) {
        return jdbc
                .sql("select * from assistance.need where case_id = :caseId")
                .param("caseId", caseId.value())
                .query((rs, n) -> new Need(
                        NeedArea.valueOf(rs.getString("area")),
                        NeedLevel.valueOf(rs.getString("level")),
                        protection.decrypt(rs.getString("note"), NEED_NOTE + rs.getString("need_key")),
                        rs.getDate("assessed_on").toLocalDate()))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(Need::area))
                .toList();
    }

    void insertPlan(UUID planId, CaseId caseId, Instant at) {
        jdbc.sql("insert into assistance.plan (id, case_id, opened_at) values (:id, :caseId, :at)")
                .param("id", planId)
                .param("caseId", caseId.value())
                .param("at", Timestamp.from(at))
                .update();
    }

    void closePlan(UUID planId, Instant at) {
        jdbc.sql("update assistance.plan set closed_at = :at where id = :id")
                .param("id", planId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The latest plan of the case, open or closed. */
    Optional<AssistancePlan> plan(CaseId caseId) {
        return jdbc.sql("""
                        select * from assistance.plan where case_id = :caseId order by opened_at desc, id limit 1""")
                .param("caseId", caseId.value())
                .query((rs, n) -> {
                    var closed = rs.getTimestamp("closed_at");
                    return new AssistancePlan(
                            rs.getObject("id", UUID.class),
                            closed == null,
                            rs.getTimestamp("opened_at").toInstant(),
                            closed == null ? null : closed.toInstant(),
                            List.of());
                })
                .optional()
                .map(plan ->
                        new AssistancePlan(plan.id(), plan.open(), plan.openedAt(), plan.closedAt(), items(plan.id())));
    }

    void insertItem(UUID planId, PlanItem item) {
        jdbc.sql("""
                        insert into assistance.plan_item (id, plan_id, kind, text, created_at)
                        values (:id, :planId, :kind, :text, :at)""")
                .param("id", item.id())
                .param("planId", planId)
                .param("kind", item.kind().name())
                .param("text", protection.encrypt(item.text(), PLAN_ITEM_TEXT + item.id()))
                .param("at", Timestamp.from(item.createdAt()))
                .update();
    }

    private List<PlanItem> items(UUID planId) {
        return jdbc.sql("select * from assistance.plan_item where plan_id = :planId order by created_at, id")
                .param("planId", planId)
                .query((rs, n) -> new PlanItem(
                        rs.getObject("id", UUID.class),
                        PlanItemKind.valueOf(rs.getString("kind")),
                        protection.decrypt(rs.getString("text"), PLAN_ITEM_TEXT + rs.getObject("id", UUID.class)),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    void insertService(CaseId caseId, DeliveredService service, Instant at, UUID by) {
        jdbc.sql("""
                        insert into assistance.service (id, plan_id, case_id, type, provider_organisation_id, started_on,
                            ended_on, outcome, expires_on, result, recorded_at, recorded_by)
                        values (:id, :planId, :caseId, :type, :provider, :startedOn, :endedOn, :outcome, :expiresOn,
                            :result, :at, :by)""")
                .param("id", service.id())
                .param("planId", service.planId())
                .param("caseId", caseId.value())
                .param("type", service.type().name())
                .param("provider", service.providerOrganisationId())
                .param("startedOn", Date.valueOf(service.startedOn()))
                .param("endedOn", service.endedOn() == null ? null : Date.valueOf(service.endedOn()))
                .param("outcome", protection.encrypt(service.outcome(), SERVICE_OUTCOME + service.id()))
                .param("expiresOn", service.expiresOn() == null ? null : Date.valueOf(service.expiresOn()))
                .param(
                        "result",
                        service.result() == null ? null : service.result().name())
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
    }

    /**
     * Records the decision on a pending application or claim, only if it is still pending as read (two decisions at
     * once: the second finds nothing to decide).
     */
    boolean decideService(UUID id, ServiceResult pending, ServiceResult result, LocalDate expiresOn) {
        return jdbc.sql("""
                        update assistance.service set result = :result, expires_on = :expiresOn
                        where id = :id and result = :pending""")
                        .param("id", id)
                        .param("pending", pending.name())
                        .param("result", result.name())
                        .param("expiresOn", expiresOn == null ? null : Date.valueOf(expiresOn))
                        .update()
                == 1;
    }

    List<DeliveredService> services(CaseId caseId) {
        return jdbc.sql("select * from assistance.service where case_id = :caseId order by started_on, recorded_at")
                .param("caseId", caseId.value())
                .query((rs, n) -> service(rs))
                .list();
    }

    /** Residence permits of open plans' cases that expire on or before the day, soonest first. */
    List<PermitReminder> permitsExpiringBy(LocalDate day) {
        return jdbc.sql("""
                        select * from assistance.service where expires_on is not null and expires_on <= :day
                        order by expires_on, id limit 500""")
                .param("day", Date.valueOf(day))
                .query((rs, n) -> new PermitReminder(CaseId.of(rs.getObject("case_id", UUID.class)), service(rs)))
                .list();
    }

    private DeliveredService service(java.sql.ResultSet rs) throws java.sql.SQLException {
        var ended = rs.getDate("ended_on");
        var expires = rs.getDate("expires_on");
        var result = rs.getString("result");
        return new DeliveredService(
                rs.getObject("id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                ServiceType.valueOf(rs.getString("type")),
                rs.getObject("provider_organisation_id", UUID.class),
                rs.getDate("started_on").toLocalDate(),
                ended == null ? null : ended.toLocalDate(),
                protection.decrypt(rs.getString("outcome"), SERVICE_OUTCOME + rs.getObject("id", UUID.class)),
                expires == null ? null : expires.toLocalDate(),
                result == null ? null : ServiceResult.valueOf(result));
    }

    void insertNonPunishment(CaseId caseId, NonPunishment record, UUID by) {
        jdbc.sql("""
                        insert into assistance.non_punishment (id, case_id, offence, direct_result, note, recorded_on,
                            recorded_by)
                        values (:id, :caseId, :offence, :direct, :note, :on, :by)""")
                .param("id", record.id())
                .param("caseId", caseId.value())
                .param("offence", protection.encrypt(record.offence(), NON_PUNISHMENT_OFFENCE + record.id()))
                .param("direct", record.directResultOfTrafficking())
                .param("note", protection.encrypt(record.note(), NON_PUNISHMENT_NOTE + record.id()))
                .param("on", Date.valueOf(record.recordedOn()))
                .param("by", by)
                .update();
    }

    List<NonPunishment> nonPunishment(CaseId caseId) {
        return jdbc.sql("select * from assistance.non_punishment where case_id = :caseId order by recorded_on, id")
                .param("caseId", caseId.value())
                .query((rs, n) -> new NonPunishment(
                        rs.getObject("id", UUID.class),
                        protection.decrypt(
                                rs.getString("offence"), NON_PUNISHMENT_OFFENCE + rs.getObject("id", UUID.class)),
                        rs.getBoolean("direct_result"),
                        protection.decrypt(rs.getString("note"), NON_PUNISHMENT_NOTE + rs.getObject("id", UUID.class)),
                        rs.getDate("recorded_on").toLocalDate()))
                .list();
    }

    void insertClosure(CaseId caseId, Closure closure, UUID by) {
        jdbc.sql("""
                        insert into assistance.closure (id, case_id, solution, reason, feedback_language, feedback,
                            closed_at, closed_by)
                        values (:id, :caseId, :solution, :reason, :language, :feedback, :at, :by)""")
                .param("id", closure.id())
                .param("caseId", caseId.value())
                .param("solution", closure.solution().name())
                .param("reason", protection.encrypt(closure.reason(), CLOSURE_REASON + closure.id()))
                .param("language", closure.feedbackLanguage())
                .param(
                        "feedback",
                        closure.feedback().isEmpty()
                                ? null
                                : closure.feedback().entrySet().stream()
                                        .map(entry -> entry.getKey().name() + "="
                                                + entry.getValue().name())
                                        .collect(Collectors.joining(" ")))
                .param("at", Timestamp.from(closure.closedAt()))
                .param("by", by)
                .update();
    }

    List<Closure> closures(CaseId caseId) {
        return jdbc.sql("select * from assistance.closure where case_id = :caseId order by closed_at, id")
                .param("caseId", caseId.value())
                .query((rs, n) -> {
                    Map<FeedbackQuestion, FeedbackAnswer> feedback = new EnumMap<>(FeedbackQuestion.class);
                    String stored = rs.getString("feedback");
                    if (stored != null) {
                        Arrays.stream(stored.split(" "))
                                .map(pair -> pair.split("="))
                                .forEach(pair -> feedback.put(
                                        FeedbackQuestion.valueOf(pair[0]), FeedbackAnswer.valueOf(pair[1])));
                    }
                    return new Closure(
                            rs.getObject("id", UUID.class),
                            DurableSolution.valueOf(rs.getString("solution")),
                            protection.decrypt(rs.getString("reason"), CLOSURE_REASON + rs.getObject("id", UUID.class)),
                            rs.getString("feedback_language"),
                            feedback,
                            rs.getTimestamp("closed_at").toInstant());
                })
                .list();
    }
}
