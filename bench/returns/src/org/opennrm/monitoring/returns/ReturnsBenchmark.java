package org.opennrm.monitoring.returns;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.opennrm.statistics.publishing.FactGroup;
import org.opennrm.statistics.publishing.ReturnCounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark of the official returns without Spring: synthetic facts generated inside an embedded PostgreSQL
 * (generate_series, all in one year), then every return for that year (Eurostat, UNODC, SDG 16.2.2, the quarterly NRM
 * table, GRETA, the TIP report for the year ending in March after it: one aggregation into fact groups and the
 * templates filled from them, additivity checked) against the plain
 * SQL aggregation of the same breakdowns (one GROUP BY per breakdown), in the same run on the same data.
 *
 * <p>Arguments: the platform's source folder (for the migrations), number of facts.
 */
public final class ReturnsBenchmark {

    static final int WARM_UP = 2;
    static final int RUNS = 7;
    static final int YEAR = 2024;

    /* the breakdowns the returns hold, as plain SQL over the year's registered persons and decisions */
    static final String REGISTERED = "event_kind in ('REFERRAL', 'ANONYMOUS_NOTIFICATION') and period_year = " + YEAR;
    static final List<String> PLAIN_SQL = List.of(
            "select event_kind, count(*) from statistics.fact where " + REGISTERED + " group by 1",
            "select sex, count(*) from statistics.fact where " + REGISTERED + " group by 1",
            "select child, count(*) from statistics.fact where " + REGISTERED + " group by 1",
            "select sex, child, count(*) from statistics.fact where " + REGISTERED + " group by 1, 2",
            "select citizenship, count(*) from statistics.fact where " + REGISTERED + " group by 1",
            "select case cardinality(exploitation_forms) when 0 then 'UNKNOWN' when 1 then exploitation_forms[1]"
                    + " else 'MULTIPLE' end, count(*) from statistics.fact where " + REGISTERED + " group by 1",
            "select f, count(*) from statistics.fact, unnest(exploitation_forms) f where " + REGISTERED
                    + " group by 1",
            "select referring_sector, count(*) from statistics.fact where " + REGISTERED + " group by 1",
            "select case cardinality(exploitation_countries) when 0 then 'UNKNOWN' when 1 then"
                    + " exploitation_countries[1] else 'MULTIPLE' end, count(*) from statistics.fact where "
                    + REGISTERED + " group by 1",
            "select period_quarter, child, exploitation_countries, count(*) from statistics.fact where event_kind ="
                    + " 'REFERRAL' and period_year = " + YEAR + " group by 1, 2, 3",
            "select decision_outcome, child, count(*) from statistics.fact where event_kind ="
                    + " 'IDENTIFICATION_DECISION' and period_year = " + YEAR + " group by 1, 2");

