package org.opennrm.statistics.publishing;

import java.sql.Array;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opennrm.cases.events.StandardCodes;
import org.springframework.beans.factory.ObjectProvider;
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
    private final StandardCodes standardCodes;

    ReturnCounts(JdbcClient jdbc, ObjectProvider<StandardCodes> standardCodes) {
        this.jdbc = jdbc;
        this.standardCodes = standardCodes.getIfAvailable();
    }

    /**
     * Facts of the given event kinds from the first month to the last (inclusive), grouped by their codes. A national
     * form of exploitation added in the pages is counted under the standard form it maps to: returns know only those.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('statistics:release:all')")
    public List<FactGroup> tally(Set<String> events, YearMonth first, YearMonth last) {
        // A year of a large installation's facts forms tens of thousands of groups: with the default 4 MB of working
        // memory PostgreSQL sorted them on disk (external merge), which was half the time of every return
        // (bench/returns/run.sh); in memory it hashes them. Local to this read-only transaction.
        jdbc.sql("set local work_mem = '64MB'").update();
        var parents = NationalParents.of(standardCodes, StandardCodes.EXPLOITATION_FORM);
        return jdbc.sql("""
                        select event_kind, period_year, period_month, sex, child, citizenship, exploitation_forms,
                            exploitation_countries, referring_sector, decision_outcome, statistics_consent,
                            service_type, period_band, count(*) as facts
                        from statistics.fact
                        where event_kind in (:events)
                            and (period_year, period_month) between (:firstYear, :firstMonth) and (:lastYear, :lastMonth)
                        group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13
                        """)
                .param("events", List.copyOf(events))
                .param("firstYear", first.getYear())
                .param("firstMonth", first.getMonthValue())
                .param("lastYear", last.getYear())
                .param("lastMonth", last.getMonthValue())
                .query((rs, n) -> new FactGroup(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getObject(5, Boolean.class),
                        rs.getString(6),
                        NationalParents.standard(codes(rs.getArray(7)), parents),
                        codes(rs.getArray(8)),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getObject(11, Boolean.class),
                        rs.getString(12),
                        rs.getString(13),
                        rs.getLong(14)))
                .list();
    }

    /** Referrals registered by one organisation in each of two consecutive years (counts before disclosure control). */
    public record OrganisationReferrals(java.util.UUID organisationId, long yearBefore, long year) {}

    /**
     * For every organisation that registered referrals in {@code year - 1} or {@code year}: how many in each. Only
     * referrals recorded since the platform kept their organisation are counted (statistics.referral_case, V750); the
     * counts are for the rapporteur's view of reporting drops, never published.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('statistics:release:all')")
    public List<OrganisationReferrals> referralsByOrganisation(int year) {
        return jdbc.sql("""
                        select r.organisation_id,
                            count(*) filter (where f.period_year = :before) as before,
                            count(*) filter (where f.period_year = :year) as now
                        from statistics.referral_case r
                        join statistics.fact f on f.id = r.fact_id
                        where r.organisation_id is not null and f.event_kind = 'REFERRAL'
                            and f.period_year in (:before, :year)
                        group by r.organisation_id
                        order by r.organisation_id
                        """)
                .param("before", year - 1)
                .param("year", year)
                .query((rs, n) ->
                        new OrganisationReferrals(rs.getObject(1, java.util.UUID.class), rs.getLong(2), rs.getLong(3)))
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
