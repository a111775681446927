package org.opennrm.statistics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
import org.opennrm.statistics.publishing.JointReason;
import org.opennrm.statistics.publishing.JointReasons;

/**
 * The joint disclosure check: one linear system of every table about to leave the statistics office together with
 * every table already published for overlapping periods and regions (the publication ledger), and what any reader
 * knows about how counts nest. For every small (primary) cell, published or about to be, it finds the least and
 * greatest count a reader could deduce (linear programming, Hipparchus simplex, bounds rounded inwards because counts
 * are whole numbers). A cell narrowed below the protection range, or recovered exactly, makes the check withhold more
 * cells of the new tables, cheapest first, until every small cell keeps its range; if that cannot be done the new
 * tables are refused.
 *
 * <p>What a reader is assumed to know, besides the published values:
 *
 * <ul>
 *   <li>every row and column of a table adds up to its total, and a count is never negative;
 *   <li>the same cell (same event, period, region and categories: {@link CellDefinition}) is the same number in every
 *       table and release;
 *   <li>a rounded value v (base 5) stands for a count between v - 4 and v + 4 (random rounding) or v - 2 and v + 2
 *       (conventional);
 *   <li>periods nest: a cell over a longer period is the sum of the same cell over the shorter periods that tile it;
 *   <li>regions add up to the nation (with a region "not known" that is never published on its own);
 *   <li>age bands 0-8 and 9-17 are children and the others adults, so a table by child/adult splits into bands (only
 *       while every recorded fact agrees with this, which the caller says);
 *   <li>dimensions with several codes per person (forms, methods of control, sectors, countries, vulnerabilities,
 *       recruitment methods and platforms: {@link Dimension}'s {@code several}) count a person once, as the code,
 *       MULTIPLE or UNKNOWN, so their tables add up to people like any other and need no structure of their own.
 * </ul>
 *
 * <p>A count revised since it was published (a fact recorded late, a trafficking profile changed after the referral)
 * differs from the ledger's value by more than the two roundings allow: that cell of the new table is withheld before
 * anything else (reason JOINT, "revised"), so that a reader keeps the published value and the system stays one that
 * some counts satisfy. Where revised counts still contradict the ledger through a structure (a period or the nation
 * as the sum of published parts), the check refuses with a clear reason rather than guess.
 *
 * <p>A structure is split (a table into regions, periods or bands) only where the split reaches a cell that is
 * published somewhere; splits are not combined (a table split into regions is not also split into bands), and three
 * tables that cross three dimensions in a cycle without a shared structure are linked only through their common
 * cells: limits that the tests' independent attack, which solves the full cross-classification, probes.
 */
final class JointDisclosure {

    /** How wide a published rounded value is, each side, as a reader sees it. */
    static long halfWidth(Rounding rounding) {
        return switch (rounding) {
            case NONE -> 0;
            case CONVENTIONAL -> 2;
            case RANDOM -> 4;
        };
    }

    /**
     * The structures a reader knows (age nesting only where the facts agree with it), and, for the check alone, the
     * true count of a cell (-1 when not known), used only to skip differences that are zero or large.
     */
    record Knowledge(boolean ageNesting, java.util.function.ToLongFunction<CellDefinition> truth) {

        Knowledge(boolean ageNesting) {
            this(ageNesting, cell -> -1);
        }
    }

    /** A table about to be published, with the true counts behind it (for choosing cheap extra suppressions). */
    record Candidate(String source, TableRequest request, TableView view, long[][] counts) {}

    /**
     * A small cell that a reader can narrow too far: which cell (in English words and in parts), to what, and through
     * which tables and structures.
     */
    record Exposure(String cell, JointReason.Cell parts, long min, Long max, List<String> through) {
        /** The same in parts, for a page to put into its reader's language. */
        JointReason reason() {
            List<String> sources = new ArrayList<>();
            List<JointReason.Structure> structures = new ArrayList<>();
            for (String name : through) {
                JointReason.Structure structure = null;
                for (var known : JointReason.Structure.values()) {
                    if (known.english().equals(name)) {
                        structure = known;
                    }
                }
                if (structure == null) {
                    sources.add(name);
                } else {
                    structures.add(structure);
                }
            }
            int shown = Math.min(sources.size(), SOURCES_NAMED);
            return new JointReason(
                    max != null && max == min ? JointReason.Kind.EXACT : JointReason.Kind.NARROWED,
                    parts,
                    max == null ? null : max - min,
                    sources.subList(0, shown),
                    structures,
                    sources.size() - shown);
        }

