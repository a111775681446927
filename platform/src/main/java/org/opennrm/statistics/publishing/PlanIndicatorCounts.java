package org.opennrm.statistics.publishing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures an action plan's indicators take from the platform's facts: each {@link Rule} is one fixed count (or
 * median) over {@code statistics.fact} for a span of months, the same rule every time, so that a value can be traced
 * back to its rule and period and recounted. Codes and counts only; nothing here names or reaches a person.
 *
 * <p>These are working figures for the co-ordinator and the plan's readers, not a publication: what is published
 * (the yearly report) takes its statistics from approved releases, which pass disclosure control.
 */
@Service
public class PlanIndicatorCounts {

    /** The rules an indicator may be computed by. The SQL of each is fixed text; only the months are parameters. */
    public enum Rule {
        /** Referrals into the NRM made by labour inspectorates. */
        REFERRALS_FROM_LABOUR_INSPECTORS("select count(*), count(*) from statistics.fact where event_kind = 'REFERRAL'"
                + " and referring_sector = 'LABOUR_INSPECTORATE' and "),
        /** All referrals into the NRM. */
        REFERRALS("select count(*), count(*) from statistics.fact where event_kind = 'REFERRAL' and "),
        /** Positive preliminary decisions (presumed victims). */
        PRESUMED_VICTIMS("select count(*), count(*) from statistics.fact where event_kind = 'IDENTIFICATION_DECISION'"
                + " and decision_outcome = 'PRESUMED_VICTIM' and "),
        /** Positive formal decisions (identified victims). */
        IDENTIFIED_VICTIMS("select count(*), count(*) from statistics.fact where event_kind = 'IDENTIFICATION_DECISION'"
                + " and decision_outcome = 'IDENTIFIED' and "),
        /** The median of calendar days from referral to the preliminary decision (either outcome). */
        MEDIAN_DAYS_TO_PRELIMINARY_DECISION(
                "select percentile_cont(0.5) within group (order by days_to_decision), count(*)"
                        + " from statistics.fact"
                        + " where event_kind = 'IDENTIFICATION_DECISION'"
                        + " and decision_outcome in ('PRESUMED_VICTIM', 'NOT_PRESUMED')"
                        + " and days_to_decision is not null and ");

        private final String sql;

        Rule(String sql) {
            this.sql = sql;
        }

        /** Whether the rule is a count of facts (a median is not: it is a value of one of them). */
        public boolean counts() {
            return this != MEDIAN_DAYS_TO_PRELIMINARY_DECISION;
        }
    }

    /**
     * A value computed by a rule over the months {@code from} to {@code to} (both included): {@code value} is null
     * for a median over no facts. {@code counted} is when it was counted; later facts for the same months (a
     * decision recorded late) may change a recount. {@code facts} is how many facts the value rests on (for a count,
     * the count itself): what disclosure control of the value ({@link IndicatorDisclosure}) needs.
     */
    public record Counted(Rule rule, YearMonth from, YearMonth to, BigDecimal value, long facts, Instant counted) {}

    private static final String PERIOD = "period_year * 12 + period_month - 1 between :from and :to";

    private final JdbcClient jdbc;
    private final Clock clock;

    PlanIndicatorCounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Counted count(Rule rule, YearMonth from, YearMonth to) {
        if (rule == null || from == null || to == null) {
            throw new IllegalArgumentException("A rule and the first and last month are needed");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The last month comes before the first");
        }
        record Row(BigDecimal value, long facts) {}
        var row = jdbc.sql(rule.sql + PERIOD)
                .param("from", index(from))
                .param("to", index(to))
                .query((rs, n) -> new Row(rs.getBigDecimal(1), rs.getLong(2)))
                .single();
        var value = row.value() == null ? null : row.value().setScale(rule.counts() ? 0 : 1, RoundingMode.HALF_UP);
        return new Counted(rule, from, to, value, row.facts(), clock.instant());
    }

    private static int index(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }
}
