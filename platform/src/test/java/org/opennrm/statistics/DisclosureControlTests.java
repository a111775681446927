package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Disclosure control: no published cell below the threshold, and no suppressed cell that an attacker can
 * work out from what is published with it. The attacker is played here by a linear program written in this
 * test, independently of the one disclosure control uses, over the published table only.
 */
class DisclosureControlTests {

    final DisclosureControl control = new DisclosureControl(10);

    static CountTable table(long[][] counts) {
        var rows = IntStream.range(0, counts.length).mapToObj(i -> "r" + i).toList();
        var columns =
                IntStream.range(0, counts[0].length).mapToObj(i -> "c" + i).toList();
        return new CountTable("row", "column", rows, columns, counts);
    }

    static CountTable random(Random random, int height, int width) {
        long[][] counts = new long[height][width];
        for (long[] row : counts) {
            for (int c = 0; c < width; c++) {
                // a mix of zeros, small and large counts, as national tables have
                int kind = random.nextInt(4);
                row[c] = kind == 0 ? 0 : kind == 1 ? 1 + random.nextInt(9) : 10 + random.nextInt(200);
            }
        }
        return table(counts);
    }

    /** What a reader of the published table can conclude about a suppressed entry: {min, max}. */
    static double[] attack(ProtectedTable published, int row, int column) {
        Long[][] cells = published.cells();
        int height = cells.length;
        int width = cells[0].length;
        int[] index = new int[height * width];
        int unknowns = 0;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                index[r * width + c] = cells[r][c] == null ? unknowns++ : -1;
            }
        }
        List<LinearConstraint> equations = new ArrayList<>();
        for (int r = 0; r < height; r++) {
            double[] a = new double[unknowns];
            double b = 0;
            for (int c = 0; c < width; c++) {
                double sign = c == width - 1 ? -1 : 1;
                if (cells[r][c] == null) {
                    a[index[r * width + c]] += sign;
                } else {
                    b -= sign * cells[r][c];
                }
            }
            equations.add(new LinearConstraint(a, Relationship.EQ, b));
        }
        for (int c = 0; c < width; c++) {
            double[] a = new double[unknowns];
            double b = 0;
            for (int r = 0; r < height; r++) {
                double sign = r == height - 1 ? -1 : 1;
                if (cells[r][c] == null) {
                    a[index[r * width + c]] += sign;
                } else {
                    b -= sign * cells[r][c];
                }
            }
            equations.add(new LinearConstraint(a, Relationship.EQ, b));
        }
        double[] objective = new double[unknowns];
        objective[index[row * width + column]] = 1;
        return new double[] {
            solve(objective, equations, GoalType.MINIMIZE), solve(objective, equations, GoalType.MAXIMIZE)
        };
    }

    static double solve(double[] objective, List<LinearConstraint> equations, GoalType goal) {
        try {
            return new SimplexSolver()
                    .optimize(
                            new MaxIter(100_000),
                            new LinearObjectiveFunction(objective, 0),
                            new LinearConstraintSet(equations),
                            goal,
                            new NonNegativeConstraint(true))
                    .getValue();
        } catch (MathIllegalStateException unbounded) {
            return Double.POSITIVE_INFINITY;
        }
    }

    void assertSafe(CountTable table, ProtectedTable published, int threshold) {
        long[][] truth = table.withTotals();
        Long[][] cells = published.cells();
        for (int r = 0; r < cells.length; r++) {
            for (int c = 0; c < cells[r].length; c++) {
                if (cells[r][c] != null) {
                    assertThat(cells[r][c]).as("published entry %d,%d", r, c).isEqualTo(truth[r][c]);
                    assertThat(cells[r][c] == 0 || cells[r][c] >= threshold)
                            .as("entry %d,%d = %d is published", r, c, cells[r][c])
                            .isTrue();
                } else {
                    double[] range = attack(published, r, c);
                    assertThat(range[1] - range[0])
                            .as(
                                    "suppressed entry %d,%d (true %d) can be derived: [%s, %s]",
                                    r, c, truth[r][c], range[0], range[1])
                            .isGreaterThan(0.5);
                    if (truth[r][c] > 0 && truth[r][c] < threshold) {
                        assertThat(range[1] - range[0])
                                .as("small entry %d,%d narrowed to [%s, %s]", r, c, range[0], range[1])
                                .isGreaterThanOrEqualTo(threshold);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void noPublishedCellIsSmallAndNoSuppressedCellCanBeDerivedFromTheTotals(long seed) {
        var random = new Random(seed);
        var table = random(random, 2 + random.nextInt(6), 2 + random.nextInt(6));

        var published = control.protect(table, Rounding.NONE);

        assertSafe(table, published, 10);
    }

    @Test
    void aSingleSmallCellInARowIsProtectedWithItsRowTotal() {
        var table = table(new long[][] {{3, 0, 0}, {20, 30, 40}, {25, 35, 45}});

        var published = control.protect(table, Rounding.NONE);

        assertThat(published.cell(0, 0)).isNull();
        assertThat(published.rowTotal(0)).isNull(); // 3 people: itself below the threshold
        assertThat(published.cell(0, 1)).isZero();
        assertSafe(table, published, 10);
    }

    @Test
    void aSmallCellAmongLargeOnesGetsComplementsInItsRowAndColumn() {
        var table = table(new long[][] {{3, 50, 40}, {20, 30, 25}, {60, 70, 80}});

        var published = control.protect(table, Rounding.NONE);

        assertThat(published.cell(0, 0)).isNull();
        assertThat(published.check().primary()).isEqualTo(1);
        assertThat(published.check().secondary()).isGreaterThanOrEqualTo(3);
        assertThat(published.grandTotal()).isEqualTo(378);
        assertThat(published.check().suppressions()).anySatisfy(s -> {
            assertThat(s.row()).isEqualTo("r0");
            assertThat(s.column()).isEqualTo("c0");
            assertThat(s.reason()).isEqualTo(Suppression.Reason.PRIMARY);
            assertThat(s.feasibleMin()).isLessThanOrEqualTo(3);
            assertThat(s.feasibleMax()).isGreaterThanOrEqualTo(13);
        });
        assertSafe(table, published, 10);
    }

    @Test
    void aTableOfOnlySmallCellsPublishesOnlyWhatIsSafe() {
        var table = table(new long[][] {{1, 2}, {3, 4}});

        var published = control.protect(table, Rounding.NONE);

        assertThat(published.cell(0, 0)).isNull();
        assertThat(published.cell(1, 1)).isNull();
        assertThat(published.grandTotal()).isEqualTo(10);
        assertSafe(table, published, 10);
    }

    @Test
    void aOneByOneTableWithASmallCountPublishesNothing() {
        var table = table(new long[][] {{4}});

        var published = control.protect(table, Rounding.NONE);

        assertThat(published.cell(0, 0)).isNull();
        assertThat(published.grandTotal()).isNull();
        assertThat(published.check().suppressions()).hasSize(4);
        assertThat(published.check().suppressions().getFirst().feasibleMax()).isNull(); // unbounded
        assertSafe(table, published, 10);
    }

    @Test
    void aOneByOneTableWithALargeCountIsPublished() {
        var published = control.protect(table(new long[][] {{25}}), Rounding.NONE);

        assertThat(published.cell(0, 0)).isEqualTo(25);
        assertThat(published.check().suppressions()).isEmpty();
    }

    @Test
    void zeroCellsArePublished() {
        var table = table(new long[][] {{0, 15}, {20, 0}});

        var published = control.protect(table, Rounding.NONE);

        assertThat(published.cell(0, 0)).isZero();
        assertThat(published.cell(1, 1)).isZero();
        assertThat(published.check().suppressions()).isEmpty();
    }

    @Test
    void theMinimumCellSizeIsConfigurable() {
        var table = table(new long[][] {{7, 15}, {20, 30}});

        assertThat(new DisclosureControl(5).protect(table, Rounding.NONE).cell(0, 0))
                .isEqualTo(7);
        assertThat(new DisclosureControl(10).protect(table, Rounding.NONE).cell(0, 0))
                .isNull();
    }

    @Test
    void conventionalRoundingPublishesMultiplesOfFiveNearestTheCount() {
        var table = table(new long[][] {{12, 13}, {20, 31}});

        var published = control.protect(table, Rounding.CONVENTIONAL);

        assertThat(published.cell(0, 0)).isEqualTo(10);
        assertThat(published.cell(0, 1)).isEqualTo(15);
        assertThat(published.cell(1, 1)).isEqualTo(30);
        assertThat(published.grandTotal()).isEqualTo(75); // 76, rounded on its own
    }

    @Test
    void randomRoundingGivesMultiplesOfFiveAdjacentToTheCountAndTheSameAnswerEveryTime() {
        var random = new Random(7);
        var table = random(random, 6, 6);

        var first = control.protect(table, Rounding.RANDOM);
        var second = control.protect(table, Rounding.RANDOM);

        long[][] truth = table.withTotals();
        for (int r = 0; r < truth.length; r++) {
            for (int c = 0; c < truth[r].length; c++) {
                Long value = first.cells()[r][c];
                assertThat(value).isEqualTo(second.cells()[r][c]);
                if (value != null) {
                    assertThat(value % 5).isZero();
                    assertThat(Math.abs(value - truth[r][c])).isLessThan(5);
                }
            }
        }
    }
}
