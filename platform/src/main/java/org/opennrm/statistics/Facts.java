package org.opennrm.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The coded facts in statistics.fact, and the plain SQL aggregation that national tables start from. */
@Repository
class Facts {

    private final JdbcClient jdbc;

    Facts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Fact fact) {
        jdbc.sql("""
                        insert into statistics.fact (event_kind, period_year, period_quarter, period_month, region_code,
                            referring_sector, sex, age_band, child, citizenship, exploitation_forms, decision_outcome,
                            days_to_decision, service_type)
                        values (:kind, :year, :quarter, :month, :region, :sector, :sex, :ageBand, :child, :citizenship,
                            :forms, :outcome, :days, :service)
                        """)
                .param("kind", fact.kind().name())
                .param("year", fact.month().getYear())
                .param("quarter", (fact.month().getMonthValue() + 2) / 3)
                .param("month", fact.month().getMonthValue())
                .param("region", fact.region())
                .param("sector", fact.referringSector())
                .param("sex", fact.sex())
                .param("ageBand", fact.ageBand())
                .param("child", fact.child())
                .param("citizenship", fact.citizenship())
                .param("forms", fact.exploitationForms().stream().sorted().toArray(String[]::new))
                .param("outcome", fact.decisionOutcome())
                .param("days", fact.daysToDecision())
                .param("service", fact.serviceType())
                .update();
    }

    /** Counts by the two dimensions, with the SQL of each dimension (fixed text) and parameters for the rest. */
    CountTable aggregate(TableRequest request) {
        var sql = new StringBuilder("select ")
                .append(request.rows().sql())
                .append(" as row_category, ")
                .append(request.columns().sql())
                .append(" as column_category, count(*) as people from statistics.fact where event_kind = :kind");
        Map<String, Object> params = new HashMap<>();
        params.put("kind", request.event().name());
        if (request.from() != null) {
            sql.append(" and period_year * 4 + period_quarter - 1 >= :from");
            params.put("from", TableRequest.index(request.from()));
        }
        if (request.to() != null) {
            sql.append(" and period_year * 4 + period_quarter - 1 <= :to");
            params.put("to", TableRequest.index(request.to()));
        }
        if (request.region() != null) {
            sql.append(" and region_code = :region");
            params.put("region", request.region());
        }
        sql.append(" group by 1, 2");
        record Count(String row, String column, long people) {}
        List<Count> counts = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
        var rows = new TreeSet<>(request.rows().categoryOrder());
        var columns = new TreeSet<>(request.columns().categoryOrder());
        counts.forEach(count -> {
            rows.add(count.row());
            columns.add(count.column());
        });
        List<String> rowList = new ArrayList<>(rows);
        List<String> columnList = new ArrayList<>(columns);
        long[][] grid = new long[rowList.size()][columnList.size()];
        for (Count count : counts) {
            grid[rowList.indexOf(count.row())][columnList.indexOf(count.column())] = count.people();
        }
        return new CountTable(request.rows().word(), request.columns().word(), rowList, columnList, grid);
    }
}
