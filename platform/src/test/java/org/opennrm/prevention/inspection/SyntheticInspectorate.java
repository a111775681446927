package org.opennrm.prevention.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded synthetic labour inspectorate with a known hidden risk structure and a known inspection bias, for the
 * benchmark and the tests. Nothing in it is real.
 *
 * <p>Hidden truth: each workplace's yearly chance of a violation is the logistic of a sector effect, a region effect,
 * a size effect, a sector-by-size interaction (small farms and building sites), a persistent workplace propensity
 * (normal, sd 1) and a carry-over from last year's true state. Inspection bias: each year the inspectorate inspects
 * {@code capacity} workplaces; {@code randomShare} of them are drawn by lot from the whole register, the rest are
 * chosen by the inspectors' suspicion (last finding, three sectors they watch, noise). An inspection detects a true
 * violation with probability 0.9; a found violation carries trafficking indicators in about 12% of cases, more where
 * the propensity is high.
 */
public final class SyntheticInspectorate {

    public static final String[] SECTORS = {"A", "C", "F", "G", "H", "I", "N", "Q", "S"};
    private static final double[] SECTOR_SHARE = {0.06, 0.14, 0.14, 0.22, 0.07, 0.12, 0.09, 0.08, 0.08};
    private static final double[] SECTOR_EFFECT = {1.0, 0.2, 0.9, -0.5, 0.3, 0.8, 0.7, -0.8, -0.2};
    public static final String[] REGIONS = {
        "North Region", "South Region", "East Region", "West Region", "Capital Region", "Coast Region"
    };
    private static final double[] REGION_EFFECT = {0.4, 0.0, -0.3, 0.2, -0.2, 0.6};

    public final List<Workplace> register = new ArrayList<>();
    public final List<Inspection> inspections = new ArrayList<>();
    /** The workplaces truly in violation in each year (the benchmark knows it; the model never sees it). */
    public final Map<Integer, Set<String>> truth = new HashMap<>();

    public final int firstYear;
    public final int years;

    public SyntheticInspectorate(
            long seed, int workplaces, int firstYear, int years, int capacity, double randomShare) {
        this.firstYear = firstYear;
        this.years = years;
        var random = new Random(seed);
        double[] logit = new double[workplaces];
        double[] propensity = new double[workplaces];
        for (int w = 0; w < workplaces; w++) {
            int sector = pick(random, SECTOR_SHARE);
            int region = random.nextInt(REGIONS.length);
            int employees = (int) Math.min(5000, Math.round(Math.exp(1.6 + 1.3 * random.nextGaussian())));
            double size = Math.log10(1 + employees);
            boolean smallRisky = (SECTORS[sector].equals("A") || SECTORS[sector].equals("F")) && employees < 10;
            propensity[w] = random.nextGaussian();
            logit[w] = -2.4 + SECTOR_EFFECT[sector] + REGION_EFFECT[region] - 0.4 * size + (smallRisky ? 0.6 : 0);
            register.add(new Workplace(String.format("WP-%06d", w + 1), SECTORS[sector], REGIONS[region], employees));
        }
        boolean[] state = new boolean[workplaces];
        boolean[] lastFound = new boolean[workplaces];
        for (int y = 0; y < years; y++) {
            int year = firstYear + y;
            var violators = new HashSet<String>();
            for (int w = 0; w < workplaces; w++) {
                double z = logit[w] + propensity[w] + (state[w] ? 0.8 : 0);
                state[w] = random.nextDouble() < 1 / (1 + Math.exp(-z));
                if (state[w]) {
                    violators.add(register.get(w).reference());
                }
            }
            truth.put(year, violators);
            // the inspectors' choice: suspicion, and a share drawn by lot
            int byLot = (int) Math.round(capacity * randomShare);
            var chosen = new HashSet<Integer>();
            var lot = new ArrayList<Integer>();
            while (lot.size() < byLot) {
                int w = random.nextInt(workplaces);
                if (chosen.add(w)) {
                    lot.add(w);
                }
            }
            record Suspect(int w, double suspicion) {}
            var suspects = new ArrayList<Suspect>(workplaces);
            for (int w = 0; w < workplaces; w++) {
                String sector = register.get(w).sector();
                double suspicion = (lastFound[w] ? 2.0 : 0)
                        + (sector.equals("F") || sector.equals("I") || sector.equals("C") ? 0.8 : 0)
                        + 1.2 * random.nextGaussian();
                suspects.add(new Suspect(w, suspicion));
            }
            suspects.sort(Comparator.comparingDouble(Suspect::suspicion).reversed());
            var targeted = new ArrayList<Integer>();
            for (Suspect s : suspects) {
                if (targeted.size() + lot.size() >= capacity) {
                    break;
                }
                if (chosen.add(s.w())) {
                    targeted.add(s.w());
                }
            }
            for (int w : lot) {
                inspect(random, w, year, state, propensity, lastFound, true);
            }
            for (int w : targeted) {
                inspect(random, w, year, state, propensity, lastFound, false);
            }
        }
    }

    private void inspect(
            Random random, int w, int year, boolean[] state, double[] propensity, boolean[] lastFound, boolean byLot) {
        boolean found = state[w] && random.nextDouble() < 0.9;
        int indicators =
                found && random.nextDouble() < 0.12 + 0.05 * Math.max(0, propensity[w]) ? 1 + random.nextInt(3) : 0;
        lastFound[w] = found;
        var on = LocalDate.of(year, 1, 1).plusDays(random.nextInt(360));
        inspections.add(new Inspection(register.get(w).reference(), on, found, indicators, byLot));
    }

    private static int pick(Random random, double[] shares) {
        double u = random.nextDouble();
        for (int i = 0; i < shares.length; i++) {
            u -= shares[i];
            if (u <= 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    /** The share of {@code list} truly in violation in {@code year}. */
    public double truePrecision(List<String> list, int year) {
        Set<String> violators = truth.get(year);
        return list.isEmpty()
                ? Double.NaN
                : list.stream().filter(violators::contains).count() / (double) list.size();
    }
}
