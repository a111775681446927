package org.opennrm.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * The log-linear models and the latent-class model side by side on one list-overlap table: which estimate is
 * recommended and why, and warnings where the data cannot support an estimate. Either family may be missing, with
 * the reason in words ({@code logLinearProblem}); when no model gives a bounded estimate nothing is recommended and
 * the warnings say why.
 *
 * @param recommended the row the page puts first: {@code LATENT_CLASS}, {@code BEST_AIC}, {@code BEST_BIC} or
 *     {@code MAIN_EFFECTS}; null when the data support none
 * @param reason why that row is recommended (or why none is)
 */
record HiddenNumberComparison(
        List<String> lists,
        long observed,
        MseEstimate logLinear,
        String logLinearProblem,
        LatentClassEstimate latentClass,
        Choice recommended,
        Reason reason,
        List<Warning> warnings) {

    /** Fewer people than this on two lists or more, and the lists say too little about each other. */
    static final long MINIMUM_OVERLAP = 20;
    /** An interval whose upper limit is more than this many times its lower is flagged as too wide to publish. */
    static final double WIDE = 2.0;

    enum Choice {
        LATENT_CLASS,
        BEST_AIC,
        BEST_BIC,
        MAIN_EFFECTS
    }

    enum Reason {
        /** The latent-class model allows unequal recording; its chain mixed and its interval is bounded. */
        HETEROGENEITY,
        /** The latent-class draws were unbounded (or the model did not run): AIC's model is shown first. */
        LATENT_CLASS_UNRELIABLE,
        /** Too few people on two lists or more, or nothing gives a bounded estimate. */
        NO_SUPPORT
    }

    /**
     * Something the reader must know before publishing a number. {@code value} is the number the message needs (people
     * on two lists or more, the interval's ratio, the effective sample size), {@code lists} the lists concerned.
     */
    record Warning(Kind kind, Double value, List<String> lists) {
        enum Kind {
            FEW_OVERLAPS,
            EMPTY_OVERLAP,
            WIDE_INTERVAL,
            OPEN_INTERVAL,
            POOR_MIXING,
            MODELS_DISAGREE,
            NO_ESTIMATE
        }
    }

    /** The recommended row's total and interval, or null. */
    public Row recommendedRow() {
        return recommended == null ? null : row(recommended);
    }

    /** A model's total and 95% interval as the page shows them; the interval's upper limit may be open (null). */
    record Row(Choice choice, String model, Double total, Double totalLower, Double totalUpper) {}

    public Row row(Choice choice) {
        if (choice == Choice.LATENT_CLASS) {
            return latentClass == null
                    ? null
                    : new Row(
                            choice,
                            "latent classes (K* = " + latentClass.classes() + ")",
                            latentClass.total(),
                            latentClass.totalLower(),
                            latentClass.unbounded() ? null : latentClass.totalUpper());
        }
        if (logLinear == null) {
            return null;
        }
        ModelEstimate model =
                switch (choice) {
                    case BEST_AIC -> logLinear.bestByAic();
                    case BEST_BIC -> logLinear.bestByBic();
                    default -> logLinear.mainEffects();
                };
        return model == null || model.status() != FitStatus.FITTED
                ? null
                : new Row(choice, model.model(), model.total(), model.totalLower(), model.totalUpper());
    }

    /** Every row that has a number, the recommended one first. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        if (recommended != null) {
            rows.add(row(recommended));
        }
        for (Choice choice : Choice.values()) {
            Row row = row(choice);
            if (row != null && choice != recommended) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** Puts the two families side by side, chooses, and warns. */
    static HiddenNumberComparison of(
            ListOverlapTable table, MseEstimate logLinear, String logLinearProblem, LatentClassEstimate latentClass) {
        List<Warning> warnings = new ArrayList<>();
        long overlapping = 0;
        for (int cell = 1; cell < table.counts().length; cell++) {
            if (Integer.bitCount(cell) >= 2) {
                overlapping += table.count(cell);
            }
        }
        if (overlapping < MINIMUM_OVERLAP) {
            warnings.add(new Warning(Warning.Kind.FEW_OVERLAPS, (double) overlapping, List.of()));
        }
        for (int i = 0; i < table.listCount(); i++) {
            for (int j = i + 1; j < table.listCount(); j++) {
                if (table.onBoth(i, j) == 0) {
                    warnings.add(new Warning(
                            Warning.Kind.EMPTY_OVERLAP,
                            null,
                            List.of(table.lists().get(i), table.lists().get(j))));
                }
            }
        }
        Choice recommended = null;
        Reason reason;
        if (overlapping < MINIMUM_OVERLAP) {
            reason = Reason.NO_SUPPORT;
        } else if (latentClass != null && !latentClass.unbounded()) {
            recommended = Choice.LATENT_CLASS;
            reason = Reason.HETEROGENEITY;
        } else {
            reason = Reason.NO_SUPPORT;
            for (Choice choice : List.of(Choice.BEST_AIC, Choice.BEST_BIC, Choice.MAIN_EFFECTS)) {
                var probe = new HiddenNumberComparison(
                        table.lists(), table.observed(), logLinear, null, null, null, null, List.of());
                Row row = probe.row(choice);
                if (row != null && row.totalUpper() != null) {
                    recommended = choice;
                    reason = Reason.LATENT_CLASS_UNRELIABLE;
                    break;
                }
            }
        }
        if (latentClass != null && !latentClass.mixedWell()) {
            warnings.add(new Warning(Warning.Kind.POOR_MIXING, latentClass.effectiveSampleSize(), List.of()));
        }
        var comparison = new HiddenNumberComparison(
                table.lists(),
                table.observed(),
                logLinear,
                logLinearProblem,
                latentClass,
                recommended,
                reason,
                warnings);
        Row chosen = comparison.recommendedRow();
        if (chosen == null) {
            warnings.add(new Warning(Warning.Kind.NO_ESTIMATE, null, List.of()));
        } else {
            if (chosen.totalUpper() == null) {
                warnings.add(new Warning(Warning.Kind.OPEN_INTERVAL, null, List.of()));
            } else if (chosen.totalLower() > 0 && chosen.totalUpper() / chosen.totalLower() > WIDE) {
                warnings.add(
                        new Warning(Warning.Kind.WIDE_INTERVAL, chosen.totalUpper() / chosen.totalLower(), List.of()));
            }
            Row other = recommended == Choice.LATENT_CLASS
                    ? comparison.row(Choice.BEST_AIC)
                    : comparison.row(Choice.LATENT_CLASS);
            if (other != null
                    && other.totalUpper() != null
                    && chosen.totalUpper() != null
                    && (other.totalUpper() < chosen.totalLower() || other.totalLower() > chosen.totalUpper())) {
                warnings.add(new Warning(Warning.Kind.MODELS_DISAGREE, null, List.of()));
            }
        }
        return new HiddenNumberComparison(
                table.lists(),
                table.observed(),
                logLinear,
                logLinearProblem,
                latentClass,
                recommended,
                reason,
                List.copyOf(warnings));
    }
}