        /** In words for the approver, without the values themselves (they describe a small group). */
        String describe() {
            String how = max != null && max == min
                    ? "could be recovered exactly"
                    : "could be narrowed to a range of " + (max - min) + ", less than the protection range";
            String sources = through.size() <= SOURCES_NAMED
                    ? String.join(", ", through)
                    : String.join(", ", through.subList(0, SOURCES_NAMED)) + " and " + (through.size() - SOURCES_NAMED)
                            + " more";
            return cell + " " + how + " through " + sources;
        }
    }

    /** How many exposures a refusal names. */
    static final int REFUSAL_NAMES = 5;

    /** How many tables a reason names before "and N more". */
    static final int SOURCES_NAMED = 6;

    /** What the check did: the tables as they may be published, what more it withheld and why, and what it took. */
    record Outcome(
            List<TableView> tables, List<String> withheld, long cellsWithheld, long personsWithheld, long millis) {}

    /** How a reason names a category of a dimension: the category's English label, or the category itself. */
    @FunctionalInterface
    interface Words {
        String of(String dimension, String category);

        Words CODES = (dimension, category) -> category;
    }

    private final int minimumCellSize;
    private final int protectionRange;
    private final Words words;
    private final JointReasons jointReasons;

    JointDisclosure(int minimumCellSize, int protectionRange) {
        this(minimumCellSize, protectionRange, Words.CODES, null);
    }

    /**
     * @param words how the English reasons (the API's) name categories: the platform passes their English labels, so
     *     that a reason says "sex Female" where the facts hold {@code FEMALE}
     * @param reasons how a refusal words the cells it could not protect in the reader's language; null: in English
     */
    JointDisclosure(int minimumCellSize, int protectionRange, Words words, JointReasons reasons) {
        this.minimumCellSize = minimumCellSize;
        this.protectionRange = protectionRange;
        this.words = words;
        this.jointReasons = reasons;
    }

    /** How refusals word exposures (see {@link ReleaseRefused}); null where the check has no words for them. */
    JointReasons reasons() {
        return jointReasons;
    }

