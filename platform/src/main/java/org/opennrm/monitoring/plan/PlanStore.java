package org.opennrm.monitoring.plan;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The action plan's tables ({@code monitoring.plan_*}). Every update of a plan or measure checks its version. */
@Repository
class PlanStore {

    private static final String MEASURE_COLUMNS = "id, plan_id, objective_id, title, lead_organisation, partners,"
            + " starts_on, due_on, status, version, created_at, updated_at";

    private final JdbcClient jdbc;

    PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Plan plan) {
        jdbc.sql("""
                        insert into monitoring.plan_plan
                            (id, title, starts_on, ends_on, evidence_required, version, created_at, updated_at)
                        values (:id, :title, :startsOn, :endsOn, :evidenceRequired, 0, :at, :at)""")
                .param("id", plan.id())
                .param("title", plan.title())
                .param("startsOn", plan.startsOn())
                .param("endsOn", plan.endsOn())
                .param("evidenceRequired", plan.evidenceRequired())
                .param("at", Timestamp.from(plan.createdAt()))
                .update();
    }

    void update(UUID id, int expectedVersion, PlanDetails details, java.time.Instant at) {
        int changed = jdbc.sql("""
                        update monitoring.plan_plan set title = :title, starts_on = :startsOn, ends_on = :endsOn,
                            evidence_required = :evidenceRequired, version = version + 1, updated_at = :at
                        where id = :id and version = :version""")
                .param("id", id)
                .param("version", expectedVersion)
                .param("title", details.title())
                .param("startsOn", details.startsOn())
                .param("endsOn", details.endsOn())
                .param("evidenceRequired", details.evidenceRequired())
                .param("at", Timestamp.from(at))
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException(
                    "Plan " + id + " was changed by someone else after version " + expectedVersion);
        }
    }

    Optional<Plan> plan(UUID id) {
        return jdbc.sql("select * from monitoring.plan_plan where id = :id")
                .param("id", id)
                .query(PlanStore::plan)
                .optional();
    }

    List<Plan> plans() {
        return jdbc.sql("select * from monitoring.plan_plan order by starts_on desc, title")
                .query(PlanStore::plan)
                .list();
    }

    void insert(Objective objective) {
        jdbc.sql("""
                        insert into monitoring.plan_objective (id, plan_id, pillar, title, position)
                        values (:id, :planId, :pillar, :title,
                            (select coalesce(max(position), 0) + 1 from monitoring.plan_objective
                              where plan_id = :planId))""")
                .param("id", objective.id())
                .param("planId", objective.planId())
                .param("pillar", objective.pillar().name())
                .param("title", objective.title())
                .update();
    }

    /** A plan's objectives by pillar (in the order of the 4P), then in the order they were added. */
    List<Objective> objectives(UUID planId) {
        return jdbc.sql("""
                        select * from monitoring.plan_objective where plan_id = :planId
                        order by array_position(array['PREVENTION','PROTECTION','PROSECUTION','PARTNERSHIP'],
                            pillar::text), position""")
                .param("planId", planId)
                .query((rs, n) -> new Objective(
                        rs.getObject("id", UUID.class),
                        rs.getObject("plan_id", UUID.class),
                        Pillar.valueOf(rs.getString("pillar")),
                        rs.getString("title"),
                        rs.getInt("position")))
                .list();
    }

    /** Bumps a plan's version: adding an objective or a measure changes the plan someone else may be editing. */
    void touch(UUID planId, java.time.Instant at) {
        jdbc.sql("update monitoring.plan_plan set version = version + 1, updated_at = :at where id = :id")
                .param("id", planId)
                .param("at", Timestamp.from(at))
                .update();
    }

    void insert(Measure measure) {
        jdbc.sql("""
                        insert into monitoring.plan_measure (id, plan_id, objective_id, title, lead_organisation,
                            partners, starts_on, due_on, status, version, created_at, updated_at)
                        values (:id, :planId, :objectiveId, :title, :lead, :partners, :startsOn, :dueOn, :status, 0,
                            :at, :at)""")
                .param("id", measure.id())
                .param("planId", measure.planId())
                .param("objectiveId", measure.objectiveId())
                .param("title", measure.title())
                .param("lead", measure.leadOrganisation())
                .param("partners", measure.partners().toArray(UUID[]::new))
                .param("startsOn", measure.startsOn())
                .param("dueOn", measure.dueOn())
                .param("status", measure.status().name())
                .param("at", Timestamp.from(measure.createdAt()))
                .update();
    }

    Optional<Measure> measure(UUID id) {
        return jdbc.sql("select " + MEASURE_COLUMNS + " from monitoring.plan_measure where id = :id")
                .param("id", id)
                .query(PlanStore::measure)
                .optional();
    }

    List<Measure> measures(UUID planId) {
        return jdbc.sql("select " + MEASURE_COLUMNS
                        + " from monitoring.plan_measure where plan_id = :planId order by due_on, title")
                .param("planId", planId)
                .query(PlanStore::measure)
                .list();
    }

    /** The measures an organisation leads, in every plan, soonest due first. */
    List<Measure> measuresLedBy(UUID organisationId) {
        return jdbc.sql(
                        "select " + MEASURE_COLUMNS
                                + " from monitoring.plan_measure where lead_organisation = :organisation order by due_on, title")
                .param("organisation", organisationId)
                .query(PlanStore::measure)
                .list();
    }

    /** Measures of every plan past their due date and neither done nor dropped, longest overdue first. */
    List<Measure> overdue(java.time.LocalDate today) {
        return jdbc.sql("select " + MEASURE_COLUMNS + " from monitoring.plan_measure"
                        + " where due_on < :today and status not in ('DONE', 'DROPPED') order by due_on, title")
                .param("today", today)
                .query(PlanStore::measure)
                .list();
    }

    /**
     * Takes the measure's next version, if it is still at the version the change was made on; otherwise someone
     * else changed it since, and the change is refused before anything is written.
     */
    void nextVersion(UUID measureId, int expectedVersion, java.time.Instant at) {
        int changed = jdbc.sql("""
                        update monitoring.plan_measure set version = version + 1, updated_at = :at
                        where id = :id and version = :version""")
                .param("id", measureId)
                .param("version", expectedVersion)
                .param("at", Timestamp.from(at))
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException(
                    "Measure " + measureId + " was changed by someone else after version " + expectedVersion);
        }
    }

    /** Changes a measure's details; its version was taken by {@link #nextVersion} first. */
    void changeMeasure(UUID measureId, MeasureDetails details) {
        jdbc.sql("""
                        update monitoring.plan_measure set objective_id = :objectiveId, title = :title,
                            lead_organisation = :lead, partners = :partners, starts_on = :startsOn, due_on = :dueOn
                        where id = :id""")
                .param("id", measureId)
                .param("objectiveId", details.objectiveId())
                .param("title", details.title())
                .param("lead", details.leadOrganisation())
                .param("partners", details.partners().toArray(UUID[]::new))
                .param("startsOn", details.startsOn())
                .param("dueOn", details.dueOn())
                .update();
    }

    void record(StatusChange change) {
        jdbc.sql("update monitoring.plan_measure set status = :status where id = :id")
                .param("id", change.measureId())
                .param("status", change.to().name())
                .update();
        jdbc.sql("""
                        insert into monitoring.plan_status_change
                            (measure_id, changed_at, changed_by, from_status, to_status, evidence)
                        values (:measureId, :at, :by, :from, :to, :evidence)""")
                .param("measureId", change.measureId())
                .param("at", Timestamp.from(change.changedAt()))
                .param("by", change.changedBy())
                .param("from", change.from() == null ? null : change.from().name())
                .param("to", change.to().name())
                .param("evidence", change.evidence())
                .update();
    }

    /** A measure's history, newest first. */
    List<StatusChange> history(UUID measureId) {
        return jdbc.sql("""
                        select * from monitoring.plan_status_change where measure_id = :measureId
                        order by changed_at desc, id desc""")
                .param("measureId", measureId)
                .query((rs, n) -> new StatusChange(
                        rs.getObject("measure_id", UUID.class),
                        rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("changed_by"),
                        rs.getString("from_status") == null ? null : MeasureStatus.valueOf(rs.getString("from_status")),
                        MeasureStatus.valueOf(rs.getString("to_status")),
                        rs.getString("evidence")))
                .list();
    }

    void save(BudgetLine line) {
        jdbc.sql("""
                        insert into monitoring.plan_budget_line (measure_id, year, source, planned, allocated, spent)
                        values (:measureId, :year, :source, :planned, :allocated, :spent)
                        on conflict (measure_id, year, source) do update
                            set planned = excluded.planned, allocated = excluded.allocated, spent = excluded.spent""")
                .param("measureId", line.measureId())
                .param("year", line.year())
                .param("source", line.source().name())
                .param("planned", line.planned())
                .param("allocated", line.allocated())
                .param("spent", line.spent())
                .update();
    }

    Optional<BudgetLine> budgetLine(UUID measureId, int year, FundingSource source) {
        return jdbc.sql("""
                        select * from monitoring.plan_budget_line
                        where measure_id = :measureId and year = :year and source = :source""")
                .param("measureId", measureId)
                .param("year", year)
                .param("source", source.name())
                .query(PlanStore::budgetLine)
                .optional();
    }

    List<BudgetLine> budget(UUID measureId) {
        return jdbc.sql("select * from monitoring.plan_budget_line where measure_id = :measureId order by year, source")
                .param("measureId", measureId)
                .query(PlanStore::budgetLine)
                .list();
    }

    List<BudgetLine> planBudget(UUID planId) {
        return jdbc.sql("""
                        select b.* from monitoring.plan_budget_line b
                        join monitoring.plan_measure m on m.id = b.measure_id
                        where m.plan_id = :planId order by b.year, b.source""")
                .param("planId", planId)
                .query(PlanStore::budgetLine)
                .list();
    }

    void insert(Activity activity) {
        jdbc.sql("""
                        insert into monitoring.plan_activity (id, measure_id, title, due_on, created_at)
                        values (:id, :measureId, :title, :dueOn, :at)""")
                .param("id", activity.id())
                .param("measureId", activity.measureId())
                .param("title", activity.title())
                .param("dueOn", activity.dueOn())
                .param("at", Timestamp.from(activity.createdAt()))
                .update();
    }

    /** Marks an activity done on a day, once: an activity already done keeps its day. */
    void done(UUID activityId, java.time.LocalDate on) {
        jdbc.sql("update monitoring.plan_activity set done_on = :on where id = :id and done_on is null")
                .param("id", activityId)
                .param("on", on)
                .update();
    }

    Optional<Activity> activity(UUID id) {
        return jdbc.sql("select * from monitoring.plan_activity where id = :id")
                .param("id", id)
                .query(PlanStore::activity)
                .optional();
    }

    List<Activity> activities(UUID measureId) {
        return jdbc.sql("select * from monitoring.plan_activity where measure_id = :id order by due_on, title")
                .param("id", measureId)
                .query(PlanStore::activity)
                .list();
    }

    private static Activity activity(ResultSet rs, int row) throws SQLException {
        return new Activity(
                rs.getObject("id", UUID.class),
                rs.getObject("measure_id", UUID.class),
                rs.getString("title"),
                rs.getObject("due_on", java.time.LocalDate.class),
                rs.getObject("done_on", java.time.LocalDate.class),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Plan plan(ResultSet rs, int row) throws SQLException {
        return new Plan(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getObject("starts_on", java.time.LocalDate.class),
                rs.getObject("ends_on", java.time.LocalDate.class),
                rs.getBoolean("evidence_required"),
                rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Measure measure(ResultSet rs, int row) throws SQLException {
        return new Measure(
                rs.getObject("id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                rs.getObject("objective_id", UUID.class),
                rs.getString("title"),
                rs.getObject("lead_organisation", UUID.class),
                uuids(rs.getArray("partners")),
                rs.getObject("starts_on", java.time.LocalDate.class),
                rs.getObject("due_on", java.time.LocalDate.class),
                MeasureStatus.valueOf(rs.getString("status")),
                rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static BudgetLine budgetLine(ResultSet rs, int row) throws SQLException {
        return new BudgetLine(
                rs.getObject("measure_id", UUID.class),
                rs.getInt("year"),
                FundingSource.valueOf(rs.getString("source")),
                rs.getBigDecimal("planned"),
                rs.getBigDecimal("allocated"),
                rs.getBigDecimal("spent"));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(UUID.class::cast).toList();
    }

    static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
