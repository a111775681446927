package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opennrm.statistics.publishing.JointReason;

/**
 * The joint disclosure check against the attacks, each verified by {@link LinearAttack} (an attacker written
 * apart from the check, solving the full cross-classification with its own simplex): every attack succeeds against
 * tables protected one by one (the old behaviour), and none succeeds once the check has run.
 */
class JointDisclosureTests {

    static final int SIZE = 10;
    final DisclosureControl control = new DisclosureControl(SIZE);
    final JointDisclosure joint = new JointDisclosure(SIZE, SIZE);
    final LinearAttack.World year2025 =
            new LinearAttack.World(List.of(8100, 8101, 8102, 8103), List.of("NORTH", "SOUTH", "UNKNOWN"), true);

    static TableRequest request(String rows, String columns, String from, String to, String region) {
        return TableRequest.of(rows, columns, null, from, to, region);
    }

    /** The old behaviour: every table protected on its own. */
    List<TableView> alone(Microdata data, List<TableRequest> requests) {
        List<TableView> views = new ArrayList<>();
        for (var request : requests) {
            views.add(TableView.of(request, control.protect(data.table(request), Rounding.NONE)));
        }
        return views;
    }

    /** A release as the check publishes it, against the releases before it. */
    List<TableView> published(Microdata data, List<TableRequest> requests, List<List<TableView>> earlier) {
        return jointly(data, requests, earlier).tables();
    }

    static void assertEveryPrimaryKeepsItsRange(List<LinearAttack.Finding> findings) {
        assertThat(findings).isNotEmpty();
        assertThat(findings).allSatisfy(finding -> assertThat(finding.width())
                .as("%s %s/%s", finding.table(), finding.row(), finding.column())
                .isGreaterThanOrEqualTo(SIZE));
    }

    JointDisclosure.Outcome jointly(Microdata data, List<TableRequest> requests, List<List<TableView>> earlier) {
        List<JointDisclosure.Candidate> candidates = new ArrayList<>();
        for (var request : requests) {
            var counts = data.table(request);
            candidates.add(new JointDisclosure.Candidate(
                    "table " + (candidates.size() + 1),
                    request,
                    TableView.of(request, control.protect(counts, Rounding.NONE)),
                    counts.withTotals()));
        }
        List<LinkedTable> ledger = new ArrayList<>();
        for (int e = 0; e < earlier.size(); e++) {
            for (int t = 0; t < earlier.get(e).size(); t++) {
                ledger.add(LinkedTable.of(
                        "release " + (e + 1) + ", table " + (t + 1),
                        earlier.get(e).get(t)));
            }
        }
        return joint.protect(candidates, ledger, new JointDisclosure.Knowledge(true, data::count));
    }

