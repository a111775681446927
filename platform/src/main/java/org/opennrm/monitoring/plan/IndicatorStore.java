package org.opennrm.monitoring.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennrm.statistics.publishing.IndicatorDisclosure.Shown;
import org.opennrm.statistics.publishing.PlanIndicatorCounts.Rule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The indicator tables ({@code monitoring.plan_indicator*}). Values are appended, never changed. */
@Repository
class IndicatorStore {

    private final JdbcClient jdbc;

    IndicatorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Indicator indicator) {
        jdbc.sql("""
                        insert into monitoring.plan_indicator (id, plan_id, measure_id, name, origin, rule, baseline,
                            baseline_year, target, target_year, created_at)
                        values (:id, :planId, :measureId, :name, :origin, :rule, :baseline, :baselineYear, :target,
                            :targetYear, :at)""")
                .param("id", indicator.id())
                .param("planId", indicator.planId())
                .param("measureId", indicator.measureId())
                .param("name", indicator.name())
                .param("origin", indicator.origin().name())
                .param(
                        "rule",
                        indicator.rule() == null ? null : indicator.rule().name())
                .param("baseline", indicator.baseline())
                .param("baselineYear", indicator.baselineYear())
                .param("target", indicator.target())
                .param("targetYear", indicator.targetYear())
                .param("at", Timestamp.from(indicator.createdAt()))
                .update();
    }

    Optional<Indicator> indicator(UUID id) {
        return jdbc.sql("select * from monitoring.plan_indicator where id = :id")
                .param("id", id)
                .query(IndicatorStore::indicator)
                .optional();
    }

    List<Indicator> indicators(UUID planId) {
        return jdbc.sql("select * from monitoring.plan_indicator where plan_id = :planId order by created_at, name")
                .param("planId", planId)
                .query(IndicatorStore::indicator)
                .list();
    }

    void add(IndicatorValue value) {
        jdbc.sql("""
                        insert into monitoring.plan_indicator_value (indicator_id, first_month, last_month, value, origin,
                            rule, organisation_id, note, recorded_at, recorded_by, facts)
                        values (:indicatorId, :first, :last, :value, :origin, :rule, :organisation, :note, :at, :by,
                            :facts)""")
                .param("indicatorId", value.indicatorId())
                .param("first", value.firstMonth().atDay(1))
                .param("last", value.lastMonth().atDay(1))
                .param("value", value.value())
                .param("origin", value.origin().name())
                .param("rule", value.rule() == null ? null : value.rule().name())
                .param("organisation", value.organisationId())
                .param("note", value.note())
                .param("at", Timestamp.from(value.recordedAt()))
                .param("by", value.recordedBy())
                .param("facts", value.facts())
                .update();
    }

    /** An indicator's values, latest period first (and, for the same period, latest recorded first). */
    List<IndicatorValue> values(UUID indicatorId) {
        return jdbc.sql("""
                        select * from monitoring.plan_indicator_value where indicator_id = :id
                        order by last_month desc, first_month desc, recorded_at desc, id desc""")
                .param("id", indicatorId)
                .query(IndicatorStore::value)
                .list();
    }

    /**
     * Every value counted by a rule, for any indicator of any plan, oldest first: the family disclosure control of
     * one value is decided in.
     */
    List<IndicatorValue> counted(Rule rule) {
        return jdbc.sql("""
                        select * from monitoring.plan_indicator_value where origin = 'COMPUTED' and rule = :rule
                        order by recorded_at, id""")
                .param("rule", rule.name())
                .query(IndicatorStore::value)
                .list();
    }

    private static IndicatorValue value(ResultSet rs, int row) throws SQLException {
        return new IndicatorValue(
                rs.getLong("id"),
                rs.getObject("indicator_id", UUID.class),
                YearMonth.from(rs.getObject("first_month", LocalDate.class)),
                YearMonth.from(rs.getObject("last_month", LocalDate.class)),
                rs.getBigDecimal("value"),
                IndicatorOrigin.valueOf(rs.getString("origin")),
                rs.getString("rule") == null ? null : Rule.valueOf(rs.getString("rule")),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("note"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"),
                rs.getObject("facts", Long.class),
                Shown.EXACT,
                null);
    }

    private static Indicator indicator(ResultSet rs, int row) throws SQLException {
        return new Indicator(
                rs.getObject("id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                rs.getObject("measure_id", UUID.class),
                rs.getString("name"),
                IndicatorOrigin.valueOf(rs.getString("origin")),
                rs.getString("rule") == null ? null : Rule.valueOf(rs.getString("rule")),
                rs.getBigDecimal("baseline"),
                rs.getInt("baseline_year"),
                rs.getBigDecimal("target"),
                rs.getInt("target_year"),
                rs.getTimestamp("created_at").toInstant());
    }
}
