package org.opennrm.prevention.inspection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The temporal backtest: for each past year, the model is trained only on what was known before 1 January of that
 * year, ranks the register, and its top {@code k} (the inspectorate's capacity) is compared with what the
 * inspections of that year found, side by side with random choice and with re-inspecting last year's violators.
 *
 * <p>Labels exist only where someone inspected: the workplaces an inspectorate chose are not a random sample, so the
 * precision measured on all the year's inspections is biased. The inspections chosen by lot (the random share) give
 * an unbiased estimate, shown when there are at least {@link Hits#MIN_SHOWN}.
 */
public final class Backtest {

    /** One year of the backtest; {@code refusal} is the label key when the model could not be trained. */
    public record Year(
            int year,
            int k,
            int trainedOn,
            String refusal,
            Hits model,
            Hits random,
            Hits lastYear,
            Hits modelRandomShare,
            Hits randomRandomShare,
            Hits lastYearRandomShare) {

        public boolean trained() {
            return refusal == null;
        }
    }

    private Backtest() {}

    /** Every year after the first year with inspections, up to the last. */
    public static List<Year> run(List<Workplace> register, List<Inspection> inspections, int k) {
        var years = inspections.stream().map(i -> i.on().getYear()).collect(Collectors.toCollection(TreeSet::new));
        if (years.size() < 2) {
            return List.of();
        }
        return years.tailSet(years.first() + 1).stream()
                .map(year -> year(register, inspections, k, year))
                .toList();
    }

    static Year year(List<Workplace> register, List<Inspection> inspections, int k, int year) {
        var before = inspections.stream().filter(i -> i.on().getYear() < year).toList();
        // what the year's inspections found, per workplace: all of them, and those chosen by lot
        Map<String, Boolean> found = new HashMap<>();
        Map<String, Boolean> foundByLot = new HashMap<>();
        Set<String> lastYearViolators = new HashSet<>();
        for (Inspection i : inspections) {
            if (i.on().getYear() == year) {
                found.merge(i.workplace(), i.violation(), Boolean::logicalOr);
                if (i.random()) {
                    foundByLot.merge(i.workplace(), i.violation(), Boolean::logicalOr);
                }
            } else if (i.on().getYear() == year - 1 && i.violation()) {
                lastYearViolators.add(i.workplace());
            }
        }
        Hits random = hits(found.keySet(), found);
        Hits randomByLot = hits(foundByLot.keySet(), foundByLot);
        Hits last = hits(lastYearViolators, found);
        Hits lastByLot = hits(lastYearViolators, foundByLot);
        try {
            RiskModel model = RiskModel.train(register, before, year);
            Set<String> top = model.rank(register, before).stream()
                    .limit(k)
                    .map(r -> r.workplace().reference())
                    .collect(Collectors.toSet());
            return new Year(
                    year,
                    k,
                    model.trainedOn(),
                    null,
                    hits(top, found),
                    random,
                    last,
                    hits(top, foundByLot),
                    randomByLot,
                    lastByLot);
        } catch (CannotTrain e) {
            return new Year(year, k, e.inspections(), e.key(), null, random, last, null, randomByLot, lastByLot);
        }
    }

    private static Hits hits(Set<String> list, Map<String, Boolean> found) {
        int inspected = 0;
        int violations = 0;
        for (String workplace : list) {
            Boolean violation = found.get(workplace);
            if (violation != null) {
                inspected++;
                if (violation) {
                    violations++;
                }
            }
        }
        return new Hits(inspected, violations);
    }
}
