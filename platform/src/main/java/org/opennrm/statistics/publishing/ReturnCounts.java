package org.opennrm.statistics.publishing;

import java.sql.Array;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts an official return is counted from, for a period: one aggregation over statistics.fact grouped by every
 * code a return can break down by. The counts are before disclosure control, so only statisticians (who assemble
 * releases) may read them; what leaves the office goes through {@link ReturnReleases}.
 */
@Service
public class ReturnCounts {

    private final JdbcClient jdbc;

    ReturnCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Facts of the given event kinds from the first month to the last (inclusive), grouped by their codes. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('statistics:release:all')")
    public List<FactGroup> tally(Set<String> events, YearMonth first, YearMonth last) {
        return jdbc.sql("""
                        select event_kind, period_year, period_month, sex, child, citizenship, exploitation_forms,
                            exploitation_countries, referring_sector, decision_outcome, statistics_consent,
                            service_type, period_band, count(*) as facts
                        from statistics.fact
                        where event_kind in (:events)
                            and period_year * 12 + period_month - 1 between :first and :last
                        group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13
                        """)
                .param("events", List.copyOf(events))
                .param("first", first.getYear() * 12 + first.getMonthValue() - 1)
                .param("last", last.getYear() * 12 + last.getMonthValue() - 1)
                .query((rs, n) -> new FactGroup(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getObject(5, Boolean.class),
                        rs.getString(6),
                        codes(rs.getArray(7)),
                        codes(rs.getArray(8)),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getObject(11, Boolean.class),
                        rs.getString(12),
                        rs.getString(13),
                        rs.getLong(14)))
                .list();
    }

    private static Set<String> codes(Array array) throws SQLException {
        Set<String> codes = new LinkedHashSet<>();
        if (array != null) {
            for (Object code : (Object[]) array.getArray()) {
                codes.add(((String) code).strip());
            }
        }
        return codes;
    }
}
