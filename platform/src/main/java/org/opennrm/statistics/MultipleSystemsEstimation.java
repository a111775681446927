package org.opennrm.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.exception.MathRuntimeException;
import org.springframework.stereotype.Component;

/**
 * Estimates the hidden number from a list-overlap table with Poisson log-linear models: the main-effects
 * model, every model with one two-list interaction, and the models met by forward stepwise selection of
 * two-list interactions by AIC and by BIC (from the main-effects model, at each step the interaction that
 * lowers the criterion most is added; selection stops when none lowers it). Each usable model gets a 95%
 * profile-likelihood interval for the hidden number. Beside them, the Rasch-type model (main effects and Agresti's
 * homogeneous two-factor interaction, which allows a spread of catchability, see {@link LogLinearModel}) and the model
 * met by forward stepwise selection of two-list interactions by AIC from it, and the logit-normal and two-class models
 * with that model's interactions ({@link LogitNormalModel}, {@link TwoClassModel}, tables of up to
 * {@link HeterogeneityModel#MAX_LISTS} lists). Models
 * whose estimate lies on the boundary, that cannot be identified or that do not converge are listed with that status
 * and no number.
 */
@Component
class MultipleSystemsEstimation {

    static final double CONFIDENCE = 0.95;
    static final String SELECTION = "forward stepwise selection of two-list interactions by AIC and by BIC";
    static final String INTERVAL = "profile likelihood, 95%";
    /** How far (on the log scale, a factor of e^30) the interval search goes before calling a limit open. */
    static final double SEARCH = 30;

    private final double quantile = new ChiSquaredDistribution(1).inverseCumulativeProbability(CONFIDENCE);

    /**
     * The log-linear and Rasch-type models, without the logit-normal and two-class models: what a request may wait
     * for.
     */
    MseEstimate estimate(ListOverlapTable table) {
        return estimate(table, null);
    }

    /**
     * Also the logit-normal and two-class models (tables of up to {@link HeterogeneityModel#MAX_LISTS} lists). They
     * take up to about ten seconds on tables of six to eight lists with several interactions, so only background
     * estimates (and the benchmark) ask for them; their searches stop as soon as {@code timeUp} says so, and their rows
     * then say why.
     */
    MseEstimate estimateWithHeterogeneity(ListOverlapTable table, BooleanSupplier timeUp) {
        return estimate(table, timeUp);
    }

    /** {@code heterogeneityTimeUp} null: without the logit-normal and two-class models. */
    private MseEstimate estimate(ListOverlapTable table, BooleanSupplier heterogeneityTimeUp) {
        var fits = new Fits(table);
        var main = LogLinearModel.mainEffects(table.listCount());
        var mainFit = fits.of(main);
        if (!mainFit.fitted()) {
            // the main-effects model has no interaction, so its problem is worded by its fit status alone
            throw new MseInputInvalid(
                    "statistics.estimates.refused.mainEffects."
                            + mainFit.status().name(),
                    "The main-effects model cannot be estimated from this table ("
                            + problem(mainFit.status(), table, main) + ").",
                    mainFit.status() == FitStatus.NOT_CONVERGED
                            ? new Object[] {LogLinearModel.MAX_ITERATIONS}
                            : new Object[0]);
        }
        long observed = table.observed();
        ToDoubleFunction<LogLinearModel> aic = model -> criterion(fits.of(model), model, 2);
        ToDoubleFunction<LogLinearModel> bic = model -> criterion(fits.of(model), model, Math.log(observed));
        List<LogLinearModel> aicPath = forward(table, main, aic);
        List<LogLinearModel> bicPath = forward(table, main, bic);

        Map<String, LogLinearModel> models = new LinkedHashMap<>();
        models.put(key(main), main);
        for (int i = 0; i < table.listCount(); i++) {
            for (int j = i + 1; j < table.listCount(); j++) {
                var single = main.with(new int[] {i, j});
                models.putIfAbsent(key(single), single);
            }
        }
        aicPath.forEach(model -> models.putIfAbsent(key(model), model));
        bicPath.forEach(model -> models.putIfAbsent(key(model), model));
        var rasch = LogLinearModel.rasch(table.listCount());
        List<LogLinearModel> raschPath = fits.of(rasch).fitted() ? forward(table, rasch, aic) : List.of(rasch);
        raschPath.forEach(model -> models.putIfAbsent(key(model), model));

        Map<String, ModelEstimate> rows = new LinkedHashMap<>();
        models.forEach((key, model) -> rows.put(key, row(table, model, fits, observed)));
        boolean heterogeneity = heterogeneityTimeUp != null && table.listCount() <= HeterogeneityModel.MAX_LISTS;
        List<int[]> interactions = raschPath.getLast().interactions();
        ModelEstimate logitNormalRow = heterogeneity
                ? heterogeneity(
                        new LogitNormalModel(table, interactions, heterogeneityTimeUp),
                        "logit-normal",
                        "the spread of catchability",
                        observed)
                : null;
        ModelEstimate twoClassRow = heterogeneity
                ? heterogeneity(
                        new TwoClassModel(table, interactions, heterogeneityTimeUp),
                        "two classes",
                        "the difference between the classes",
                        observed)
                : null;
        List<ModelEstimate> all = new ArrayList<>(rows.values());
        if (heterogeneity) {
            all.add(logitNormalRow);
            all.add(twoClassRow);
        }
        return new MseEstimate(
                table.lists(),
                observed,
                table.cells(),
                SELECTION,
                INTERVAL,
                "BIC = -2 log-likelihood + (number of parameters) x log(number of people seen)",
                rows.get(key(main)),
                rows.get(key(aicPath.getLast())),
                rows.get(key(bicPath.getLast())),
                List.copyOf(all),
                rows.get(key(rasch)),
                rows.get(key(raschPath.getLast())),
                logitNormalRow,
                twoClassRow);
    }

