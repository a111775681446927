package org.opennrm.linkage.scoring;

import java.util.ArrayList;
import java.util.List;
import org.opennrm.linkage.encoding.FieldEncodings;
import org.opennrm.linkage.encoding.PartKind;

/**
 * How two records compare, field by field: one column per compared field, each pair getting a level in each
 * column (0 = the strongest agreement) or {@link #MISSING} when either record lacks the value. Missing is not a
 * level: it carries no weight either way.
 */
final class Comparisons {

    static final byte MISSING = -1;

    /** A compared field: its name, its levels from strongest agreement down, and whether level 0 is TF-adjusted. */
    record Column(String name, List<String> levels, boolean termFrequency) {}

    private enum Type {
        BANDS,
        EQUAL,
        DATE
    }

    private record Plan(Type type, int part, int partB, int partC, double sameValueDice) {}

    private final FieldEncodings a;
    private final FieldEncodings b;
    private final int[] offsets;
    private final int perRecord;
    private final List<Column> columns = new ArrayList<>();
    private final List<Plan> plans = new ArrayList<>();
    /** The two name parts compared straight or swapped, or -1 when the schema has not exactly two. */
    private final int givenColumn;

    private final int familyColumn;

    Comparisons(FieldEncodings a, FieldEncodings b) {
        this.a = a;
        this.b = b;
        this.offsets = a.offsets();
        this.perRecord = a.wordsPerRecord();
        List<FieldEncodings.Part> parts = a.parts();
        List<Integer> nameColumns = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            FieldEncodings.Part part = parts.get(p);
            switch (part.kind()) {
                case NAME, TEXT, DIGITS -> {
                    if (part.kind() == PartKind.NAME) {
                        nameColumns.add(columns.size());
                    }
                    columns.add(new Column(part.field(), List.of("agree", "close", "partial", "differ"), true));
                    plans.add(new Plan(Type.BANDS, p, -1, -1, sameValueDice(p)));
                }
                case CODE -> {
                    columns.add(new Column(part.field(), List.of("agree", "differ"), true));
                    plans.add(new Plan(Type.EQUAL, p, -1, -1, 1));
                }
                case YEAR -> {
                    columns.add(new Column(
                            part.field(),
                            List.of("agree", "day and month swapped", "year off by one", "one part differs", "differ"),
                            false));
                    plans.add(new Plan(Type.DATE, p, p + 1, p + 2, 1));
                }
                case MONTH, DAY -> {
                    // compared with their year
                }
            }
        }
        givenColumn = nameColumns.size() == 2 ? nameColumns.get(0) : -1;
        familyColumn = nameColumns.size() == 2 ? nameColumns.get(1) : -1;
    }

    List<Column> columns() {
        return columns;
    }

    /**
     * Dice that two encodings of the same value reach on average after the noise: with n of m bits set by the
     * value and each bit flipped with probability f, both keep n(1-f)^2 + (m-n)f^2 bits of n(1-f) + (m-n)f.
     */
    private double sameValueDice(int p) {
        int bits = a.parts().get(p).kind().words() * 64;
        double f = a.noise();
        long sum = 0;
        long present = 0;
        for (FieldEncodings side : List.of(a, b)) {
            for (int r = 0; r < side.size(); r++) {
                int count = popcount(side, r, p);
                if (count > 0) {
                    sum += count;
                    present++;
                }
            }
        }
        if (present == 0) {
            return 1;
        }
        double observed = (double) sum / present;
        double n = Math.max(1, (observed - bits * f) / (1 - 2 * f));
        return (n * (1 - f) * (1 - f) + (bits - n) * f * f) / (n * (1 - f) + (bits - n) * f);
    }

    /** Levels of pair (ra, rb) in every column, into {@code row}. */
    void compare(int ra, int rb, byte[] row) {
        for (int c = 0; c < plans.size(); c++) {
            Plan plan = plans.get(c);
            row[c] = switch (plan.type) {
                case BANDS ->
                    band(dice(ra, plan.part, rb, plan.part), plan.sameValueDice, ra, rb, plan.part, plan.part);
                case EQUAL -> {
                    if (empty(a, ra, plan.part) || empty(b, rb, plan.part)) {
                        yield MISSING;
                    }
                    yield equal(ra, plan.part, rb, plan.part) ? (byte) 0 : (byte) 1;
                }
                case DATE -> date(ra, rb, plan);
            };
        }
        if (givenColumn >= 0) {
            swapNames(ra, rb, row);
        }
    }

    /** Given and family name written the other way round by one agency: compared crosswise when that fits better. */
    private void swapNames(int ra, int rb, byte[] row) {
        Plan given = plans.get(givenColumn);
        Plan family = plans.get(familyColumn);
        if (row[givenColumn] == MISSING || row[familyColumn] == MISSING) {
            return;
        }
        double straight = dice(ra, given.part, rb, given.part) + dice(ra, family.part, rb, family.part);
        double crossGiven = dice(ra, given.part, rb, family.part);
        double crossFamily = dice(ra, family.part, rb, given.part);
        if (crossGiven + crossFamily > straight + 0.2 * given.sameValueDice) {
            row[givenColumn] = band(crossGiven, given.sameValueDice, ra, rb, given.part, family.part);
            row[familyColumn] = band(crossFamily, family.sameValueDice, ra, rb, family.part, given.part);
        }
    }

    private byte band(double dice, double same, int ra, int rb, int partA, int partB) {
        if (empty(a, ra, partA) || empty(b, rb, partB)) {
            return MISSING;
        }
        if (dice >= 0.8 * same) {
            return 0;
        }
        if (dice >= 0.6 * same) {
            return 1;
        }
        return dice >= 0.4 * same ? (byte) 2 : (byte) 3;
    }

    private byte date(int ra, int rb, Plan plan) {
        int year = plan.part;
        int month = plan.partB;
        int day = plan.partC;
        if (empty(a, ra, year) || empty(b, rb, year)) {
            return MISSING;
        }
        boolean sameYear = equal(ra, year, rb, year);
        boolean sameMonth = equal(ra, month, rb, month);
        boolean sameDay = equal(ra, day, rb, day);
        if (sameYear && sameMonth && sameDay) {
            return 0;
        }
        if (sameYear && equal(ra, month, rb, day) && equal(ra, day, rb, month)) {
            return 1;
        }
        if (sameMonth && sameDay && dice(ra, year, rb, year) >= 0.2) {
            return 2;
        }
        int agreeing = (sameYear ? 1 : 0) + (sameMonth ? 1 : 0) + (sameDay ? 1 : 0);
        return agreeing == 2 ? (byte) 3 : (byte) 4;
    }

    double dice(int ra, int partA, int rb, int partB) {
        int words = a.parts().get(partA).kind().words();
        long[] wa = a.words();
        long[] wb = b.words();
        int oa = ra * perRecord + offsets[partA];
        int ob = rb * perRecord + offsets[partB];
        int common = 0;
        int sum = 0;
        for (int w = 0; w < words; w++) {
            common += Long.bitCount(wa[oa + w] & wb[ob + w]);
            sum += Long.bitCount(wa[oa + w]) + Long.bitCount(wb[ob + w]);
        }
        return sum == 0 ? 0 : 2.0 * common / sum;
    }

    private boolean equal(int ra, int partA, int rb, int partB) {
        int words = a.parts().get(partA).kind().words();
        int oa = ra * perRecord + offsets[partA];
        int ob = rb * perRecord + offsets[partB];
        for (int w = 0; w < words; w++) {
            if (a.words()[oa + w] != b.words()[ob + w]) {
                return false;
            }
        }
        return true;
    }

    /** The first word of part p of record r: a code's whole filter. */
    long word(FieldEncodings side, int r, int p) {
        return side.words()[r * perRecord + offsets[p]];
    }

    boolean empty(FieldEncodings side, int r, int p) {
        return popcount(side, r, p) == 0;
    }

    int popcount(FieldEncodings side, int r, int p) {
        int words = side.parts().get(p).kind().words();
        int o = r * perRecord + offsets[p];
        int count = 0;
        for (int w = 0; w < words; w++) {
            count += Long.bitCount(side.words()[o + w]);
        }
        return count;
    }

    /** The part that column {@code c} compares (for dates: the year). */
    int part(int c) {
        return plans.get(c).part;
    }

    /** Whether column {@code c} agrees only on equal filters (codes); otherwise by Dice, see {@link #agreeStraight}. */
    boolean byEquality(int c) {
        return plans.get(c).type == Type.EQUAL;
    }

    /** The Dice similarity at or above which two filters agree at level 0 of a column compared by Dice. */
    double agreeingDice(int c) {
        return 0.8 * plans.get(c).sameValueDice;
    }

    /** Words of the filter that column {@code c} compares, and where it starts in a record. */
    int words(int c) {
        return a.parts().get(plans.get(c).part).kind().words();
    }

    int offset(int c) {
        return offsets[plans.get(c).part];
    }

    /** Whether record rx of x agrees with record ry of y at level 0 of column {@code c}, for term frequencies. */
    boolean agreeStraight(FieldEncodings x, int rx, FieldEncodings y, int ry, int c) {
        int partX = plans.get(c).part;
        int partY = partX;
        Plan plan = plans.get(c);
        int words = x.parts().get(partX).kind().words();
        int ox = rx * perRecord + offsets[partX];
        int oy = ry * perRecord + offsets[partY];
        if (plan.type == Type.EQUAL) {
            for (int w = 0; w < words; w++) {
                if (x.words()[ox + w] != y.words()[oy + w]) {
                    return false;
                }
            }
            return true;
        }
        int common = 0;
        int sum = 0;
        for (int w = 0; w < words; w++) {
            common += Long.bitCount(x.words()[ox + w] & y.words()[oy + w]);
            sum += Long.bitCount(x.words()[ox + w]) + Long.bitCount(y.words()[oy + w]);
        }
        return sum > 0 && 2.0 * common / sum >= agreeingDice(c);
    }
}
