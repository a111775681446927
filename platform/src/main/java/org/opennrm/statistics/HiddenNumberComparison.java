package org.opennrm.statistics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * The log-linear models, the models that allow people to be unequally likely to be recorded (the Rasch-type log-linear
 * models, the logit-normal, two-class and latent-class models) side by side on one list-overlap table: which estimate is
 * recommended and why, and warnings where the data cannot support an estimate. Either family may be missing, with the
 * reason in words ({@code logLinearProblem}); when no model gives a bounded estimate nothing is recommended and the
 * warnings say why.
 *
 * <p>The rule (docs/statistics.md, "Models side by side"): the four models that allow unequal recording, the
 * latent-class model (when its draws are bounded), the two-class model (when its interval is bounded, or when it fits
 * the table best by AIC), the Rasch-type log-linear model chosen by AIC and the logit-normal model with its
 * interactions, rest on different assumptions about the people no list saw, and the table cannot tell
 * which is right. When two or more of them give a number, the recommended interval ({@link Choice#SPAN}) runs from the
 * lowest of their lower limits to the highest of their upper limits, so it holds each of their 95% intervals; when
 * only one gives a bounded number, that one is recommended; when none does, the log-linear model chosen by AIC (then
 * BIC's, then main effects), which assumes equal recording.
 *
 * @param recommended the row the page puts first: {@code SPAN}, {@code LATENT_CLASS}, {@code LOGIT_NORMAL},
 *     {@code TWO_CLASSES}, {@code RASCH_AIC}, {@code BEST_AIC}, {@code BEST_BIC} or {@code MAIN_EFFECTS}; null when the data support none
 * @param reason why that row is recommended (or why none is)
 */
@JsonIgnoreProperties(value = "recommendedRow", allowGetters = true)
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
        /**
         * From the lowest lower limit to the highest upper limit of the latent-class, logit-normal, two-class and
         * Rasch-type (AIC) models that gave a number.
         */
        SPAN,
        LATENT_CLASS,
        LOGIT_NORMAL,
        TWO_CLASSES,
        RASCH_AIC,
        RASCH,
        BEST_AIC,
        BEST_BIC,
        MAIN_EFFECTS
    }

    enum Reason {
        /** Two or more models that allow unequal recording gave a number: the interval spans them. */
        MODEL_UNCERTAINTY,
        /** One model that allows unequal recording gave a bounded number, the others none. */
        HETEROGENEITY,
        /** No model that allows unequal recording gave a bounded number: AIC's model is shown first. */
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
            /**
             * The two-class model has an open upper limit and fits the table best by AIC: the span is open above.
             * {@code value} is the span's lower limit.
             */
            HIDDEN_GROUP,
            /**
             * The two-class model has an open upper limit but fits worse than another model: left out of the span.
             * {@code value} is its own lower limit.
             */
            HIDDEN_GROUP_LEFT_OUT,
            NO_ESTIMATE
        }
    }

    /**
     * The recommended row's total and interval, or null. Written into the JSON of the job (as the API shows it) so
     * that a client reads the same interval as the page; not read back, it is always derived from the models.
     */
    @JsonProperty("recommendedRow")
    public Row recommendedRow() {
        return recommended == null ? null : row(recommended);
    }

    /** A model's total and 95% interval as the page shows them; the interval's upper limit may be open (null). */
    record Row(Choice choice, String model, Double total, Double totalLower, Double totalUpper) {}

    public Row row(Choice choice) {
        if (choice == Choice.SPAN) {
            List<Row> spanned = spanned();
            if (spanned.size() < 2) {
                return null;
            }
            double logSum = 0;
            double lower = Double.POSITIVE_INFINITY;
            Double upper = 0.0;
            for (Row row : spanned) {
                logSum += Math.log(row.total());
                lower = Math.min(lower, row.totalLower());
                upper = upper == null || row.totalUpper() == null ? null : Math.max(upper, row.totalUpper());
            }
            return new Row(
                    choice,
                    // the models' own rows below name their terms
                    String.join(
                            " | ",
                            spanned.stream()
                                    .map(HiddenNumberComparison::shortName)
                                    .toList()),
                    Math.exp(logSum / spanned.size()),
                    lower,
                    upper);
        }
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
                    case LOGIT_NORMAL -> logLinear.logitNormal();
                    case TWO_CLASSES -> logLinear.twoClasses();
                    case RASCH_AIC -> logLinear.raschByAic();
                    case RASCH -> logLinear.rasch();
                    case BEST_AIC -> logLinear.bestByAic();
                    case BEST_BIC -> logLinear.bestByBic();
                    default -> logLinear.mainEffects();
                };
        return model == null || model.status() != FitStatus.FITTED
                ? null
                : new Row(choice, model.model(), model.total(), model.totalLower(), model.totalUpper());
    }

    /**
     * The rows the span is made of: the latent-class model when its draws are bounded, the two-class model when its
     * interval is bounded or it {@link #hiddenGroupFitsBest() fits best}, the logit-normal model and the Rasch-type
     * model chosen by AIC when they were fitted (their upper limits may be open).
     */
    List<Row> spanned() {
        List<Row> spanned = new ArrayList<>();
        for (Choice choice : List.of(Choice.LATENT_CLASS, Choice.LOGIT_NORMAL, Choice.TWO_CLASSES, Choice.RASCH_AIC)) {
            Row row = row(choice);
            boolean bounded = row != null && row.totalUpper() != null;
            boolean included =
                    switch (choice) {
                        case LATENT_CLASS -> bounded;
                        case TWO_CLASSES -> bounded || hiddenGroupFitsBest();
                        default -> row != null;
                    };
            if (included) {
                spanned.add(row);
            }
        }
        return spanned;
    }

    /**
     * Every row that has a number, the recommended one first; the Rasch-type model alone is left out when AIC added
     * no interaction to it (the two rows would be the same model).
     */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        if (recommended != null) {
            rows.add(row(recommended));
        }
        Row raschAic = row(Choice.RASCH_AIC);
        for (Choice choice : Choice.values()) {
            Row row = row(choice);
            boolean repeated = choice == Choice.RASCH
                    && row != null
                    && raschAic != null
                    && row.model().equals(raschAic.model());
            if (row != null && choice != recommended && !repeated) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static String shortName(Row row) {
        return switch (row.choice()) {
            case LOGIT_NORMAL -> "logit-normal";
            case TWO_CLASSES -> "two classes";
            case RASCH_AIC -> "Rasch-type, AIC";
            default -> row.model();
        };
    }

    /**
     * Whether the two-class model leaves the upper limit open and has the lowest AIC of the models that allow unequal
     * recording and are fitted by likelihood (the logit-normal, two-class and Rasch-type models with the same
     * interactions; their AICs are on one scale, the latent-class model's posterior is not). Its likelihood is often
     * flat above the estimate (a group that the lists almost never record fits at any size). When another model fits
     * better, the open limit is only that flatness, and spanning it would leave half of all intervals open (the
     * benchmark in docs/statistics.md); when it fits best, the table itself points to such a group, and the interval
     * then says that the data set no upper limit, as the field does when only a lower bound can be given.
     */
    boolean hiddenGroupFitsBest() {
        if (logLinear == null) {
            return false;
        }
        ModelEstimate twoClasses = logLinear.twoClasses();
        if (twoClasses == null || twoClasses.status() != FitStatus.FITTED || twoClasses.totalUpper() != null) {
            return false;
        }
        for (ModelEstimate other : new ModelEstimate[] {logLinear.logitNormal(), logLinear.raschByAic()}) {
            if (other != null && other.status() == FitStatus.FITTED && other.aic() <= twoClasses.aic()) {
                return false;
            }
        }
        return true;
    }

    /** Whether two of the spanned models give intervals that do not overlap. */
    private static boolean disagree(List<Row> spanned) {
        for (Row a : spanned) {
            for (Row b : spanned) {
                if (a.totalUpper() != null && a.totalUpper() < b.totalLower()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Puts the families side by side, chooses, and warns. */
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
        var probe = new HiddenNumberComparison(
                table.lists(), table.observed(), logLinear, null, latentClass, null, null, List.of());
        Choice recommended = null;
        Reason reason = Reason.NO_SUPPORT;
        List<Row> spanned = probe.spanned();
        List<Row> bounded =
                spanned.stream().filter(row -> row.totalUpper() != null).toList();
        if (overlapping < MINIMUM_OVERLAP) {
            reason = Reason.NO_SUPPORT;
        } else if (spanned.size() >= 2 && !bounded.isEmpty()) {
            recommended = Choice.SPAN;
            reason = Reason.MODEL_UNCERTAINTY;
        } else if (!bounded.isEmpty()) {
            recommended = bounded.getFirst().choice();
            reason = Reason.HETEROGENEITY;
        } else {
            for (Choice choice : List.of(Choice.BEST_AIC, Choice.BEST_BIC, Choice.MAIN_EFFECTS)) {
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
            Row twoClasses = comparison.row(Choice.TWO_CLASSES);
            boolean hiddenGroup = comparison.hiddenGroupFitsBest() && spanned.contains(twoClasses);
            if (hiddenGroup) {
                warnings.add(new Warning(Warning.Kind.HIDDEN_GROUP, chosen.totalLower(), List.of()));
            } else if (twoClasses != null && twoClasses.totalUpper() == null) {
                warnings.add(new Warning(Warning.Kind.HIDDEN_GROUP_LEFT_OUT, twoClasses.totalLower(), List.of()));
            }
            if (chosen.totalUpper() == null && !hiddenGroup) {
                warnings.add(new Warning(Warning.Kind.OPEN_INTERVAL, null, List.of()));
            } else if (chosen.totalUpper() != null
                    && chosen.totalLower() > 0
                    && chosen.totalUpper() / chosen.totalLower() > WIDE) {
                warnings.add(
                        new Warning(Warning.Kind.WIDE_INTERVAL, chosen.totalUpper() / chosen.totalLower(), List.of()));
            }
            if (disagree(spanned)) {
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
