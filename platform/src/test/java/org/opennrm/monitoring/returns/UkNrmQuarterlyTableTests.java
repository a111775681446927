package org.opennrm.monitoring.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.opennrm.statistics.publishing.FactGroup;

/**
 * Rebuilds the Home Office's quarterly NRM referral table (2009 Q2 to 2023 Q4, age at exploitation by location of
 * exploitation, shipped in test resources) from synthetic referral facts made to match its counts: same layout, every
 * value recomputed by the return engine, totals included.
 */
class UkNrmQuarterlyTableTests {

    static final String UK = "GBR";

    static final Map<String, Boolean> AGES = Map.of("Adult (18 or over)", false, "Child (17 or under)", true);

    static final Map<String, Set<String>> LOCATIONS = Map.of(
            "Overseas", Set.of("VNM"),
            "UK", Set.of(UK),
            "UK and Overseas", Set.of(UK, "ALB"),
            "Not specified or unknown", Set.of());

    static List<CSVRecord> published() throws IOException {
        try (var in = UkNrmQuarterlyTableTests.class.getResourceAsStream("/returns/nrm_referrals_longitudinal.csv")) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getRecords();
        }
    }

    /** One group of facts per published cell (locations and ages only: the totals are left to the engine). */
    static List<FactGroup> factsLike(List<CSVRecord> published) {
        List<FactGroup> facts = new ArrayList<>();
        for (CSVRecord row : published) {
            if (row.get(3).equals("Total")) {
                continue;
            }
            int quarter = Integer.parseInt(row.get(1).substring(1));
            facts.add(new FactGroup(
                    "REFERRAL",
                    Integer.parseInt(row.get(0)),
                    (quarter - 1) * 3 + 1 + (row.getRecordNumber() % 3 == 0 ? 2 : 0),
                    "FEMININE",
                    AGES.get(row.get(2)),
                    "VNM",
                    Set.of("FORCED_LABOUR"),
                    LOCATIONS.get(row.get(3)),
                    "POLICE",
                    null,
                    true,
                    Long.parseLong(row.get(4))));
        }
        return facts;
    }

    @Test
    void theQuarterlyTableIsRebuiltFromFactsInTheHomeOfficeLayout() throws IOException {
        var published = published();
        var period = new ReportingPeriod(YearMonth.of(2009, 4), YearMonth.of(2023, 12));

        var filled = new UkNrmQuarterlyTable().fill(factsLike(published), period, CountingRules.DEFAULT, UK);
        var rebuilt = UkNrmQuarterlyTable.rows(Figures.of(filled), period);

        assertThat(rebuilt).hasSize(published.size());
        for (int i = 0; i < published.size(); i++) {
            assertThat(rebuilt.get(i))
                    .as("row " + (i + 2))
                    .isEqualTo(published.get(i).toList());
        }
        assertThat(Additivity.violations(filled)).isEmpty();
    }

    @Test
    void yearlySumsMatchThePublishedFigures() throws IOException {
        var facts = factsLike(published());
        // Home Office yearly totals 2019-2023 (shared/data/returns/README.md)
        long[] expected = {10_606, 10_582, 12_700, 16_921, 17_004};
        for (int year = 2019; year <= 2023; year++) {
            var filled = new UkNrmQuarterlyTable().fill(facts, ReportingPeriod.year(year), CountingRules.DEFAULT, UK);
            long total = filled.sections().stream()
                    .mapToLong(section -> section.total().count())
                    .sum();
            assertThat(total).as(Integer.toString(year)).isEqualTo(expected[year - 2019]);
        }
    }

    @Test
    void everyCellTracesToItsRuleAndCount() throws IOException {
        var filled = new UkNrmQuarterlyTable()
                .fill(factsLike(published()), ReportingPeriod.year(2023), CountingRules.DEFAULT, UK);
        var section = filled.section("2023-Q1:CHILD");
        assertThat(section.count(UkNrmQuarterlyTable.DOMESTIC)).isEqualTo(1204);
        assertThat(section.part(UkNrmQuarterlyTable.DOMESTIC).orElseThrow().rule())
                .isEqualTo("NRM referrals, 2023-Q1, age at exploitation CHILD; location of exploitation = DOMESTIC");
        assertThat(section.total().count()).isEqualTo(1894);
    }
}
