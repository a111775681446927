package org.opennrm.prevention;

import java.util.Locale;
import java.util.Random;

/**
 * Synthetic knowledge-attitude-practice survey files (no person behind them): campaign areas in the north, comparison
 * areas in the south, two strata each (urban, rural), clusters of respondents with a village effect, design weights
 * that differ by stratum. Before the campaign 40% know how to report everywhere; afterwards 43% in the comparison
 * areas (a common trend of +3 points) and 43% plus the campaign's effect in its areas.
 */
final class KapSurveys {

    static final String STRATA = "north-urban, north-rural, south-urban, south-rural";
    static final String HEADER = "wave,area,stratum,cluster,weight,knows_how_to_protect,knows_how_to_report";

    private KapSurveys() {}

    /** Both waves in both kinds of area: {@code clusters} villages per stratum, {@code size} respondents each. */
    static String survey(long seed, int clusters, int size, double effect) {
        var random = new Random(seed);
        var csv = new StringBuilder(HEADER).append('\n');
        for (String wave : new String[] {"before", "after"}) {
            for (String stratum : new String[] {"north-urban", "north-rural", "south-urban", "south-rural"}) {
                boolean campaign = stratum.startsWith("north");
                double share = 0.40 + (wave.equals("after") ? 0.03 + (campaign ? effect : 0) : 0);
                double weight = stratum.endsWith("urban") ? 150.0 : 90.0;
                for (int c = 1; c <= clusters; c++) {
                    double village = share + (random.nextDouble() - 0.5) * 0.16;
                    for (int r = 0; r < size; r++) {
                        csv.append(String.format(
                                Locale.ROOT,
                                "%s,%s,%s,%s-%s-%02d,%.1f,%d,%d%n",
                                wave,
                                campaign ? "campaign" : "comparison",
                                stratum,
                                wave,
                                stratum,
                                c,
                                weight * (0.8 + 0.4 * random.nextDouble()),
                                random.nextDouble() < village + 0.1 ? 1 : 0,
                                random.nextDouble() < village ? 1 : 0));
                    }
                }
            }
        }
        return csv.toString();
    }
}
