package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Agencies' figures through disclosure control: the lines published where not withheld are the reported counts, a
 * small count of persons (2 girls convicted) is withheld and an attacker who solves the whole sex x age x form cube
 * from every published line and total ({@link LinearAttack}, written apart from the check) cannot narrow it below the
 * protection range, and a corrected version published later does not show what changed.
 */
class ReportedTablesTests {

    static final int SIZE = 10;
    final JointDisclosure joint = new JointDisclosure(SIZE, SIZE);
    /* the four quarters of 2025; agencies' figures have no region */
    final LinearAttack.World year2025 =
            new LinearAttack.World(List.of(8100, 8101, 8102, 8103), List.of("UNKNOWN"), false);

    static final List<String> SEXES = List.of("FEMALE", "MALE", "UNKNOWN");
    static final List<String> AGES = List.of("CHILD", "ADULT", "UNKNOWN");
    static final List<String> FORMS = List.of("SEXUAL_EXPLOITATION", "FORCED_LABOUR", "OTHER", "UNKNOWN");

    static ReportedFigures convicted(List<ReportedFigures.Line> lines) {
        return new ReportedFigures(
                "COURTS", "PERSONS_CONVICTED", true, "2025-Q1", "2025-Q4", SEXES, AGES, FORMS, lines);
    }

    /** 2 girls convicted of sexual exploitation among 144 persons convicted. */
    static List<ReportedFigures.Line> twoGirls() {
        return List.of(
                new ReportedFigures.Line("FEMALE", "CHILD", "SEXUAL_EXPLOITATION", 2),
                new ReportedFigures.Line("FEMALE", "CHILD", "FORCED_LABOUR", 15),
                new ReportedFigures.Line("FEMALE", "ADULT", "SEXUAL_EXPLOITATION", 14),
                new ReportedFigures.Line("FEMALE", "ADULT", "FORCED_LABOUR", 11),
                new ReportedFigures.Line("FEMALE", "ADULT", "OTHER", 12),
                new ReportedFigures.Line("MALE", "CHILD", "FORCED_LABOUR", 12),
                new ReportedFigures.Line("MALE", "ADULT", "SEXUAL_EXPLOITATION", 25),
                new ReportedFigures.Line("MALE", "ADULT", "FORCED_LABOUR", 20),
                new ReportedFigures.Line("MALE", "ADULT", "OTHER", 13),
                new ReportedFigures.Line("UNKNOWN", "ADULT", "UNKNOWN", 20));
    }

    JointDisclosure.Outcome publish(List<ReportedFigures> reported, List<List<TableView>> earlier) {
        var candidates = ReportedTables.candidates(reported, SIZE, SIZE, 0);
        List<LinkedTable> ledger = new ArrayList<>();
        for (int e = 0; e < earlier.size(); e++) {
            for (int t = 0; t < earlier.get(e).size(); t++) {
                ledger.add(LinkedTable.of(
                        "release " + (e + 1) + ", table " + (t + 1),
                        earlier.get(e).get(t)));
            }
        }
        return joint.protect(candidates, ledger, new JointDisclosure.Knowledge(false));
    }

    /** The published count of a position of the cube, read from the sex-by-form slices (null: withheld). */
    static Long position(List<TableView> tables, String sex, String age, String form) {
        for (var table : tables) {
            if (!table.rows().equals("sex")
                    || !age.equals(table.categories().getOrDefault("AGE_GROUP", ReportedFigures.ALL))) {
                continue;
            }
            int r = sex.equals(ReportedFigures.ALL)
                    ? table.rowCategories().size()
                    : table.rowCategories().indexOf(sex);
            int c = form.equals(ReportedFigures.ALL)
                    ? table.columnCategories().size()
                    : table.columnCategories().indexOf(form);
            return table.asProtectedTable().cells()[r][c];
        }
        throw new AssertionError("no slice for " + age);
    }

