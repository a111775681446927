package org.opennrm.prevention.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * The inspection risk model: an L2-regularised logistic regression, fitted exactly by Newton's method with
 * Hipparchus' linear algebra, of "an inspection finds a violation" on what was known about
 * the workplace at the start of the inspection's year: sector, region, size, past violations, past clean
 * inspections, the last finding, past trafficking indicators, years since the last inspection, never inspected.
 *
 * <p>It is trained on every inspection before the cut-off year and ranks every workplace of the register by its
 * estimated probability at the start of that year. Each score is the sum of its factors (weight times value), so
 * each rank is explained exactly by the factors that raised or lowered it. Decision support for planning, never an
 * accusation: the labels exist only where someone inspected, which is why the plan keeps a random share.
 *
 * <p>Why not Tribuo's SGD: in Tribuo 4.3.2 the regularised optimisers did not regularise this model: Pegasos with the
 * log loss shrank every weight to about zero (precision at k no better than 1.4x random on the benchmark) and
 * AdaGradRDA gave the same weights whatever its l1 and l2 (its copy, which the trainer makes, seems to drop them).
 * With some twenty features a Newton fit is exact, deterministic and takes milliseconds.
 */
public final class RiskModel {

    /** Fewer inspections than this before the cut-off: the model refuses to train. */
    public static final int MIN_INSPECTIONS = 50;
    /** Fewer inspections than this with (or without) a violation: the model refuses to train. */
    public static final int MIN_EACH_CLASS = 10;
    /**
     * The L2 penalty on the weights: keeps them stable where a sector or region is rare and where the labels come
     * from few inspections. On the benchmark, 0.1 to 10 give the same precision at k (2.71x to 2.74x random).
     */
    static final double LAMBDA = 1.0;

    static final int MAX_ITERATIONS = 50;

    private final Map<String, Double> weights;
    private final double intercept;
    private final int trainedOn;
    private final int violations;
    private final int cutOffYear;

    private RiskModel(Map<String, Double> weights, double intercept, int trainedOn, int violations, int year) {
        this.weights = weights;
        this.intercept = intercept;
        this.trainedOn = trainedOn;
        this.violations = violations;
        this.cutOffYear = year;
    }

    /**
     * Trains on every inspection before 1 January of {@code year}, with the features each workplace had at the start
     * of its inspection's year.
     *
     * @throws CannotTrain when there are too few inspections, or findings of one kind only
     */
    public static RiskModel train(List<Workplace> register, List<Inspection> inspections, int year) {
        var history = History.of(inspections);
        var byReference = new HashMap<String, Workplace>();
        register.forEach(w -> byReference.put(w.reference(), w));
        LocalDate cutOff = LocalDate.of(year, 1, 1);
        var rows = new ArrayList<Map<String, Double>>();
        var labels = new ArrayList<Boolean>();
        int count = 0;
        int found = 0;
        for (Inspection inspection : inspections) {
            Workplace workplace = byReference.get(inspection.workplace());
            if (workplace == null || !inspection.on().isBefore(cutOff)) {
                continue;
            }
            Map<String, Double> features =
                    features(workplace, history, LocalDate.of(inspection.on().getYear(), 1, 1));
            rows.add(features);
            labels.add(inspection.violation());
            count++;
            if (inspection.violation()) {
                found++;
            }
        }
        if (count < MIN_INSPECTIONS) {
            throw new CannotTrain("inspection.model.tooFew", count, found);
        }
        if (found < MIN_EACH_CLASS || count - found < MIN_EACH_CLASS) {
            throw new CannotTrain("inspection.model.oneClass", count, found);
        }
        var names = new ArrayList<String>(new java.util.TreeSet<>(columns(rows)));
        double[] beta = fit(rows, labels, names, LAMBDA);
        var weights = new HashMap<String, Double>();
        for (int j = 0; j < names.size(); j++) {
            weights.put(names.get(j), beta[j + 1]);
        }
        double intercept = beta[0];
        return new RiskModel(weights, intercept, count, found, year);
    }

