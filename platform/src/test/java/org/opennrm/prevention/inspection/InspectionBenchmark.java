package org.opennrm.prevention.inspection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

/**
 * The inspection-targeting benchmark (bench/prevention/inspection.sh): a seeded synthetic inspectorate, then a
 * temporal backtest of the risk model against random choice and against re-inspecting last year's violators, at the
 * inspectorate's capacity, measured against the hidden truth and against the observed inspections.
 */
public final class InspectionBenchmark {

    public static void main(String[] args) {
        int workplaces = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int capacity = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2026L;
        int years = 5;
        var world = new SyntheticInspectorate(seed, workplaces, 2021, years, 2_000, 0.10);
        System.out.printf(
                "synthetic inspectorate: %,d workplaces, %d years (%d-%d), %,d inspections (2,000 a year, 10%% by lot),"
                        + " seed %d; capacity k = %,d%n",
                workplaces,
                years,
                world.firstYear,
                world.firstYear + years - 1,
                world.inspections.size(),
                seed,
                capacity);
        System.out.printf(
                "%-6s %-7s | %-33s | %-29s | %-29s%n",
                "year",
                "trained",
                "truth: model / random / last-yr",
                "observed all: model/rnd/last",
                "by lot: model/rnd/last");
        double sumModel = 0;
        double sumRandom = 0;
        double sumLast = 0;
        int counted = 0;
        var random = new Random(seed + 1);
        for (int year = world.firstYear + 1; year < world.firstYear + years; year++) {
            final int y = year;
            var before =
                    world.inspections.stream().filter(i -> i.on().getYear() < y).toList();
            long start = System.nanoTime();
            RiskModel model = RiskModel.train(world.register, before, year);
            List<String> top = model.rank(world.register, before).stream()
                    .limit(capacity)
                    .map(r -> r.workplace().reference())
                    .toList();
            long millis = (System.nanoTime() - start) / 1_000_000;
            // random choice: k workplaces drawn from the register
            var all = new ArrayList<String>(
                    world.register.stream().map(Workplace::reference).toList());
            Collections.shuffle(all, random);
            List<String> drawn = all.subList(0, capacity);
            // last year's violators as found by inspection; more than k: k of them by lot; fewer: filled by lot
            var violators = new ArrayList<String>(new HashSet<>(before.stream()
                    .filter(i -> i.on().getYear() == y - 1 && i.violation())
                    .map(Inspection::workplace)
                    .toList()));
            Collections.sort(violators);
            Collections.shuffle(violators, random);
            var last = new ArrayList<String>(violators.subList(0, Math.min(capacity, violators.size())));
            var onList = new HashSet<>(last);
            for (String w : all) {
                if (last.size() >= capacity) {
                    break;
                }
                if (onList.add(w)) {
                    last.add(w);
                }
            }
            double pModel = world.truePrecision(top, year);
            double pRandom = world.truePrecision(drawn, year);
            double pLast = world.truePrecision(last, year);
            sumModel += pModel;
            sumRandom += pRandom;
            sumLast += pLast;
            counted++;
            Backtest.Year observed = Backtest.year(world.register, world.inspections, capacity, year);
            System.out.printf(
                    "%-6d %,7d | %.3f / %.3f / %.3f (x%.2f)     | %s / %s / %s | %s / %s / %s   (%d ms)%n",
                    year,
                    model.trainedOn(),
                    pModel,
                    pRandom,
                    pLast,
                    pModel / pRandom,
                    f(observed.model()),
                    f(observed.random()),
                    f(observed.lastYear()),
                    f(observed.modelRandomShare()),
                    f(observed.randomRandomShare()),
                    f(observed.lastYearRandomShare()),
                    millis);
        }
        System.out.printf(
                "mean precision at k=%,d against the hidden truth: model %.3f, random %.3f, last year's violators %.3f;"
                        + " model / random = %.2fx (goal >= 2x), model / last-year = %.2fx%n",
                capacity,
                sumModel / counted,
                sumRandom / counted,
                sumLast / counted,
                sumModel / sumRandom,
                sumModel / sumLast);
    }

    private static String f(Hits hits) {
        return hits.inspected() == 0 ? "  -  " : String.format("%.3f(n=%d)", hits.precision(), hits.inspected());
    }
}
