package org.opennrm.statistics;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark of the statistics module without Spring or JUnit: 1,000,000 synthetic facts generated inside an
 * embedded PostgreSQL (generate_series), then for each standard national table the time of the plain SQL
 * aggregation and the time of the same aggregation followed by disclosure control, in the same run and on
 * the same data; then the time to fit the multiple systems estimation models for six lists (UKdat).
 *
 * <p>Arguments: the platform's source folder (for the migration and the UKdat table), number of facts.
 */
public final class TablesBenchmark {

    static final int WARM_UP = 2;
    static final int RUNS = 7;

    static final String[][] STANDARD_TABLES = {
        {"year", "exploitation-form"},
        {"quarter", "sex"},
        {"quarter", "age-group"},
        {"exploitation-form", "sex"},
        {"age-band", "sex"},
        {"citizenship", "sex"},
        {"referring-sector", "age-group"},
        {"region", "year"},
        {"decision-outcome", "time-to-decision"},
        {"service", "age-group"},
    };

    public static void main(String[] args) throws Exception {
        Path platform = Path.of(args[0]);
        int facts = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            var jdbc = JdbcClient.create(dataSource);
            try (var connection = dataSource.getConnection();
                    var statement = connection.createStatement()) {
                statement.execute(Files.readString(
                        platform.resolve("src/main/resources/db/migration/statistics/V700__create_facts.sql")));
                long start = System.nanoTime();
                statement.execute(generate(facts));
                statement.execute("analyze statistics.fact");
                System.out.printf(
                        "generated %,d facts in PostgreSQL %s in %.1f s%n",
                        facts, connection.getMetaData().getDatabaseProductVersion(), seconds(start));
            }
            var store = new Facts(jdbc);
            var control = new DisclosureControl(10);
            System.out.printf(
                    "%-38s %12s %12s %7s %6s %6s%n", "table (referrals unless implied)", "SQL ms", "SQL+DC ms", "ratio",
                    "cells", "supp.");
            double sqlTotal = 0;
            double controlledTotal = 0;
            for (String[] pair : STANDARD_TABLES) {
                var request = TableRequest.of(pair[0], pair[1], null, null, null, null);
                double sql = median(() -> store.aggregate(request));
                double controlled = median(() -> control.protect(store.aggregate(request), Rounding.NONE));
                var table = control.protect(store.aggregate(request), Rounding.NONE);
                sqlTotal += sql;
                controlledTotal += controlled;
                System.out.printf(
                        "%-38s %12.1f %12.1f %7.2f %6d %6d%n",
                        request.event().name().toLowerCase() + " by " + pair[0] + " x " + pair[1],
                        sql,
                        controlled,
                        controlled / sql,
                        table.rows().size() * table.columns().size(),
                        table.check().suppressions().size());
            }
            System.out.printf(
                    "%-38s %12.1f %12.1f %7.2f%n", "all " + STANDARD_TABLES.length + " standard tables", sqlTotal,
                    controlledTotal, controlledTotal / sqlTotal);

            String uk = Files.readString(platform.resolve("src/test/resources/org/opennrm/statistics/mse/UKdat.csv"));
            var estimation = new MultipleSystemsEstimation();
            var table = ListOverlapTable.parse(new StringReader(uk));
            double mse = median(() -> estimation.estimate(table));
            var estimate = estimation.estimate(table);
            System.out.printf(
                    "MSE, six lists (UKdat, %d models with profile-likelihood intervals, AIC and BIC stepwise): %.0f ms"
                            + " (median of %d after %d warm-up runs); main effects total %.0f, BIC model total %.0f%n",
                    estimate.models().size(), mse, RUNS, WARM_UP, estimate.mainEffects().total(),
                    estimate.bestByBic().total());
        }
    }

    /** Synthetic facts with skewed categories (some rare ones, as in real national data). */
    static String generate(int facts) {
        return """
                insert into statistics.fact (event_kind, period_year, period_quarter, period_month, region_code,
                    referring_sector, sex, age_band, child, citizenship, exploitation_forms, decision_outcome,
                    days_to_decision, service_type)
                select kind, 2021 + (i % 5), (m + 2) / 3, m,
                    'R-' || lpad(((i * 7) % 12)::text, 2, '0'),
                    (array['POLICE','NGO','LABOUR_INSPECTION','HEALTH','LOCAL_AUTHORITY','IMMIGRATION','SELF','OTHER'])
                        [1 + (i * 13) % 8],
                    case when i % 10 < 6 then 'FEMALE' when i % 10 < 9 then 'MALE' when i % 997 = 0 then 'OTHER' else null end,
                    (array['0-8','9-17','18-20','21-23','24-26','27-29','30-38','39-47','48+'])[1 + (i * 11) % 9],
                    (i * 11) % 9 < 2,
                    -- 60 countries with a long tail: the rarest appear a handful of times
                    (array['MDA','UKR','ROU','BGR','NGA','VNM','ALB','CHN','PHL','THA','BRA','IND','PAK','SYR','AFG',
                           'ERI','SDN','ETH','SOM','GHA','CMR','MAR','DZA','TUN','EGY','IRQ','IRN','TUR','GEO','ARM',
                           'AZE','KAZ','UZB','KGZ','TJK','RUS','BLR','POL','LTU','LVA','EST','HUN','SVK','CZE','SRB',
                           'BIH','MNE','MKD','KOS','HRV','SVN','ITA','ESP','PRT','FRA','DEU','NLD','BEL','GBR','IRL'])
                        [1 + floor(60 * power(((i::bigint * 7919) % 1000003) / 1000003.0, 3))::int],
                    case i % 5 when 0 then array['LABOUR'] when 1 then array['SEXUAL'] when 2 then array['CRIMINAL']
                        when 3 then array['LABOUR','SEXUAL'] else array[]::varchar[] end,
                    case when kind = 'IDENTIFICATION_DECISION' then
                        (array['POSITIVE','NEGATIVE','WITHDRAWN'])[1 + (i * 17) % 3] end,
                    case when kind = 'IDENTIFICATION_DECISION' then (i * 31) % 400 end,
                    case when kind = 'SERVICE_DELIVERED' then
                        (array['ACCOMMODATION','HEALTH','LEGAL','COUNSELLING','INTERPRETATION','RETURN'])[1 + (i * 19) % 6] end
                from (select i, 1 + (i * 5) % 12 as m,
                             case when i % 20 < 12 then 'REFERRAL' when i % 20 < 17 then 'IDENTIFICATION_DECISION'
                                  else 'SERVICE_DELIVERED' end as kind
                      from generate_series(1, FACTS) as i) as g
                """.replace("FACTS", Integer.toString(facts));
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