    /**
     * The candidate tables protected jointly with the published ones: extra suppressions (reason JOINT, with why)
     * until no small cell of either is exposed.
     *
     * @throws ReleaseRefused when a small cell stays exposed whatever more of the candidate tables is withheld
     */
    Outcome protect(List<Candidate> candidates, List<LinkedTable> published, Knowledge knowledge) {
        long started = System.nanoTime();
        int tables = candidates.size();
        // suppressed[t][r][c]: the cell is withheld in the candidate; why[t][r][c]: the joint check's reason
        boolean[][][] withheld = new boolean[tables][][];
        String[][][] why = new String[tables][][];
        JointReason[][][] because = new JointReason[tables][][];
        for (int t = 0; t < tables; t++) {
            var view = candidates.get(t).view();
            int height = view.rowCategories().size() + 1;
            int width = view.columnCategories().size() + 1;
            withheld[t] = new boolean[height][width];
            why[t] = new String[height][width];
            because[t] = new JointReason[height][width];
        }
        Long[][][] grids = new Long[tables][][];
        for (int t = 0; t < tables; t++) {
            grids[t] = candidates.get(t).view().asProtectedTable().cells();
        }
        List<String> reasons = new ArrayList<>();
        long cells = 0;
        long persons = 0;
        /*
         * A count revised since it was published (a fact recorded late, a trafficking profile changed after the
         * referral) would contradict the ledger: no reader could hold both values, and the check could not tell what
         * they work out. Such a cell is withheld, so that the reader keeps the published value.
         */
        Map<String, String> publishedAs = new HashMap<>();
        Map<String, LinkedTable.Cell> publishedCells = new HashMap<>();
        for (var table : published) {
            for (var cell : table.cells()) {
                if (cell.value() != null) {
                    String key = cell.definition().canonical();
                    publishedCells.putIfAbsent(key, cell);
                    publishedAs.putIfAbsent(key, table.source());
                }
            }
        }
        for (int t = 0; t < tables; t++) {
            var candidate = candidates.get(t);
            for (var cell : withExtra(candidate, withheld[t]).cells()) {
                String key = cell.definition().canonical();
                var before = publishedCells.get(key);
                if (cell.value() == null || before == null) {
                    continue;
                }
                long apart = Math.abs(cell.value() - before.value());
                if (apart > halfWidth(cell.rounding()) + halfWidth(before.rounding())) {
                    int r = cell.row();
                    int c = cell.column();
                    withheld[t][r][c] = true;
                    why[t][r][c] = "withheld: the count was revised (a fact recorded late or a profile changed) since "
                            + publishedAs.get(key) + " published it";
                    because[t][r][c] = new JointReason(
                            JointReason.Kind.REVISED, null, null, List.of(publishedAs.get(key)), List.of(), 0);
                    cells++;
                    persons += candidate.counts()[r][c];
                    reasons.add(candidate.source() + ", " + label(candidate.view(), r, c) + ": " + why[t][r][c]);
                }
            }
        }
        while (true) {
            var linked = new ArrayList<>(published);
            for (int t = 0; t < tables; t++) {
                linked.add(withExtra(candidates.get(t), withheld[t]));
            }
            var model = new Model(linked, knowledge);
            var exposures = model.exposures(protectionRange);
            // a small cell that earlier releases exposed on their own is not this release's to mend
            exposures.keySet().removeIf(target -> !model.touchesCandidate(target));
            if (exposures.isEmpty()) {
                break;
            }
            boolean added = false;
            Set<Integer> chosenThisRound = new LinkedHashSet<>();
            for (var exposure : exposures.entrySet()) {
                int target = exposure.getKey();
                var found = exposure.getValue();
                int[] choice = cheapest(candidates, grids, withheld, model, model.frontier(target), chosenThisRound);
                if (choice == null) {
                    continue;
                }
                int variable = model.variableOf(
                        candidates.get(choice[0]).view(),
                        candidates.get(choice[0]).request(),
                        choice[1],
                        choice[2]);
                chosenThisRound.add(variable);
                String reason = "withheld because otherwise " + found.describe();
                JointReason parts = found.reason();
                // the same cell is withheld in every candidate table that shows it
                for (int t = 0; t < tables; t++) {
                    var candidate = candidates.get(t);
                    for (int r = 0; r < withheld[t].length; r++) {
                        for (int c = 0; c < withheld[t][r].length; c++) {
                            if (!withheld[t][r][c]
                                    && grids[t][r][c] != null
                                    && model.variableOf(candidate.view(), candidate.request(), r, c) == variable) {
                                withheld[t][r][c] = true;
                                why[t][r][c] = reason;
                                because[t][r][c] = parts;
                                cells++;
                                persons += candidate.counts()[r][c];
                                reasons.add(candidate.source() + ", " + label(candidate.view(), r, c) + ": " + reason);
                            }
                        }
                    }
                }
                added = true;
            }
            if (!added) {
                throw new ReleaseRefused(
                        "unprotectable",
                        "Protection cannot be achieved: withholding more of these tables would not keep "
                                + String.join(
                                        "; ",
                                        exposures.values().stream()
                                                .map(Exposure::describe)
                                                .limit(REFUSAL_NAMES)
                                                .toList())
                                + ". Nothing was published. Choose other tables, a coarser table or another period.",
                        exposures.values().stream()
                                .map(Exposure::reason)
                                .limit(REFUSAL_NAMES)
                                .toList(),
                        jointReasons);
            }
        }
        List<TableView> views = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            views.add(apply(candidates.get(t), withheld[t], why[t], because[t]));
        }
        return new Outcome(views, reasons, cells, persons, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The small cells that a reader of the published tables and of the new ones (as they stand) could narrow too far,
     * where the new tables take part; empty when every one keeps its range.
     */
    List<Exposure> exposures(List<TableView> fresh, List<LinkedTable> published, Knowledge knowledge) {
        var linked = new ArrayList<>(published);
        for (int t = 0; t < fresh.size(); t++) {
            var table = LinkedTable.of("table " + (t + 1), fresh.get(t));
            linked.add(new LinkedTable(table.source() + CANDIDATE, table.rows(), table.columns(), table.cells()));
        }
        var model = new Model(linked, knowledge);
        var exposures = model.exposures(protectionRange);
        exposures.keySet().removeIf(target -> !model.touchesCandidate(target));
        return new ArrayList<>(exposures.values());
    }

    private static final String CANDIDATE = " (this release)";

    private static int[] cheapest(
            List<Candidate> candidates,
            Long[][][] grids,
            boolean[][][] withheld,
            Model model,
            BitSet frontier,
            Set<Integer> taken) {
        int[] best = null;
        long bestCount = Long.MAX_VALUE;
        for (int t = 0; t < candidates.size(); t++) {
            var candidate = candidates.get(t);
            Long[][] published = grids[t];
            for (int r = 0; r < published.length; r++) {
                for (int c = 0; c < published[r].length; c++) {
                    if (withheld[t][r][c] || published[r][c] == null) {
                        continue;
                    }
                    int variable = model.variableOf(candidate.view(), candidate.request(), r, c);
                    if (variable < 0
                            || !frontier.get(variable)
                            || taken.contains(variable)
                            || model.fixedElsewhere(variable)) {
                        continue;
                    }
                    // zeros last: a zero describes nobody, and withholding it hides where there is nobody to protect
                    long count = candidate.counts()[r][c];
                    long cost = count == 0 ? Long.MAX_VALUE - 1 : count;
                    if (cost < bestCount) {
                        bestCount = cost;
                        best = new int[] {t, r, c};
                    }
                }
            }
        }
        return best;
    }

    private static LinkedTable withExtra(Candidate candidate, boolean[][] withheld) {
        var table = LinkedTable.of(candidate.source(), candidate.view());
        List<LinkedTable.Cell> cells = new ArrayList<>();
        for (var cell : table.cells()) {
            cells.add(
                    withheld[cell.row()][cell.column()]
                            ? new LinkedTable.Cell(
                                    cell.row(),
                                    cell.column(),
                                    cell.definition(),
                                    null,
                                    cell.rounding(),
                                    Suppression.Reason.JOINT)
                            : cell);
        }
        return new LinkedTable(candidate.source() + CANDIDATE, table.rows(), table.columns(), cells);
    }

    private static TableView apply(Candidate candidate, boolean[][] withheld, String[][] why, JointReason[][] because) {
        var view = candidate.view();
        int height = view.rowCategories().size();
        int width = view.columnCategories().size();
        Long[][] grid = view.asProtectedTable().cells();
        List<Suppression> suppressions = new ArrayList<>(view.disclosure().suppressions());
        for (int r = 0; r <= height; r++) {
            for (int c = 0; c <= width; c++) {
                if (withheld[r][c]) {
                    grid[r][c] = null;
                    suppressions.add(new Suppression(
                            r < height ? view.rowCategories().get(r) : null,
                            c < width ? view.columnCategories().get(c) : null,
                            Suppression.Reason.JOINT,
                            0,
                            null,
                            why[r][c],
                            because[r][c]));
                }
            }
        }
        var check = view.disclosure();
        return view.withGrid(
                grid,
                new DisclosureCheck(
                        check.minimumCellSize(),
                        check.protectionRange(),
                        check.rounding(),
                        suppressions,
                        check.primary(),
                        check.secondary()));
    }

    /** "age band 0-8, sex Female" for a cell of a table; "total" for the grand total. */
    String label(TableView view, int row, int column) {
        int height = view.rowCategories().size();
        int width = view.columnCategories().size();
        List<String> parts = new ArrayList<>();
        if (row < height) {
            parts.add(view.rows() + " "
                    + words.of(view.rows(), view.rowCategories().get(row)));
        }
        if (column < width) {
            parts.add(view.columns() + " "
                    + words.of(view.columns(), view.columnCategories().get(column)));
        }
        return parts.isEmpty() ? "the total" : String.join(", ", parts);
    }

    /** A cell definition in words: "referral 2025-Q1..2025-Q4, region North, age band 0-8, sex Female". */
    /** The cell in parts, for the reason a page words in its reader's language; null for a cell nobody can be in. */
    static JointReason.Cell parts(CellDefinition cell, boolean difference) {
        if (cell == null) {
            return null;
        }
        return new JointReason.Cell(
                cell.event().name(),
                cell.firstQuarter() == null ? null : TableRequest.quarter(cell.firstQuarter()),
                cell.lastQuarter() == null ? null : TableRequest.quarter(cell.lastQuarter()),
                cell.region(),
                cell.categories(),
                difference);
    }

    String describe(CellDefinition cell) {
        if (cell == null) {
            return "a cell that cannot hold anyone";
        }
        var text = new StringBuilder(
                cell.event().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        if (cell.firstQuarter() != null || cell.lastQuarter() != null) {
            text.append(' ')
                    .append(cell.firstQuarter() == null ? "…" : TableRequest.quarter(cell.firstQuarter()))
                    .append("..")
                    .append(cell.lastQuarter() == null ? "…" : TableRequest.quarter(cell.lastQuarter()));
        } else {
            text.append(", all periods");
        }
        if (cell.region() != null) {
            text.append(", region ")
                    .append(
                            Model.UNKNOWN_REGION.equals(cell.region())
                                    ? "not known"
                                    : words.of("REGION", cell.region()));
        }
        cell.categories().forEach((dimension, category) -> text.append(", ")
                .append(dimension.toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .append(' ')
                .append(words.of(dimension, category)));
        return text.toString();
    }

    /**
     * The linear system: one variable per distinct (normalised) cell definition, equalities for every line of every
     * table and for every split of a table into regions, periods or age bands, and bounds from published values.
     */
    final class Model {

        /* the region of facts recorded without one: the REGION dimension's UNKNOWN, never a filter of its own */
        static final String UNKNOWN_REGION = Dimension.UNKNOWN;
        private static final String ZERO = "structurally zero";

        private final Knowledge knowledge;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<CellDefinition> definitions = new ArrayList<>();
        private final List<double[]> bounds = new ArrayList<>();
        private final BitSet published = new BitSet();
        private final BitSet inCandidate = new BitSet();
        private final BitSet fixedByOthers = new BitSet();
        private final BitSet primary = new BitSet();
        /* cells no table shows, made by splitting tables into periods or regions: what differencing reveals */
        private final BitSet differences = new BitSet();

        /* rounds of splitting: each round can reach what the one before made; three cover the chains releases make */
        private static final int MAX_SPLIT_ROUNDS = 3;
        private final List<int[]> members = new ArrayList<>();
        private final List<double[]> coefficients = new ArrayList<>();
        private final List<String> sources = new ArrayList<>();
        private final List<List<Integer>> byVariable = new ArrayList<>();

        Model(List<LinkedTable> tables, Knowledge knowledge) {
            this.knowledge = knowledge;
            int zeroVariable = variable(null);
            bounds.get(zeroVariable)[1] = 0;
            for (var table : tables) {
                boolean candidate = table.source().endsWith(CANDIDATE);
                for (var cell : table.cells()) {
                    int v = variable(cell.definition());
                    if (cell.value() != null) {
                        long half = halfWidth(cell.rounding());
                        double[] b = bounds.get(v);
                        b[0] = Math.max(b[0], Math.max(0, cell.value() - half));
                        b[1] = Math.min(b[1], cell.value() + half);
                        published.set(v);
                        if (!candidate) {
                            fixedByOthers.set(v);
                        }
                    } else if (cell.reason() == Suppression.Reason.PRIMARY) {
                        primary.set(v);
                    }
                    if (candidate) {
                        inCandidate.set(v);
                    }
                }
                lines(table, table.source());
            }
            split(tables);
            for (int v = 0; v < definitions.size(); v++) {
                byVariable.add(new ArrayList<>());
            }
            for (int k = 0; k < members.size(); k++) {
                for (int v : members.get(k)) {
                    byVariable.get(v).add(k);
                }
            }
        }

        /** Whether the candidate tables take part in what a reader can work out about the target. */
        boolean touchesCandidate(int target) {
            return frontier(target).intersects(inCandidate) || component(target).intersects(inCandidate);
        }

        /** The variable of a cell of a candidate table, or -1 if the model does not hold it. */
        int variableOf(TableView view, TableRequest request, int row, int column) {
            int height = view.rowCategories().size();
            int width = view.columnCategories().size();
            var definition = normalise(CellDefinition.of(
                    request,
                    view.categories(),
                    row < height ? view.rowCategories().get(row) : null,
                    column < width ? view.columnCategories().get(column) : null));
            Integer v = index.get(definition == null ? ZERO : definition.canonical());
            return v == null ? -1 : v;
        }

        boolean fixedElsewhere(int variable) {
            return fixedByOthers.get(variable);
        }

        private int variable(CellDefinition raw) {
            var definition = raw == null ? null : normalise(raw);
            String key = definition == null ? ZERO : definition.canonical();
            Integer known = index.get(key);
            if (known != null) {
                return known;
            }
            int v = definitions.size();
            index.put(key, v);
            definitions.add(definition);
            bounds.add(new double[] {0, definition == null ? 0 : Double.POSITIVE_INFINITY});
            return v;
        }

        /** A band known together with a child/adult group: the group adds nothing, or contradicts the band. */
        private CellDefinition normalise(CellDefinition definition) {
            if (!knowledge.ageNesting()) {
                return definition;
            }
            String band = definition.categories().get(Dimension.AGE_BAND.name());
            String group = definition.categories().get(Dimension.AGE_GROUP.name());
            if (band == null || group == null || Dimension.UNKNOWN.equals(band)) {
                return definition;
            }
            if (!group.equals(groupOf(band))) {
                return null;
            }
            var categories = new TreeMap<>(definition.categories());
            categories.remove(Dimension.AGE_GROUP.name());
            return new CellDefinition(
                    definition.event(),
                    definition.firstQuarter(),
                    definition.lastQuarter(),
                    definition.region(),
                    categories);
        }

        private static String groupOf(String band) {
            return band.equals("0-8") || band.equals("9-17") ? "CHILD" : "ADULT";
        }

        private void lines(LinkedTable table, String source) {
            for (int r = 0; r <= table.rows(); r++) {
                int[] line = new int[table.columns() + 1];
                for (int c = 0; c <= table.columns(); c++) {
                    line[c] = variable(table.at(r, c).definition());
                }
                sum(line, source);
            }
            for (int c = 0; c <= table.columns(); c++) {
                int[] line = new int[table.rows() + 1];
                for (int r = 0; r <= table.rows(); r++) {
                    line[r] = variable(table.at(r, c).definition());
                }
                sum(line, source);
            }
        }

        /** The last variable is the sum of the others. */
        private void sum(int[] line, String source) {
            Map<Integer, Double> terms = new LinkedHashMap<>();
            for (int i = 0; i < line.length; i++) {
                terms.merge(line[i], i == line.length - 1 ? -1.0 : 1.0, Double::sum);
            }
            terms.values().removeIf(value -> value == 0);
            if (terms.isEmpty()) {
                return;
            }
            members.add(terms.keySet().stream().mapToInt(Integer::intValue).toArray());
            coefficients.add(
                    terms.values().stream().mapToDouble(Double::doubleValue).toArray());
            sources.add(source);
        }

        /** Splits of tables into periods, regions and age bands, where a split reaches a cell published elsewhere. */
        private void split(List<LinkedTable> tables) {
            Set<Integer> breaks = new TreeSet<>();
            Set<String> regions = new TreeSet<>();
            boolean bands = false;
            for (var table : tables) {
                for (var cell : table.cells()) {
                    var d = cell.definition();
                    if (d.firstQuarter() != null) {
                        breaks.add(d.firstQuarter());
                    }
                    if (d.lastQuarter() != null) {
                        breaks.add(d.lastQuarter() + 1);
                    }
                    if (d.region() != null) {
                        regions.add(d.region());
                    }
                    bands |= d.categories().containsKey(Dimension.AGE_BAND.name());
                }
            }
            List<Integer[]> atoms = new ArrayList<>();
            Integer previous = null;
            for (int b : breaks) {
                atoms.add(new Integer[] {previous, b - 1});
                previous = b;
            }
            atoms.add(new Integer[] {previous, null});
            regions.add(UNKNOWN_REGION);
            // Split until nothing more is reached: a split can reach a cell that only an earlier split made (a year
            // split by its published first quarter leaves April to December, which an April-to-March table then
            // reaches, and the next first quarter becomes a difference). Each table is split once per kind.
            Set<LinkedTable> byPeriod = new java.util.HashSet<>();
            Set<LinkedTable> byRegion = new java.util.HashSet<>();
            Set<LinkedTable> byBand = new java.util.HashSet<>();
            boolean changed = true;
            for (int round = 0; changed && round < MAX_SPLIT_ROUNDS; round++) {
                changed = false;
                int existing = definitions.size();
                for (var table : tables) {
                    if (atoms.size() > 1 && !byPeriod.contains(table)) {
                        List<java.util.function.UnaryOperator<CellDefinition>> parts = new ArrayList<>();
                        for (Integer[] atom : atoms) {
                            parts.add(d -> inPeriod(d, atom[0], atom[1]));
                        }
                        int before = definitions.size();
                        if (refine(table, parts, existing, JointReason.Structure.PERIODS.english())) {
                            byPeriod.add(table);
                            changed = true;
                        }
                        differences.set(before, definitions.size());
                    }
                    if (regions.size() > 1 && !byRegion.contains(table)) {
                        List<java.util.function.UnaryOperator<CellDefinition>> parts = new ArrayList<>();
                        for (String region : regions) {
                            parts.add(d -> inRegion(d, region));
                        }
                        int before = definitions.size();
                        if (refine(table, parts, existing, JointReason.Structure.REGIONS.english())) {
                            byRegion.add(table);
                            changed = true;
                        }
                        differences.set(before, definitions.size());
                    }
                    if (bands && knowledge.ageNesting() && !byBand.contains(table)) {
                        List<java.util.function.UnaryOperator<CellDefinition>> parts = new ArrayList<>();
                        List<String> all = new ArrayList<>(Fact.AGE_BANDS);
                        all.add(Dimension.UNKNOWN);
                        for (String band : all) {
                            parts.add(d -> inBand(d, band));
                        }
                        if (refine(table, parts, existing, JointReason.Structure.AGE_BANDS.english())) {
                            byBand.add(table);
                            changed = true;
                        }
                    }
                }
            }
        }

        /**
         * The table split by the parts, each part a table of its own (its lines add up) and each cell the sum of its
         * parts; only when some part of some cell is a cell published somewhere (a split reaching nothing published
         * tells a reader nothing).
         */
        private boolean refine(
                LinkedTable table,
                List<java.util.function.UnaryOperator<CellDefinition>> parts,
                int existing,
                String source) {
            boolean reaches = false;
            for (var cell : table.cells()) {
                var own = normalise(cell.definition());
                for (var part : parts) {
                    var piece = part.apply(cell.definition());
                    if (piece == null) {
                        continue;
                    }
                    var normal = normalise(piece);
                    if (normal == null || (own != null && normal.canonical().equals(own.canonical()))) {
                        continue;
                    }
                    Integer v = index.get(normal.canonical());
                    if (v != null && v < existing) {
                        reaches = true;
                        break;
                    }
                }
                if (reaches) {
                    break;
                }
            }
            if (!reaches) {
                return false;
            }
            List<LinkedTable.Cell[]> pieces = new ArrayList<>();
            for (var part : parts) {
                List<LinkedTable.Cell> cells = new ArrayList<>();
                boolean any = false;
                for (var cell : table.cells()) {
                    var piece = part.apply(cell.definition());
                    any |= piece != null;
                    cells.add(new LinkedTable.Cell(cell.row(), cell.column(), piece, null, Rounding.NONE, null));
                }
                if (any) {
                    pieces.add(cells.toArray(LinkedTable.Cell[]::new));
                }
            }
            for (var piece : pieces) {
                for (int r = 0; r <= table.rows(); r++) {
                    int[] line = new int[table.columns() + 1];
                    for (int c = 0; c <= table.columns(); c++) {
                        line[c] = variable(piece[r * (table.columns() + 1) + c].definition());
                    }
                    sum(line, source);
                }
                for (int c = 0; c <= table.columns(); c++) {
                    int[] line = new int[table.rows() + 1];
                    for (int r = 0; r <= table.rows(); r++) {
                        line[r] = variable(piece[r * (table.columns() + 1) + c].definition());
                    }
                    sum(line, source);
                }
            }
            for (int i = 0; i < table.cells().size(); i++) {
                int[] line = new int[pieces.size() + 1];
                for (int p = 0; p < pieces.size(); p++) {
                    line[p] = variable(pieces.get(p)[i].definition());
                }
                line[pieces.size()] = variable(table.cells().get(i).definition());
                sum(line, source);
            }
            return true;
        }

        private static CellDefinition inPeriod(CellDefinition d, Integer first, Integer last) {
            long from = d.firstQuarter() == null ? Long.MIN_VALUE : d.firstQuarter();
            long to = d.lastQuarter() == null ? Long.MAX_VALUE : d.lastQuarter();
            long atomFrom = first == null ? Long.MIN_VALUE : first;
            long atomTo = last == null ? Long.MAX_VALUE : last;
            if (atomTo < from || atomFrom > to) {
                return null;
            }
            return new CellDefinition(d.event(), first, last, d.region(), d.categories());
        }

        private static CellDefinition inRegion(CellDefinition d, String region) {
            if (d.region() != null) {
                return d.region().equals(region) ? d : null;
            }
            return new CellDefinition(d.event(), d.firstQuarter(), d.lastQuarter(), region, d.categories());
        }

        private CellDefinition inBand(CellDefinition d, String band) {
            String known = d.categories().get(Dimension.AGE_BAND.name());
            if (known != null) {
                return known.equals(band) ? d : null;
            }
            var categories = new TreeMap<>(d.categories());
            categories.put(Dimension.AGE_BAND.name(), band);
            return normalise(new CellDefinition(d.event(), d.firstQuarter(), d.lastQuarter(), d.region(), categories));
        }

        /**
         * The published cells (as variables) on the edge of the free variables connected to a target: the cells a
         * check could withhold to widen the target's interval.
         */
        BitSet frontier(int target) {
            BitSet component = component(target);
            BitSet frontier = new BitSet();
            frontier.set(target);
            component.set(target);
            for (int v = component.nextSetBit(0); v >= 0; v = component.nextSetBit(v + 1)) {
                for (int k : byVariable.get(v)) {
                    for (int w : members.get(k)) {
                        if (published.get(w)) {
                            frontier.set(w);
                        }
                    }
                }
            }
            return frontier;
        }

        private boolean free(int v) {
            double[] b = bounds.get(v);
            return b[1] - b[0] > 1e-9;
        }

        /** The free variables reachable from a variable through lines with free variables. */
        private BitSet component(int start) {
            BitSet seen = new BitSet();
            if (!free(start)) {
                return seen;
            }
            var queue = new ArrayDeque<Integer>();
            queue.add(start);
            seen.set(start);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                for (int k : byVariable.get(v)) {
                    for (int w : members.get(k)) {
                        if (!seen.get(w) && free(w)) {
                            seen.set(w);
                            queue.add(w);
                        }
                    }
                }
            }
            return seen;
        }

        /** Every primary cell whose interval is narrower than the range, or a single value. */
        Map<Integer, Exposure> exposures(int range) {
            Map<Integer, Exposure> exposed = new LinkedHashMap<>();
            Map<Integer, Lp> programs = new HashMap<>();
            BitSet targets = (BitSet) primary.clone();
            for (int v = differences.nextSetBit(0); v >= 0; v = differences.nextSetBit(v + 1)) {
                if (definitions.get(v) == null || !free(v) || primary.get(v)) {
                    continue;
                }
                // the truth is one of the values a reader must allow: a difference that is truly zero, or at least
                // the minimum cell size plus the range, can never be read as a small group
                long truth = knowledge.truth().applyAsLong(definitions.get(v));
                if (truth == 0 || truth >= minimumCellSize + range - 1) {
                    continue;
                }
                if (touchesCandidate(v)) {
                    targets.set(v);
                }
            }
            for (int target = targets.nextSetBit(0); target >= 0; target = targets.nextSetBit(target + 1)) {
                long min;
                Long max;
                BitSet component = component(target);
                if (component.isEmpty()) {
                    double[] b = bounds.get(target);
                    min = Math.round(b[0]);
                    max = Math.round(b[1]);
                } else {
                    int first = component.nextSetBit(0);
                    Lp lp = programs.computeIfAbsent(first, key -> new Lp(component));
                    min = (long) Math.ceil(lp.least(target) - 1e-6);
                    if (!primary.get(target) && min < 1) {
                        continue; // a difference that may be zero shows no group
                    }
                    double greatest = lp.greatest(target);
                    max = Double.isInfinite(greatest) ? null : (long) Math.floor(greatest + 1e-6);
                }
                boolean narrow = max != null && max - min < Math.max(range, 1);
                // a cell no table shows is sensitive only when a reader learns it holds a few people (one or more,
                // fewer than the minimum cell size): differencing two large published cells may show a large count
                boolean sensitive = primary.get(target) || (min >= 1 && min < minimumCellSize);
                if (narrow && sensitive) {
                    String what = primary.get(target)
                            ? describe(definitions.get(target))
                            : "the count of " + describe(definitions.get(target)) + " (a difference no table shows)";
                    exposed.put(
                            target,
                            new Exposure(
                                    what,
                                    parts(definitions.get(target), !primary.get(target)),
                                    min,
                                    max,
                                    through(target)));
                }
            }
            return exposed;
        }

        /** The tables and structures whose lines reach the target's free neighbourhood. */
        private List<String> through(int target) {
            BitSet component = component(target);
            component.set(target);
            Set<String> names = new LinkedHashSet<>();
            for (int v = component.nextSetBit(0); v >= 0; v = component.nextSetBit(v + 1)) {
                for (int k : byVariable.get(v)) {
                    names.add(sources.get(k));
                }
            }
            return List.copyOf(names);
        }

        /** The linear program of one connected set of free variables, with every other variable at its value. */
        private final class Lp {
            private final int[] position;
            private final int size;
            private final LinearConstraintSet constraints;

            Lp(BitSet component) {
                position = new int[definitions.size()];
                Arrays.fill(position, -1);
                int n = 0;
                for (int v = component.nextSetBit(0); v >= 0; v = component.nextSetBit(v + 1)) {
                    position[v] = n++;
                }
                size = n;
                List<LinearConstraint> list = new ArrayList<>();
                for (int k = 0; k < members.size(); k++) {
                    int[] line = members.get(k);
                    double[] row = new double[size];
                    double value = 0;
                    boolean any = false;
                    for (int i = 0; i < line.length; i++) {
                        int v = line[i];
                        if (position[v] >= 0) {
                            row[position[v]] += coefficients.get(k)[i];
                            any = true;
                        } else {
                            // not free: its value is fixed (published exactly, or zero by structure)
                            value -= coefficients.get(k)[i] * bounds.get(v)[0];
                        }
                    }
                    if (any) {
                        list.add(new LinearConstraint(row, Relationship.EQ, value));
                    }
                }
                for (int v = component.nextSetBit(0); v >= 0; v = component.nextSetBit(v + 1)) {
                    double[] b = bounds.get(v);
                    double[] row = new double[size];
                    row[position[v]] = 1;
                    if (b[0] > 0) {
                        list.add(new LinearConstraint(row, Relationship.GEQ, b[0]));
                    }
                    if (!Double.isInfinite(b[1])) {
                        list.add(new LinearConstraint(row.clone(), Relationship.LEQ, b[1]));
                    }
                }
                constraints = new LinearConstraintSet(list);
            }

            double least(int target) {
                double[] objective = new double[size];
                objective[position[target]] = 1;
                return optimum(objective, GoalType.MINIMIZE);
            }

            double greatest(int target) {
                double[] objective = new double[size];
                objective[position[target]] = 1;
                return optimum(objective, GoalType.MAXIMIZE);
            }

            private double optimum(double[] objective, GoalType goal) {
                try {
                    return new SimplexSolver()
                            .optimize(
                                    new MaxIter(200_000),
                                    new LinearObjectiveFunction(objective, 0),
                                    constraints,
                                    goal,
                                    new NonNegativeConstraint(true))
                            .getValue();
                } catch (MathIllegalStateException e) {
                    if (e.getSpecifier() == LocalizedOptimFormats.UNBOUNDED_SOLUTION) {
                        return Double.POSITIVE_INFINITY;
                    }
                    if (e.getSpecifier() == LocalizedOptimFormats.NO_FEASIBLE_SOLUTION) {
                        throw ReleaseRefused.because(
                                "contradict",
                                "The published figures contradict one another (facts recorded or corrected after an"
                                        + " earlier release), so the joint check cannot tell what a reader could work"
                                        + " out. Nothing was published.");
                    }
                    throw e;
                }
            }
        }
    }
}
