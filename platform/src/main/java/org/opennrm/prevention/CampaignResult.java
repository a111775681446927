package org.opennrm.prevention;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.distribution.continuous.TDistribution;
import org.opennrm.prevention.SurveyAnswer.Area;
import org.opennrm.prevention.SurveyAnswer.Wave;

/**
 * What a campaign's surveys show, measure by measure: the design-based share in each wave and kind of area, the
 * change where the campaign ran, the difference in differences against the comparison areas, and what can and cannot
 * be concluded from them, said plainly.
 */
record CampaignResult(List<Measure> measures) {

    /** Fewer degrees of freedom than this: the interval rests on few clusters and is wide. */
    static final int FEW_DEGREES_OF_FREEDOM = 10;

    /** A plain statement: its label key and arguments. */
    record Conclusion(String key, List<Object> arguments) {

        static Conclusion of(String key, Object... arguments) {
            return new Conclusion(key, List.of(arguments));
        }

        public Object[] messageArguments() {
            return arguments.toArray();
        }
    }

    /** A change between two independent estimates, with its 95% interval; null where one of them is missing. */
    record Change(double change, double standardError, double lower, double upper, int degreesOfFreedom) {

        static Change between(DesignEstimate before, DesignEstimate after) {
            if (before == null || after == null || !before.available() || !after.available()) {
                return null;
            }
            double se = Math.hypot(before.standardError(), after.standardError());
            int df = Math.min(before.degreesOfFreedom(), after.degreesOfFreedom());
            double t = new TDistribution(df).inverseCumulativeProbability(0.975);
            double change = after.estimate() - before.estimate();
            return new Change(change, se, change - t * se, change + t * se, df);
        }
    }

    /** One measure: its estimates by wave and area (null where the survey has no one there), and its conclusions. */
    record Measure(
            String name,
            Map<Wave, Map<Area, DesignEstimate>> estimates,
            Change campaignChange,
            DifferenceInDifferences effect,
            List<Conclusion> conclusions) {

        public DesignEstimate estimate(String wave, String area) {
            return estimates.get(Wave.valueOf(wave)).get(Area.valueOf(area));
        }
    }

    static CampaignResult of(List<String> measureNames, List<SurveyAnswer> answers) {
        var measures = new ArrayList<Measure>();
        for (String name : measureNames) {
            Map<Wave, Map<Area, List<Respondent>>> cells = new EnumMap<>(Wave.class);
            for (Wave wave : Wave.values()) {
                cells.put(wave, new EnumMap<>(Area.class));
            }
            for (SurveyAnswer answer : answers) {
                if (answer.measure().equals(name)) {
                    cells.get(answer.wave())
                            .computeIfAbsent(answer.area(), area -> new ArrayList<>())
                            .add(answer.respondent());
                }
            }
            Map<Wave, Map<Area, DesignEstimate>> estimates = new EnumMap<>(Wave.class);
            for (Wave wave : Wave.values()) {
                Map<Area, DesignEstimate> byArea = new EnumMap<>(Area.class);
                cells.get(wave).forEach((area, respondents) -> byArea.put(area, SurveyDesign.mean(respondents)));
                estimates.put(wave, byArea);
            }
            measures.add(measure(name, estimates));
        }
        return new CampaignResult(List.copyOf(measures));
    }

    private static Measure measure(String name, Map<Wave, Map<Area, DesignEstimate>> estimates) {
        DesignEstimate campaignBefore = estimates.get(Wave.BEFORE).get(Area.CAMPAIGN);
        DesignEstimate campaignAfter = estimates.get(Wave.AFTER).get(Area.CAMPAIGN);
        DesignEstimate comparisonBefore = estimates.get(Wave.BEFORE).get(Area.COMPARISON);
        DesignEstimate comparisonAfter = estimates.get(Wave.AFTER).get(Area.COMPARISON);
        var conclusions = new ArrayList<Conclusion>();
        Change change = Change.between(campaignBefore, campaignAfter);
        DifferenceInDifferences effect = null;

        if (campaignBefore == null || campaignAfter == null) {
            conclusions.add(Conclusion.of(
                    campaignBefore == null
                            ? "prevention.result.noCampaignBefore"
                            : "prevention.result.noCampaignAfter"));
        }
        for (Wave wave : Wave.values()) {
            for (var entry : estimates.get(wave).entrySet()) {
                if (!entry.getValue().available()) {
                    conclusions.add(Conclusion.of(
                            "prevention.result.cellInsufficient",
                            wave.name(),
                            entry.getKey().name(),
                            entry.getValue().respondents(),
                            entry.getValue().clusters(),
                            SurveyDesign.MINIMUM_RESPONDENTS,
                            SurveyDesign.MINIMUM_CLUSTERS));
                }
            }
        }
        boolean comparison = comparisonBefore != null && comparisonAfter != null;
        if (!comparison) {
            conclusions.add(Conclusion.of("prevention.result.noComparison"));
        }
        if (change != null) {
            conclusions.add(Conclusion.of(
                    crossesZero(change.lower(), change.upper())
                            ? "prevention.result.changeUnclear"
                            : change.change() > 0 ? "prevention.result.changeRose" : "prevention.result.changeFell",
                    points(change.lower()),
                    points(change.upper())));
        }
        if (change != null && comparison && comparisonBefore.available() && comparisonAfter.available()) {
            effect = DifferenceInDifferences.of(campaignBefore, campaignAfter, comparisonBefore, comparisonAfter);
            conclusions.add(Conclusion.of(
                    crossesZero(effect.lower(), effect.upper())
                            ? "prevention.result.effectUnclear"
                            : effect.effect() > 0 ? "prevention.result.effectRose" : "prevention.result.effectFell",
                    points(effect.lower()),
                    points(effect.upper())));
            conclusions.add(Conclusion.of("prevention.result.parallelTrends"));
            if (effect.degreesOfFreedom() < FEW_DEGREES_OF_FREEDOM) {
                conclusions.add(Conclusion.of("prevention.result.fewClusters", effect.degreesOfFreedom()));
            }
        } else if (change != null && change.degreesOfFreedom() < FEW_DEGREES_OF_FREEDOM) {
            conclusions.add(Conclusion.of("prevention.result.fewClusters", change.degreesOfFreedom()));
        }
        conclusions.add(Conclusion.of("prevention.result.saysNotDoes"));
        return new Measure(name, estimates, change, effect, List.copyOf(conclusions));
    }

    private static boolean crossesZero(double lower, double upper) {
        return lower <= 0 && upper >= 0;
    }

    /** A share's difference in percentage points, rounded to one decimal. */
    private static String points(double difference) {
        return String.format(java.util.Locale.ROOT, "%+.1f", 100 * difference);
    }
}