    @Test
    void publishedLinesAreTheReportedCountsAndTwoGirlsCannotBeRecovered() {
        var figures = convicted(twoGirls());
        var tables = publish(List.of(figures), List.of()).tables();

        // every line and margin published is the agency's count
        int compared = 0;
        for (String sex : List.of("FEMALE", "MALE", "UNKNOWN", "ALL")) {
            for (String age : List.of("CHILD", "ADULT", "UNKNOWN", "ALL")) {
                for (String form : List.of("SEXUAL_EXPLOITATION", "FORCED_LABOUR", "OTHER", "UNKNOWN", "ALL")) {
                    Long published = position(tables, sex, age, form);
                    if (published != null) {
                        assertThat(published).as(sex + " " + age + " " + form).isEqualTo(figures.count(sex, age, form));
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(40);
        // the 2 girls are withheld, as a small count of persons
        assertThat(position(tables, "FEMALE", "CHILD", "SEXUAL_EXPLOITATION")).isNull();
        assertThat(tables.stream()
                        .flatMap(table -> table.disclosure().suppressions().stream())
                        .filter(s -> s.reason() == Suppression.Reason.PRIMARY))
                .isNotEmpty();

        // an attacker with every published line and total cannot narrow any small count below the range
        var findings = LinearAttack.attack(year2025, tables);
        assertThat(findings).isNotEmpty();
        assertThat(findings).allSatisfy(finding -> assertThat(finding.width())
                .as("%s %s/%s", finding.table(), finding.row(), finding.column())
                .isGreaterThanOrEqualTo(SIZE));
        var girls = LinearAttack.bounds(
                year2025,
                tables,
                java.util.Map.of(
                        "agency", "COURTS",
                        "measure", "PERSONS_CONVICTED",
                        "sex", "FEMALE",
                        "age-group", "CHILD",
                        "exploitation-form", "SEXUAL_EXPLOITATION"));
        assertThat(girls[1] - girls[0]).isGreaterThanOrEqualTo(SIZE);
    }

    /**
     * Without secondary suppression the lines and totals would give the girls away: the attacker finds them exactly
     * from the primary suppression alone (so the attack above can fail).
     */
    @Test
    void primarySuppressionAloneWouldGiveTheGirlsAway() {
        var candidates = ReportedTables.candidates(List.of(convicted(twoGirls())), SIZE, SIZE, 0);
        var alone = candidates.stream().map(ReportedTablesTests::primaryOnly).toList();
        var findings = LinearAttack.attack(year2025, alone);
        assertThat(findings).anySatisfy(finding -> assertThat(finding.exact()).isTrue());
    }

    /** The candidate's table with only its primary suppressions: every other withheld cell shown. */
    static TableView primaryOnly(JointDisclosure.Candidate candidate) {
        var view = candidate.view();
        var grid = view.asProtectedTable().cells();
        int height = view.rowCategories().size();
        int width = view.columnCategories().size();
        List<Suppression> primary = new ArrayList<>();
        for (var suppression : view.disclosure().suppressions()) {
            int r = suppression.row() == null ? height : view.rowCategories().indexOf(suppression.row());
            int c = suppression.column() == null
                    ? width
                    : view.columnCategories().indexOf(suppression.column());
            if (suppression.reason() == Suppression.Reason.PRIMARY) {
                primary.add(suppression);
            } else {
                grid[r][c] = candidate.counts()[r][c];
            }
        }
        var check = view.disclosure();
        return view.withGrid(
                grid,
                new DisclosureCheck(
                        check.minimumCellSize(),
                        check.protectionRange(),
                        check.rounding(),
                        primary,
                        primary.size(),
                        0));
    }

    @Test
    void measuresOfProceedingsArePublishedAsReported() {
        var decisions = new ReportedFigures(
                "COURTS",
                "COURT_DECISIONS",
                false,
                "2025-Q1",
                "2025-Q4",
                List.of(),
                List.of(),
                FORMS,
                List.of(
                        new ReportedFigures.Line("ALL", "ALL", "SEXUAL_EXPLOITATION", 3),
                        new ReportedFigures.Line("ALL", "ALL", "FORCED_LABOUR", 1)));
        var table = publish(List.of(decisions), List.of()).tables().getFirst();
        assertThat(table.columnTotals()).containsExactly(3L, 1L, 0L, 0L);
        assertThat(table.grandTotal()).isEqualTo(4L);
        assertThat(table.disclosure().suppressions()).isEmpty();
    }

    /**
     * The courts correct their figures after the return was published: one more man convicted of forced labour (20 to
     * 21, a line the first release published). The lines and totals that changed are withheld in the later release, so a reader of both sees the
     * published values only and cannot work out the difference; the small count stays protected across both.
     */
    @Test
    void aCorrectedVersionAfterPublicationDoesNotShowTheDifference() {
        var first = publish(List.of(convicted(twoGirls())), List.of()).tables();
        assertThat(position(first, "MALE", "ADULT", "FORCED_LABOUR")).isEqualTo(20L);
        var corrected = new ArrayList<>(twoGirls());
        corrected.set(7, new ReportedFigures.Line("MALE", "ADULT", "FORCED_LABOUR", 21));
        var outcome = publish(List.of(convicted(corrected)), List.of(first));
        var second = outcome.tables();

        for (String sex : List.of("FEMALE", "MALE", "UNKNOWN", "ALL")) {
            for (String age : List.of("CHILD", "ADULT", "UNKNOWN", "ALL")) {
                for (String form : List.of("SEXUAL_EXPLOITATION", "FORCED_LABOUR", "OTHER", "UNKNOWN", "ALL")) {
                    Long before = position(first, sex, age, form);
                    Long after = position(second, sex, age, form);
                    if (before != null && after != null) {
                        assertThat(after).as(sex + " " + age + " " + form).isEqualTo(before);
                    }
                }
            }
        }
        assertThat(position(second, "MALE", "ADULT", "FORCED_LABOUR")).isNull();
        assertThat(outcome.withheld()).anySatisfy(reason -> assertThat(reason).contains("revised"));

        // the reader of both releases: every value consistent with one cube (the attack is feasible) and no small
        // count narrowed below the range
        var both = new ArrayList<>(first);
        both.addAll(second);
        var findings = LinearAttack.attack(year2025, both);
        assertThat(findings).allSatisfy(finding -> assertThat(finding.width()).isGreaterThanOrEqualTo(SIZE));
        // what the reader can bound for the corrected line still holds the published 20: the change is not shown
        var line = LinearAttack.bounds(
                year2025,
                both,
                java.util.Map.of(
                        "agency", "COURTS",
                        "measure", "PERSONS_CONVICTED",
                        "sex", "MALE",
                        "age-group", "ADULT",
                        "exploitation-form", "FORCED_LABOUR"));
        assertThat(line).containsExactly(20, 20);
    }
}