    public static void main(String[] args) throws Exception {
        Path platform = Path.of(args[0]);
        int facts = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            var jdbc = JdbcClient.create(dataSource);
            try (var connection = dataSource.getConnection();
                    var statement = connection.createStatement()) {
                for (String migration : List.of(
                        "V700__create_facts.sql",
                        "V702__facts_for_ctdc_and_closures.sql",
                        "V703__longer_sex_codes.sql",
                        "V704__statistics_consent.sql",
                        "V740__facts_for_greta_recovery_permits_non_punishment.sql")) {
                    statement.execute(Files.readString(
                            platform.resolve("src/main/resources/db/migration/statistics/" + migration)));
                }
                long start = System.nanoTime();
                statement.execute(generate(facts));
                statement.execute("analyze statistics.fact");
                System.out.printf(
                        "generated %,d facts (all in %d) in PostgreSQL %s in %.1f s%n",
                        facts, YEAR, connection.getMetaData().getDatabaseProductVersion(), seconds(start));
            }
            var constructor = ReturnCounts.class.getDeclaredConstructor(
                    JdbcClient.class, org.springframework.beans.factory.ObjectProvider.class);
            constructor.setAccessible(true);
            // no national codes in the benchmark: every form is a standard one
            ReturnCounts counts = constructor.newInstance(
                    jdbc,
                    new org.springframework.beans.factory.support.StaticListableBeanFactory()
                            .getBeanProvider(org.opennrm.cases.events.StandardCodes.class));
            List<ReturnTemplate> templates = List.of(
                    new EurostatReturn(),
                    new UnodcReturn(),
                    new Sdg1622Return(),
                    new UkNrmQuarterlyTable(),
                    new GretaReturn(),
                    new TipReturn());
            // one aggregation for every return: the events any of them counts, over the months any of them covers (the
            // TIP report's year ending in March of the year after holds April to December of this one)
            java.util.Set<String> events = new java.util.TreeSet<>();
            templates.forEach(template -> events.addAll(template.events()));

            // in a read-only transaction, as the platform calls it (its working memory is set for the transaction)
            var transaction = new org.springframework.transaction.support.TransactionTemplate(
                    new org.springframework.jdbc.support.JdbcTransactionManager(dataSource));
            transaction.setReadOnly(true);
            Supplier<List<FactGroup>> tally = () -> transaction.execute(
                    status -> counts.tally(events, YearMonth.of(YEAR, 1), YearMonth.of(YEAR + 1, 3)));
            Supplier<Integer> allReturns = () -> {
                var groups = tally.get();
                int sections = 0;
                for (var template : templates) {
                    var period = template.period(template instanceof TipReturn ? YEAR + 1 : YEAR);
                    sections += template.fill(groups, period, CountingRules.DEFAULT, "MDA")
                            .sections()
                            .size();
                    sections += template.fill(
                                    groups,
                                    period,
                                    new CountingRules(
                                            CountingRules.FormRule.EACH_FORM_MENTIONED, CountingRules.YearBasis.DECISION),
                                    "MDA")
                            .sections()
                            .size();
                }
                return sections;
            };
            Supplier<Long> plain = () -> {
                long rows = 0;
                for (String sql : PLAIN_SQL) {
                    rows += jdbc.sql(sql).query().listOfRows().size();
                }
                return rows;
            };

            double plainMs = median(plain);
            double tallyMs = median(tally);
            double returnsMs = median(allReturns);
            var groups = tally.get();
            System.out.printf("fact groups for the year: %,d; sections filled: %d%n", groups.size(), allReturns.get());
            System.out.printf("%-70s %10s%n", "step (median of " + RUNS + " after " + WARM_UP + " warm-up runs)", "ms");
            System.out.printf("%-70s %10.1f%n", "plain SQL: " + PLAIN_SQL.size() + " GROUP BY queries, one per breakdown", plainMs);
            System.out.printf("%-70s %10.1f%n", "returns: the one aggregation into fact groups", tallyMs);
            System.out.printf(
                    "%-70s %10.1f%n",
                    "returns: aggregation + " + templates.size() + " templates x 2 rule sets filled, additivity checked",
                    returnsMs);
            System.out.printf("ratio returns / plain SQL: %.2f (goal: within 2x, under 5 s)%n", returnsMs / plainMs);
        }
    }

    /** Synthetic facts: skewed categories, several forms and countries for some, every code sometimes missing. */
    static String generate(int facts) {
        return """
                insert into statistics.fact (event_kind, period_year, period_quarter, period_month, region_code,
                    referring_sector, sex, age_band, child, citizenship, exploitation_forms, exploitation_countries,
                    decision_outcome, days_to_decision, statistics_consent, service_type, period_band)
                select kind, YEAR, (m + 2) / 3, m,
                    'R-' || lpad(((i * 7) % 12)::text, 2, '0'),
                    case when kind = 'REFERRAL' then
                        (array['POLICE','NGO','LABOUR_INSPECTORATE','HEALTH','MUNICIPALITY','IMMIGRATION','PROSECUTION',
                               'SOCIAL_SERVICES'])[1 + (i * 13) % 8] end,
                    case when i % 10 < 6 then 'FEMININE' when i % 10 < 9 then 'MASCULINE' when i % 997 = 0
                         then 'NON_CONFORMING' else null end,
                    (array['0-8','9-17','18-20','21-23','24-26','27-29','30-38','39-47','48+'])[1 + (i * 11) % 9],
                    case when i % 50 = 0 then null else (i * 11) % 9 < 2 end,
                    case when i % 40 = 0 then null else
                    (array['MDA','UKR','ROU','BGR','NGA','VNM','ALB','CHN','PHL','THA','BRA','IND','PAK','SYR','AFG',
                           'ERI','SDN','ETH','SOM','GHA','CMR','MAR','DZA','TUN','EGY','IRQ','IRN','TUR','GEO','ARM',
                           'AZE','KAZ','UZB','KGZ','TJK','RUS','BLR','POL','LTU','LVA','EST','HUN','SVK','CZE','SRB',
                           'BIH','MNE','MKD','XKX','HRV','SVN','ITA','ESP','PRT','FRA','DEU','NLD','BEL','GBR','IRL'])
                        [1 + floor(60 * power(((i::bigint * 7919) % 1000003) / 1000003.0, 3))::int] end,
                    case i % 7 when 0 then array['FORCED_LABOUR'] when 1 then array['SEXUAL_EXPLOITATION']
                        when 2 then array['FORCED_CRIMINALITY'] when 3 then array['FORCED_LABOUR','SEXUAL_EXPLOITATION']
                        when 4 then array['FORCED_MARRIAGE'] when 5 then array['FORCED_BEGGING']
                        else array[]::varchar[] end,
                    case i % 6 when 0 then array['MDA'] when 1 then array['RUS'] when 2 then array['MDA','ITA']
                        when 3 then array['DEU'] when 4 then array['TUR'] else array[]::char(3)[] end,
                    case when kind = 'IDENTIFICATION_DECISION' then
                        (array['PRESUMED_VICTIM','NOT_PRESUMED','IDENTIFIED','NOT_IDENTIFIED'])[1 + (i * 17) % 4] end,
                    case when kind = 'IDENTIFICATION_DECISION' then (i * 31) % 400 end,
                    case when kind = 'REFERRAL' then i % 9 <> 0 end,
                    case when kind = 'SERVICE_DELIVERED' then
                        (array['MEDICAL_CARE','TEMPORARY_RESIDENCE_PERMIT','COMPENSATION_CLAIM_OFFENDER',
                               'SAFE_VOLUNTARY_RETURN','EMERGENCY_ACCOMMODATION'])[1 + (i * 3) % 5] end,
                    case when kind = 'RECOVERY_PERIOD_GRANTED' then
                        (array['DAYS_UP_TO_30','DAYS_31_TO_60','DAYS_61_TO_90'])[1 + (i * 7) % 3] end
                from (select i, 1 + (i * 5) % 12 as m,
                             case when i % 20 < 12 then 'REFERRAL' when i % 20 < 14 then 'ANONYMOUS_NOTIFICATION'
                                  when i % 20 < 18 then 'IDENTIFICATION_DECISION'
                                  when i % 40 = 38 then 'RECOVERY_PERIOD_GRANTED' else 'SERVICE_DELIVERED' end as kind
                      from generate_series(1, FACTS) as i) as g
                """.replace("FACTS", Integer.toString(facts)).replace("YEAR", Integer.toString(YEAR));
    }

    static double median(Supplier<?> work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.get();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            times.add((System.nanoTime() - start) / 1e6);
        }
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