    static List<TableView> all(List<TableView> first, List<TableView> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** Four girls aged 9-17 among 144 people of 2025: the "cell of 4". */
    Microdata fourGirls() {
        return new Microdata()
                .add(4, 1, "NORTH", "FEMALE", "9-17")
                .add(20, 1, "NORTH", "MALE", "9-17")
                .add(10, 2, "NORTH", "MALE", "0-8")
                .add(12, 2, "NORTH", "FEMALE", "18-20")
                .add(13, 3, "SOUTH", "FEMALE", "21-23")
                .add(25, 3, "SOUTH", "FEMALE", "24-26")
                .add(60, 4, "SOUTH", "MALE", "30-38");
    }

    /**
     * A person's codes revised after a release (a profile changed, an age band corrected): the same cell can no longer
     * hold both the published and the new count, so the revised cells of the new table are withheld (the reader keeps
     * the published value) instead of the whole table being refused, and the unchanged cells are shown.
     */
    @Test
    void cellsRevisedSincePublishedAreWithheldAndTheRestShown() {
        var before = new Microdata()
                .add(30, 1, "NORTH", "FEMALE", "30-38")
                .add(20, 1, "NORTH", "MALE", "30-38")
                .add(25, 1, "NORTH", "FEMALE", "21-23")
                .add(22, 1, "NORTH", "MALE", "21-23");
        var byBand = requests(new String[] {"age-band:sex::"});
        var first = published(before, byBand, List.of());
        // one woman's band was 30-38, and is now known to be 21-23
        var after = new Microdata()
                .add(29, 1, "NORTH", "FEMALE", "30-38")
                .add(20, 1, "NORTH", "MALE", "30-38")
                .add(26, 1, "NORTH", "FEMALE", "21-23")
                .add(22, 1, "NORTH", "MALE", "21-23");

        var outcome = jointly(after, byBand, List.of(first));

        var table = outcome.tables().getFirst();
        int older = table.rowCategories().indexOf("30-38");
        int younger = table.rowCategories().indexOf("21-23");
        int women = table.columnCategories().indexOf("FEMALE");
        int men = table.columnCategories().indexOf("MALE");
        assertThat(table.cells().get(older).get(women)).isNull();
        assertThat(table.cells().get(younger).get(women)).isNull();
        assertThat(table.rowTotals().get(older)).isNull();
        assertThat(table.rowTotals().get(younger)).isNull();
        assertThat(table.cells().get(older).get(men)).isEqualTo(20L);
        assertThat(table.cells().get(younger).get(men)).isEqualTo(22L);
        assertThat(table.columnTotals().get(women)).isEqualTo(55L);
        assertThat(outcome.cellsWithheld()).isEqualTo(4);
        assertThat(outcome.withheld()).allSatisfy(reason -> assertThat(reason).contains("revised"));
    }

    @Test
    void twoReleasesOfOnePeriodRecoverACellOfFourUnlessCheckedJointly() {
        var data = fourGirls();
        var byBand = requests(new String[] {"age-band:sex::"});
        var byGroup = requests(new String[] {"age-group:sex::"});
        var first = published(data, byBand, List.of());
        assertEveryPrimaryKeepsItsRange(LinearAttack.attack(year2025, first));

        // the old behaviour: the second release protected on its own
        var attack = LinearAttack.attack(year2025, all(first, alone(data, byGroup)));
        assertThat(attack).anySatisfy(finding -> {
            assertThat(finding.row()).isEqualTo("9-17");
            assertThat(finding.column()).isEqualTo("FEMALE");
            assertThat(finding.exact()).isTrue();
            assertThat(finding.min()).isEqualTo(4);
        });

        var outcome = jointly(data, byGroup, List.of(first));
        assertEveryPrimaryKeepsItsRange(LinearAttack.attack(year2025, all(first, outcome.tables())));
        assertThat(outcome.cellsWithheld()).isPositive();

        // what approval checks again: the tables as protected pass, the tables protected alone do not
        var ledger = List.of(LinkedTable.of("release 1, table 1", first.getFirst()));
        var knowledge = new JointDisclosure.Knowledge(true, data::count);
        assertThat(joint.exposures(outcome.tables(), ledger, knowledge)).isEmpty();
        assertThat(joint.exposures(alone(data, byGroup), ledger, knowledge))
                .isNotEmpty()
                .allSatisfy(exposure -> assertThat(exposure.describe()).contains("could be recovered exactly"));
        assertThat(outcome.withheld()).allSatisfy(reason -> assertThat(reason)
                .contains("release 1, table 1")
                .contains("age bands 0-8 and 9-17 are children"));
        assertThat(outcome.tables().getFirst().disclosure().suppressions())
                .filteredOn(s -> s.reason() == Suppression.Reason.JOINT)
                .allSatisfy(s -> assertThat(s.why()).contains("could be recovered exactly"))
                // the same reason in parts, for the page to word in its reader's language
                .allSatisfy(s -> {
                    var because = s.because();
                    assertThat(because.kind()).isEqualTo(JointReason.Kind.EXACT);
                    // the girls of 9-17, or the girls as children: the cells the two releases share
                    assertThat(because.cell().categories())
                            .containsEntry("SEX", "FEMALE")
                            .containsAnyOf(
                                    java.util.Map.entry("AGE_BAND", "9-17"), java.util.Map.entry("AGE_GROUP", "CHILD"));
                    assertThat(because.cell().event()).isEqualTo("REFERRAL");
                    assertThat(because.cell().difference()).isFalse();
                    assertThat(because.sources()).contains("release 1, table 1");
                    assertThat(because.structures()).containsExactly(JointReason.Structure.AGE_BANDS);
                    assertThat(because.range()).isZero();
                });
    }

    @Test
    void aStandardReleaseWithAgeBandsNestingInChildAndAdultIsProtectedJointly() {
        var data = Microdata.skewed(1, 150);
        var standard = requests(new String[] {"age-band:sex::", "quarter:age-group::"});
        var ages = new LinearAttack.World(year2025.quarters(), year2025.regions(), true);
        var noAges = new LinearAttack.World(year2025.quarters(), year2025.regions(), false);

        // each table safe on its own, even read together, until a reader adds that 48+ are adults
        assertEveryPrimaryKeepsItsRange(LinearAttack.attack(noAges, alone(data, standard)));
        assertThat(LinearAttack.attack(ages, alone(data, standard)))
                .anySatisfy(finding -> assertThat(finding.width()).isLessThan(SIZE));

        var outcome = jointly(data, standard, List.of());
        assertEveryPrimaryKeepsItsRange(LinearAttack.attack(ages, outcome.tables()));
        System.out.printf(
                "standard release + age structure: %d cells (%d people) withheld in %d ms%n",
                outcome.cellsWithheld(), outcome.personsWithheld(), outcome.millis());
    }

    @Test
    void aRegionalReleaseAfterANationalOneIsProtectedJointly() {
        var data = Microdata.skewed(1, 60);
        var national = requests(new String[] {"region:sex::", "quarter:sex::"});
        var north = requests(new String[] {"quarter:sex::NORTH"});
        var first = published(data, national, List.of());
        assertEveryPrimaryKeepsItsRange(LinearAttack.attack(year2025, first));

        assertThat(LinearAttack.attack(year2025, all(first, alone(data, north))))
                .anySatisfy(finding -> assertThat(finding.width()).isLessThan(SIZE));

        var outcome = jointly(data, north, List.of(first));
        assertEveryPrimaryKeepsItsRange(LinearAttack.attack(year2025, all(first, outcome.tables())));
        assertThat(outcome.withheld())
                .anySatisfy(reason -> assertThat(reason).contains("regions add up to the nation"));
    }

    @Test
    void aReleaseOfNestedPeriodsIsProtectedJointly() {
        var data = Microdata.skewed(2, 150);
        var lastQuarter = requests(new String[] {"age-band:sex:2025-Q4:"});
        var year = requests(new String[] {"age-band:sex:2025-Q1:", "quarter:sex::"});
        var first = published(data, lastQuarter, List.of());

        assertThat(LinearAttack.attack(year2025, all(first, alone(data, year))))
                .anySatisfy(finding -> assertThat(finding.width()).isLessThan(SIZE));

        var outcome = jointly(data, year, List.of(first));
        assertEveryPrimaryKeepsItsRange(LinearAttack.attack(year2025, all(first, outcome.tables())));
        System.out.printf(
                "nested periods: %d cells (%d people) withheld in %d ms%n",
                outcome.cellsWithheld(), outcome.personsWithheld(), outcome.millis());
    }

    /**
     * The US TIP report's year (April to March) published beside a calendar year and its first quarter: the TIP table
     * minus (the year minus its first quarter) is the next year's first quarter, which no table shows: here 4 girls.
     * The check must withhold enough of the TIP table that the difference is no longer exact, and every small cell of
     * every table keeps its range against an attacker holding all of them.
     */
    @Test
    void anAprilToMarchReleaseBesideACalendarYearDoesNotRevealTheNextFirstQuarter() {
        var data = new Microdata();
        int q1of2024 = 2024 * 4;
        data.addAt(12, q1of2024, "NORTH", "FEMALE", "9-17").addAt(40, q1of2024, "NORTH", "MALE", "30-38");
        for (int q = 1; q <= 3; q++) {
            data.addAt(10, q1of2024 + q, "NORTH", "FEMALE", "9-17").addAt(35, q1of2024 + q, "SOUTH", "FEMALE", "24-26");
        }
        // the next first quarter: 4 girls and 30 men
        data.addAt(4, q1of2024 + 4, "NORTH", "FEMALE", "9-17").addAt(30, q1of2024 + 4, "NORTH", "MALE", "30-38");
        var calendar = List.of(
                request("sex", "age-group", "2024-Q1", "2024-Q4", null),
                request("sex", "age-group", "2024-Q1", "2024-Q1", null));
        var first = published(data, calendar, List.of());
        var tip = List.of(request("sex", "age-group", "2024-Q2", "2025-Q1", null));

        // protected on its own, the TIP table gives the girls of 2025-Q1 away: 34 - (42 - 12) = 4
        var unprotected = alone(data, tip).getFirst();
        assertThat(girls(unprotected) - (girls(first.getFirst()) - girls(first.get(1))))
                .isEqualTo(4);

        var outcome = jointly(data, tip, List.of(first));
        var checked = outcome.tables().getFirst();
        assertThat(outcome.cellsWithheld())
                .as("cells withheld by the joint check")
                .isPositive();
        assertThat(girls(checked)).as("girls April to March").isNull();
        // and not given back by the table's own lines: each line through the withheld cell holds another withheld one
        int row = checked.rowCategories().indexOf("FEMALE");
        int column = checked.columnCategories().indexOf("CHILD");
        assertThat(checked.cells().get(row).stream()
                                        .filter(java.util.Objects::isNull)
                                        .count()
                                > 1
                        || checked.rowTotals().get(row) == null)
                .as("the row of women gives the girls back")
                .isTrue();
        long nullsInColumn = checked.cells().stream()
                .filter(line -> line.get(column) == null)
                .count();
        assertThat(nullsInColumn > 1 || checked.columnTotals().get(column) == null)
                .as("the column of children gives the girls back")
                .isTrue();
        System.out.printf(
                "April to March beside a calendar year: %d cells (%d people) withheld in %d ms%n",
                outcome.cellsWithheld(), outcome.personsWithheld(), outcome.millis());
    }

    /** The girls (female, child) of a sex by age-group table; null where withheld. */
    private static Long girls(TableView table) {
        return table.cells()
                .get(table.rowCategories().indexOf("FEMALE"))
                .get(table.columnCategories().indexOf("CHILD"));
    }

    @Test
    void aReleaseThatWouldPublishAgainWhatExposesASmallCellIsRefusedWithTheCell() {
        var data = Microdata.skewed(1, 150);
        var standard = requests(new String[] {"age-band:sex::", "quarter:age-group::"});
        // published before the joint check existed: exposed through the age structure
        var legacy = alone(data, standard);
        var again = requests(new String[] {"age-band:sex::"});

        assertThatThrownBy(() -> jointly(data, again, List.of(legacy)))
                .isInstanceOf(ReleaseRefused.class)
                .hasMessageContaining("Protection cannot be achieved")
                .hasMessageContaining("age band 48+")
                .hasMessageContaining("Nothing was published")
                // with its words under a key, and the exposures in parts for the page
                .satisfies(refused -> assertThat(((ReleaseRefused) refused).messageKey())
                        .isEqualTo("statistics.release.refused.unprotectable"));
    }

    @Test
    void averagingTheSameCellAcrossTablesGainsNothingWithKeyedRounding() {
        var tables = requests(new String[] {
            "quarter:sex::", "year:sex::", "age-band:sex::", "age-group:sex::", "region:sex::",
            "sex:quarter::", "sex:year::", "sex:age-band::", "sex:age-group::", "sex:region::"
        });
        byte[] key = "a synthetic rounding key for tests".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int recoveredBefore = 0;
        int recoveredNow = 0;
        for (long seed = 3; seed <= 6; seed++) {
            var data = Microdata.skewed(seed, 400);
            List<TableView> keyed = new ArrayList<>();
            var sexes = data.table(tables.getFirst()).columns();
            for (int sex = 0; sex < sexes.size(); sex++) {
                long truth = data.table(tables.getFirst()).columnTotal(sex);
                List<Long> perTable = new ArrayList<>();
                Set<Long> perCell = new java.util.HashSet<>();
                for (var request : tables) {
                    var counts = data.table(request);
                    boolean sexInColumns = request.columns() == Dimension.SEX;
                    int index = (sexInColumns ? counts.columns() : counts.rows()).indexOf(sexes.get(sex));
                    // the old behaviour: each table draws its own rounding
                    var alone = control.protect(counts, Rounding.RANDOM);
                    perTable.add(sexInColumns ? alone.columnTotal(index) : alone.rowTotal(index));
                    // now: drawn from the cell's definition, the same in every table
                    var table = control.protect(
                            counts,
                            Rounding.RANDOM,
                            (r, c) -> RoundingKey.draw(
                                    key,
                                    CellDefinition.of(
                                            request,
                                            r < counts.rows().size()
                                                    ? counts.rows().get(r)
                                                    : null,
                                            c < counts.columns().size()
                                                    ? counts.columns().get(c)
                                                    : null)));
                    perCell.add(sexInColumns ? table.columnTotal(index) : table.rowTotal(index));
                    if (sex == 0) {
                        keyed.add(TableView.of(request, table));
                    }
                }
                if (perTable.contains(null)) {
                    continue; // a small margin is suppressed, not rounded
                }
                double average =
                        perTable.stream().mapToLong(Long::longValue).average().orElseThrow();
                if (Math.round(average) == truth && truth % Rounding.BASE != 0) {
                    recoveredBefore++;
                }
                assertThat(perCell)
                        .as("one published value for %s", sexes.get(sex))
                        .hasSize(1);
                if (perCell.iterator().next() == truth && truth % Rounding.BASE != 0) {
                    recoveredNow++;
                }
            }
            // and a reader who takes every rounded value as the interval it stands for narrows no small cell
            assertEveryPrimaryKeepsItsRange(LinearAttack.attack(year2025, keyed));
        }
        assertThat(recoveredBefore)
                .as("the averaging attack against per-table rounding")
                .isPositive();
        assertThat(recoveredNow).isZero();
    }

    /** "rows:columns:from:region", the period running to 2025-Q4 (from 2025-Q1 when not given). */
    static List<TableRequest> requests(String[] specs) {
        List<TableRequest> requests = new ArrayList<>();
        for (String spec : specs) {
            String[] p = spec.split(":", -1);
            requests.add(
                    request(p[0], p[1], p[2].isEmpty() ? "2025-Q1" : p[2], "2025-Q4", p[3].isEmpty() ? null : p[3]));
        }
        return requests;
    }
}