    /** Every workplace of the register ranked by its probability at the start of the cut-off year, highest first. */
    public List<Ranked> rank(List<Workplace> register, List<Inspection> inspections) {
        var history = History.of(inspections);
        LocalDate cutOff = LocalDate.of(cutOffYear, 1, 1);
        record Scored(Workplace workplace, double logOdds, List<Factor> factors) {}
        var scored = new ArrayList<Scored>(register.size());
        for (Workplace workplace : register) {
            var factors = new ArrayList<Factor>();
            factors.add(new Factor("inspection.factor.base", null, 1, intercept));
            double logOdds = intercept;
            for (var feature : features(workplace, history, cutOff).entrySet()) {
                double weight = weights.getOrDefault(feature.getKey(), 0.0);
                double contribution = weight * feature.getValue();
                logOdds += contribution;
                if (feature.getValue() != 0) {
                    factors.add(factor(feature.getKey(), feature.getValue(), contribution));
                }
            }
            factors.sort(Comparator.comparingDouble((Factor f) -> -Math.abs(f.contribution())));
            scored.add(new Scored(workplace, logOdds, factors));
        }
        scored.sort(Comparator.comparingDouble(Scored::logOdds).reversed().thenComparing(s -> s.workplace()
                .reference()));
        var ranked = new ArrayList<Ranked>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            ranked.add(new Ranked(i + 1, s.workplace(), 1 / (1 + Math.exp(-s.logOdds())), s.factors()));
        }
        return ranked;
    }

    public int trainedOn() {
        return trainedOn;
    }

    public int violations() {
        return violations;
    }

    public int cutOffYear() {
        return cutOffYear;
    }

    /** The weight of each feature (for the documentation and tests), by feature name. */
    public Map<String, Double> weights() {
        return Map.copyOf(weights);
    }

    private static Factor factor(String feature, double value, double contribution) {
        int eq = feature.indexOf('=');
        if (eq > 0) {
            return new Factor(
                    "inspection.factor." + feature.substring(0, eq), feature.substring(eq + 1), 1, contribution);
        }
        // the amount people read: employees, counts and years, not the scaled feature
        double amount =
                switch (feature) {
                    case "size" -> Math.round(Math.pow(10, value) - 1);
                    case "violations", "clean" -> Math.round(Math.expm1(value));
                    case "years" -> Math.round(value * 100) / 10.0;
                    default -> value;
                };
        return new Factor("inspection.factor." + feature, null, amount, contribution);
    }

    /** The features of a workplace from its register entry and its inspections before {@code cutOff}. */
    static Map<String, Double> features(Workplace workplace, History history, LocalDate cutOff) {
        var features = new java.util.LinkedHashMap<String, Double>();
        features.put("sector=" + workplace.sector(), 1.0);
        features.put("region=" + workplace.region(), 1.0);
        features.put("size", Math.log10(1 + Math.max(0, workplace.employees())));
        int inspected = 0;
        int violations = 0;
        boolean indicators = false;
        Inspection last = null;
        for (Inspection inspection : history.of(workplace.reference())) {
            if (!inspection.on().isBefore(cutOff)) {
                break;
            }
            inspected++;
            if (inspection.violation()) {
                violations++;
            }
            if (inspection.indicators() > 0) {
                indicators = true;
            }
            last = inspection;
        }
        features.put("never", inspected == 0 ? 1.0 : 0.0);
        features.put("violations", Math.log1p(violations));
        features.put("clean", Math.log1p(inspected - violations));
        features.put("lastViolation", last != null && last.violation() ? 1.0 : 0.0);
        features.put("indicators", indicators ? 1.0 : 0.0);
        double years =
                last == null ? 0 : Math.min(10, (cutOff.toEpochDay() - last.on().toEpochDay()) / 365.25);
        features.put("years", years / 10);
        return features;
    }

    private static java.util.Set<String> columns(List<Map<String, Double>> rows) {
        var names = new java.util.HashSet<String>();
        rows.forEach(row -> names.addAll(row.keySet()));
        return names;
    }

    /**
     * Fits the L2-penalised logistic regression by Newton's method (iteratively reweighted least squares): minimises
     * the negative log-likelihood plus {@code lambda / 2} times the squared weights (the intercept is not penalised).
     * The penalised problem is strictly convex, so Newton's method converges to its one optimum in a few steps; the
     * result does not depend on a seed or on the order of the rows. Returns the intercept, then one weight per name.
     */
    static double[] fit(List<Map<String, Double>> rows, List<Boolean> labels, List<String> names, double lambda) {
        int p = names.size() + 1;
        var index = new HashMap<String, Integer>();
        for (int j = 0; j < names.size(); j++) {
            index.put(names.get(j), j + 1);
        }
        double[][] x = new double[rows.size()][p];
        for (int i = 0; i < rows.size(); i++) {
            x[i][0] = 1;
            for (var feature : rows.get(i).entrySet()) {
                x[i][index.get(feature.getKey())] = feature.getValue();
            }
        }
        double[] beta = new double[p];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[p];
            double[][] hessian = new double[p][p];
            for (int j = 1; j < p; j++) {
                gradient[j] = lambda * beta[j];
                hessian[j][j] = lambda;
            }
            for (int i = 0; i < x.length; i++) {
                double z = 0;
                for (int j = 0; j < p; j++) {
                    z += beta[j] * x[i][j];
                }
                double mu = 1 / (1 + Math.exp(-z));
                double residual = mu - (labels.get(i) ? 1 : 0);
                double w = Math.max(mu * (1 - mu), 1e-10);
                for (int j = 0; j < p; j++) {
                    if (x[i][j] == 0) {
                        continue;
                    }
                    gradient[j] += residual * x[i][j];
                    for (int l = j; l < p; l++) {
                        hessian[j][l] += w * x[i][j] * x[i][l];
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                for (int l = 0; l < j; l++) {
                    hessian[j][l] = hessian[l][j];
                }
            }
            RealVector step = new CholeskyDecomposition(new Array2DRowRealMatrix(hessian, false), 1e-12, 1e-14)
                    .getSolver()
                    .solve(new ArrayRealVector(gradient, false));
            double largest = 0;
            for (int j = 0; j < p; j++) {
                beta[j] -= step.getEntry(j);
                largest = Math.max(largest, Math.abs(step.getEntry(j)));
            }
            if (largest < 1e-8) {
                break;
            }
        }
        return beta;
    }

    /** The inspections of each workplace, oldest first. */
    static final class History {
        private final Map<String, List<Inspection>> byWorkplace;

        private History(Map<String, List<Inspection>> byWorkplace) {
            this.byWorkplace = byWorkplace;
        }

        static History of(List<Inspection> inspections) {
            var map = new HashMap<String, List<Inspection>>();
            for (Inspection inspection : inspections) {
                map.computeIfAbsent(inspection.workplace(), k -> new ArrayList<>())
                        .add(inspection);
            }
            map.values().forEach(list -> list.sort(Comparator.comparing(Inspection::on)));
            return new History(map);
        }

        List<Inspection> of(String workplace) {
            return byWorkplace.getOrDefault(workplace, List.of());
        }
    }
}