    /** Two-list interactions as the sensitivity table names them ({@code A:B}). */
    private static List<String> interactionNames(ListOverlapTable table, List<int[]> interactions) {
        return interactions.stream()
                .map(pair -> table.lists().get(pair[0]) + ":" + table.lists().get(pair[1]))
                .toList();
    }

    private static String terms(List<String> names) {
        return names.isEmpty() ? "" : " + " + String.join(" + ", names);
    }

    /**
     * The row of a model of unequal catchability; its AIC and BIC are on the log-linear models' scale (see the model's
     * fit).
     *
     * @param distribution how catchability is spread, as the row's name says it
     * @param spread what grows without bound when the maximum is on the boundary
     */
    private static ModelEstimate heterogeneity(
            HeterogeneityModel model, String distribution, String spread, long observed) {
        var table = model.table;
        var names = interactionNames(table, model.interactions);
        String name = "main effects + heterogeneity (" + distribution + ")" + terms(names);
        HeterogeneityModel.Fit fit;
        try {
            fit = model.fit();
        } catch (HeterogeneityModel.TimeUp e) {
            return ModelEstimate.failed(
                    name,
                    names,
                    FitStatus.NOT_CONVERGED,
                    "the fit was stopped at the estimate's time limit before it converged",
                    true);
        } catch (MathRuntimeException e) {
            // a numerical failure of this one model must not cost the background estimate its other models
            fit = HeterogeneityModel.Fit.failed(FitStatus.NOT_CONVERGED);
        }
        if (fit.status() != FitStatus.FITTED) {
            return ModelEstimate.failed(
                    name,
                    names,
                    fit.status(),
                    fit.status() == FitStatus.BOUNDARY
                            ? spread + " or a list effect grows without bound (the maximum likelihood estimate is on"
                                    + " the boundary)"
                            : "the fit did not converge",
                    true);
        }
        int parameters = model.parameters();
        Double upper = Double.isNaN(fit.hiddenUpper()) ? null : fit.hiddenUpper();
        return new ModelEstimate(
                name,
                names,
                FitStatus.FITTED,
                upper == null ? "The upper limit of the interval is open: the data do not bound it." : null,
                fit.deviance(),
                table.cells() - parameters,
                -2 * fit.logLikelihood() + 2 * parameters,
                -2 * fit.logLikelihood() + Math.log(observed) * parameters,
                fit.hidden(),
                observed + fit.hidden(),
                fit.hiddenLower(),
                upper,
                observed + fit.hiddenLower(),
                upper == null ? null : observed + upper,
                true);
    }

    private List<LogLinearModel> forward(
            ListOverlapTable table, LogLinearModel start, ToDoubleFunction<LogLinearModel> criterion) {
        List<LogLinearModel> path = new ArrayList<>();
        path.add(start);
        var current = start;
        double currentValue = criterion.applyAsDouble(current);
        while (true) {
            LogLinearModel best = null;
            double bestValue = currentValue;
            for (int i = 0; i < table.listCount(); i++) {
                for (int j = i + 1; j < table.listCount(); j++) {
                    if (current.has(i, j) || table.onBoth(i, j) == 0) {
                        continue;
                    }
                    var candidate = current.with(new int[] {i, j});
                    double value = criterion.applyAsDouble(candidate);
                    if (value < bestValue) {
                        best = candidate;
                        bestValue = value;
                    }
                }
            }
            if (best == null) {
                return path;
            }
            current = best;
            currentValue = bestValue;
            path.add(current);
        }
    }

    private static double criterion(LogLinearModel.Fit fit, LogLinearModel model, double penalty) {
        return fit.fitted() ? -2 * fit.logLikelihood() + penalty * model.parameters() : Double.POSITIVE_INFINITY;
    }

