package org.opennrm.statistics.publishing;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.LocalizedOptimFormats;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Disclosure control of the action plan's indicator values counted from the facts ({@link PlanIndicatorCounts}), for
 * the readers of the plan outside the statistics office and the co-ordinator (the staff of lead organisations). The
 * same minimum cell size as the national tables ({@code opennrm.statistics.minimum-cell-size}, default 10):
 *
 * <ul>
 *   <li>a count of none or at least the minimum is shown; a count of one to the minimum less one is shown as
 *       "fewer than" the minimum (a protected range, as a primary cell is);
 *   <li>a median is shown only when it rests on at least the minimum number of facts, otherwise withheld;
 *   <li>values of one rule are one family: a reader can subtract a count over a shorter period from one over a longer
 *       period. Values are taken in the order given (oldest first: what has been shown stays shown, like the
 *       publication ledger), and a value is withheld when, together with the values already shown, it would let a
 *       reader narrow the count of some span of months to a small number more tightly than "fewer than" says (found
 *       by linear programming over the spans the periods cut the months into, Hipparchus simplex), when it overlaps a
 *       shown period without one containing the other (such families can reveal sums of spans, which this check does
 *       not enumerate), or when it recounts a shown period with another result (the difference would count the facts
 *       recorded late).
 * </ul>
 *
 * Codes and counts only.
 */
@Service
public class IndicatorDisclosure {

    /** How a value may be shown to a reader outside the statistics office. */
    public enum Shown {
        /** As counted. */
        EXACT,
        /** As "fewer than" the minimum cell size. */
        FEWER_THAN,
        /** Not at all: it would disclose a small count. */
        WITHHELD
    }

    /**
     * A value of a rule for the months {@code from} to {@code to}: {@code value} the count (or median), {@code facts}
     * how many facts it rests on (null when not known, which withholds a median).
     */
    public record Figure(YearMonth from, YearMonth to, boolean count, Long value, Long facts) {}

    private final int minimumCellSize;

    IndicatorDisclosure(@Value("${opennrm.statistics.minimum-cell-size:10}") int minimumCellSize) {
        if (minimumCellSize < 1) {
            throw new IllegalArgumentException("opennrm.statistics.minimum-cell-size must be at least 1");
        }
        this.minimumCellSize = minimumCellSize;
    }

    public int minimumCellSize() {
        return minimumCellSize;
    }

    /** How each of the values of one rule (oldest first) may be shown outside the office, in the same order. */
    public List<Shown> protect(List<Figure> values) {
        List<Shown> shown = new ArrayList<>();
        List<Member> family = new ArrayList<>();
        for (Figure value : values) {
            if (!value.count()) {
                boolean enough = value.value() == null
                        ? value.facts() != null
                        : value.facts() != null && value.facts() >= minimumCellSize;
                shown.add(enough ? Shown.EXACT : Shown.WITHHELD);
                continue;
            }
            if (value.value() == null) {
                shown.add(Shown.WITHHELD);
                continue;
            }
            long count = value.value();
            var candidate = new Member(index(value.from()), index(value.to()), count, small(count));
            if (!fits(family, candidate)) {
                shown.add(Shown.WITHHELD);
                continue;
            }
            family.add(candidate);
            if (exposed(family)) {
                family.removeLast();
                shown.add(Shown.WITHHELD);
                continue;
            }
            shown.add(candidate.small() ? Shown.FEWER_THAN : Shown.EXACT);
        }
        return shown;
    }

    private boolean small(long count) {
        return count > 0 && count < minimumCellSize;
    }

    /** A shown value: months {@code first} to {@code last} (indices), its count, whether shown as "fewer than". */
    private record Member(int first, int last, long count, boolean small) {

        boolean contains(Member other) {
            return first <= other.first && other.last <= last;
        }

        boolean disjoint(Member other) {
            return last < other.first || other.last < first;
        }

        boolean same(Member other) {
            return first == other.first && last == other.last;
        }
    }

    private static boolean fits(List<Member> family, Member candidate) {
        for (Member member : family) {
            if (member.same(candidate)) {
                if (member.small() != candidate.small() || (!member.small() && member.count() != candidate.count())) {
                    return false;
                }
            } else if (!member.disjoint(candidate) && !member.contains(candidate) && !candidate.contains(member)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the shown family lets a reader narrow the count of a span of months (one the periods cut the months
     * into, or a shown period) to between one and the minimum less one, more tightly than "fewer than" says.
     */
    private boolean exposed(List<Member> family) {
        if (minimumCellSize <= 2) {
            return false;
        }
        var cuts = new TreeSet<Integer>();
        for (Member member : family) {
            cuts.add(member.first());
            cuts.add(member.last() + 1);
        }
        var bounds = new ArrayList<>(cuts);
        int spans = bounds.size() - 1;
        List<LinearConstraint> constraints = new ArrayList<>();
        List<double[]> sets = new ArrayList<>();
        for (Member member : family) {
            double[] in = new double[spans];
            for (int s = 0; s < spans; s++) {
                if (bounds.get(s) >= member.first() && bounds.get(s + 1) - 1 <= member.last()) {
                    in[s] = 1;
                }
            }
            sets.add(in);
            if (member.small()) {
                constraints.add(new LinearConstraint(in, Relationship.GEQ, 1));
                constraints.add(new LinearConstraint(in, Relationship.LEQ, minimumCellSize - 1));
            } else {
                constraints.add(new LinearConstraint(in, Relationship.EQ, member.count()));
            }
        }
        for (int s = 0; s < spans; s++) {
            int start = bounds.get(s);
            if (family.stream().anyMatch(m -> m.first() <= start && start <= m.last())) {
                double[] one = new double[spans];
                one[s] = 1;
                sets.add(one);
            }
        }
        var set = new LinearConstraintSet(constraints);
        for (double[] objective : sets) {
            double low = optimum(objective, set, GoalType.MINIMIZE);
            double high = optimum(objective, set, GoalType.MAXIMIZE);
            if (Double.isNaN(low) || Double.isNaN(high)) {
                return true;
            }
            long least = Math.round(Math.ceil(low - 1e-6));
            long most = Double.isInfinite(high) ? Long.MAX_VALUE : Math.round(Math.floor(high + 1e-6));
            if (most >= 1 && most < minimumCellSize && most - least < minimumCellSize - 2) {
                return true;
            }
        }
        return false;
    }

    private static double optimum(double[] objective, LinearConstraintSet constraints, GoalType goal) {
        try {
            return new SimplexSolver()
                    .optimize(
                            new MaxIter(100_000),
                            new LinearObjectiveFunction(objective, 0),
                            constraints,
                            goal,
                            new NonNegativeConstraint(true))
                    .getValue();
        } catch (MathIllegalStateException e) {
            if (e.getSpecifier() == LocalizedOptimFormats.UNBOUNDED_SOLUTION) {
                return Double.POSITIVE_INFINITY;
            }
            // no solution: values that contradict each other (a recount after late facts) tell a reader a
            // difference; the caller withholds the newest
            return Double.NaN;
        }
    }

    private static int index(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }
}