    private ModelEstimate row(ListOverlapTable table, LogLinearModel model, Fits fits, long observed) {
        var names = interactionNames(table, model.interactions());
        String name = (model.heterogeneity() ? "main effects + heterogeneity (Rasch)" : "main effects") + terms(names);
        var fit = fits.of(model);
        if (!fit.fitted()) {
            return ModelEstimate.failed(
                    name, names, fit.status(), problem(fit.status(), table, model), model.heterogeneity());
        }
        double intercept = fit.coefficients()[0];
        double hidden = Math.exp(intercept);
        int df = table.cells() - model.parameters();
        double aic = -2 * fit.logLikelihood() + 2 * model.parameters();
        double bic = -2 * fit.logLikelihood() + Math.log(observed) * model.parameters();
        double lower = profileLimit(table, model, fit, -1);
        double upper = profileLimit(table, model, fit, +1);
        Double hiddenLower = Double.isNaN(lower) ? 0.0 : Math.exp(lower);
        Double hiddenUpper = Double.isNaN(upper) ? null : Math.exp(upper);
        return new ModelEstimate(
                name,
                names,
                FitStatus.FITTED,
                hiddenUpper == null ? "The upper limit of the interval is open: the data do not bound it." : null,
                fit.deviance(),
                df,
                aic,
                bic,
                hidden,
                observed + hidden,
                hiddenLower,
                hiddenUpper,
                observed + hiddenLower,
                hiddenUpper == null ? null : observed + hiddenUpper,
                model.heterogeneity());
    }

    /**
     * The intercept (log of the hidden number) where the profile log-likelihood has dropped by half the
     * chi-squared(1) quantile, below ({@code direction} -1) or above (+1) the estimate; NaN when it does not
     * drop that far within {@link #SEARCH}.
     */
    private double profileLimit(ListOverlapTable table, LogLinearModel model, LogLinearModel.Fit fit, int direction) {
        double estimate = fit.coefficients()[0];
        double best = fit.logLikelihood();
        java.util.function.DoubleUnaryOperator drop = intercept -> {
            var profile = model.fitWithIntercept(table, intercept);
            // a fit that fails this far from the estimate is far outside the interval
            return profile.fitted() ? 2 * (best - profile.logLikelihood()) - quantile : quantile;
        };
        double step = Math.max(0.05, Math.sqrt(Math.max(fit.interceptVariance(), 0)));
        double inside = estimate;
        double outside = estimate + direction * step;
        while (drop.applyAsDouble(outside) < 0) {
            inside = outside;
            step *= 1.6;
            outside = estimate + direction * step;
            if (step > SEARCH) {
                return Double.NaN;
            }
        }
        double a = Math.min(inside, outside);
        double b = Math.max(inside, outside);
        return new BrentSolver(1e-9).solve(200, drop::applyAsDouble, a, b);
    }

    private static String problem(FitStatus status, ListOverlapTable table, LogLinearModel model) {
        return switch (status) {
            case BOUNDARY -> {
                for (int[] pair : model.interactions()) {
                    if (table.onBoth(pair[0], pair[1]) == 0) {
                        yield "lists " + table.lists().get(pair[0]) + " and "
                                + table.lists().get(pair[1])
                                + " share nobody, so their interaction is minus infinity and the estimate is"
                                + " on the boundary";
                    }
                }
                yield "a parameter grows without bound (the maximum likelihood estimate is on the boundary),"
                        + " typically because some combinations of lists are all empty";
            }
            case NOT_IDENTIFIABLE -> "its parameters cannot be told apart from the observable cells";
            case NOT_CONVERGED -> "the fit did not converge within " + LogLinearModel.MAX_ITERATIONS + " iterations";
            case FITTED -> "none";
        };
    }

    private static String key(LogLinearModel model) {
        return model.interactions().stream()
                .map(pair -> pair[0] + "-" + pair[1])
                .sorted()
                .reduce(model.heterogeneity() ? "rasch" : "", (a, b) -> a + "," + b);
    }

    /** Each model is fitted once, whichever path or table row asks for it. */
    private static final class Fits {
        private final ListOverlapTable table;
        private final Map<String, LogLinearModel.Fit> done = new LinkedHashMap<>();

        Fits(ListOverlapTable table) {
            this.table = table;
        }

        LogLinearModel.Fit of(LogLinearModel model) {
            return done.computeIfAbsent(key(model), k -> {
                for (int[] pair : model.interactions()) {
                    if (table.onBoth(pair[0], pair[1]) == 0) {
                        return LogLinearModel.Fit.failed(FitStatus.BOUNDARY);
                    }
                }
                return model.fit(table);
            });
        }
    }
}
