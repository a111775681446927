package org.opennrm.prevention.ads;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks clusters (advertisers) for review, and never without the reasons that make up the rank: each reason carries
 * its points, and a cluster's score is their sum.
 *
 * <ul>
 *   <li>each indicator category found in any of the cluster's ads adds its {@link Indicator#weight() weight} once;
 *   <li>the cluster's size adds log2 of its number of ads, at most 2 (one ad adds nothing, 2 ads add 1, 4 or more
 *       add 2): size is reach, not risk;
 *   <li>a contact given on two or more sites adds 1, ads in two or more locations add 1 (one advertiser moving
 *       people or ads between places, a sign the published lists name).
 * </ul>
 *
 * Only clusters with at least one indicator enter the queue: size and spread alone describe busy advertisers, not
 * risk.
 */
public final class Triage {

    /** What a reason is about. */
    public enum ReasonKind {
        INDICATOR,
        SIZE,
        SITES,
        LOCATIONS
    }

    /**
     * One reason: its kind, the category (for an indicator), up to three phrases found, the fields they were found in,
     * the count it rests on (ads showing the category, ads in the cluster, sites, locations), and its points.
     */
    public record Reason(
            ReasonKind kind,
            Indicator category,
            List<String> phrases,
            Set<Lexicon.Field> fields,
            int count,
            double points) {}

    /** An ad as triage sees it: its key, its cluster's key, site, location, matches and contact keys. */
    public record Ad<K>(
            K key, K cluster, String site, String location, List<Lexicon.Match> matches, Set<String> contacts) {}

    /** A ranked cluster: its key, score, its ads' keys, and the reasons (highest points first). */
    public record Ranked<K>(K cluster, double score, List<K> ads, List<Reason> reasons) {

        public Set<Indicator> categories() {
            var categories = EnumSet.noneOf(Indicator.class);
            reasons.stream()
                    .filter(reason -> reason.kind() == ReasonKind.INDICATOR)
                    .forEach(reason -> categories.add(reason.category()));
            return categories;
        }
    }

    /** Size is reach, not risk: it adds at most this much (reached at 4 ads). */
    static final double MAX_SIZE_POINTS = 2;

    private Triage() {}

    /** The queue: clusters with at least one indicator, highest score first (ties: larger, then by key order given). */
    public static <K> List<Ranked<K>> rank(List<Ad<K>> ads) {
        Map<K, List<Ad<K>>> clusters = new LinkedHashMap<>();
        for (Ad<K> ad : ads) {
            clusters.computeIfAbsent(ad.cluster(), key -> new ArrayList<>()).add(ad);
        }
        // the sites each contact appears on, over all ads (an advertiser's contact reused across sites)
        Map<String, Set<String>> sitesOfContact = new HashMap<>();
        for (Ad<K> ad : ads) {
            for (String contact : ad.contacts()) {
                sitesOfContact.computeIfAbsent(contact, c -> new HashSet<>()).add(ad.site());
            }
        }
        List<Ranked<K>> ranked = new ArrayList<>();
        for (var entry : clusters.entrySet()) {
            List<Ad<K>> members = entry.getValue();
            Map<Indicator, Set<String>> phrases = new EnumMap<>(Indicator.class);
            Map<Indicator, Set<Lexicon.Field>> fields = new EnumMap<>(Indicator.class);
            Map<Indicator, Integer> adsShowing = new EnumMap<>(Indicator.class);
            Set<String> locations = new HashSet<>();
            Set<String> contactSites = new HashSet<>();
            for (Ad<K> ad : members) {
                var shown = EnumSet.noneOf(Indicator.class);
                for (Lexicon.Match match : ad.matches()) {
                    phrases.computeIfAbsent(match.category(), c -> new LinkedHashSet<>())
                            .add(match.phrase());
                    fields.computeIfAbsent(match.category(), c -> EnumSet.noneOf(Lexicon.Field.class))
                            .add(match.field());
                    shown.add(match.category());
                }
                shown.forEach(category -> adsShowing.merge(category, 1, Integer::sum));
                if (ad.location() != null && !ad.location().isBlank()) {
                    locations.add(ad.location().strip().toLowerCase(java.util.Locale.ROOT));
                }
                for (String contact : ad.contacts()) {
                    contactSites.addAll(sitesOfContact.get(contact));
                }
            }
            if (phrases.isEmpty()) {
                continue;
            }
            List<Reason> reasons = new ArrayList<>();
            for (var category : phrases.keySet()) {
                reasons.add(new Reason(
                        ReasonKind.INDICATOR,
                        category,
                        phrases.get(category).stream().limit(3).toList(),
                        fields.get(category),
                        adsShowing.get(category),
                        category.weight()));
            }
            if (members.size() > 1) {
                double points = Math.min(MAX_SIZE_POINTS, Math.log(members.size()) / Math.log(2));
                reasons.add(new Reason(ReasonKind.SIZE, null, List.of(), Set.of(), members.size(), round(points)));
            }
            if (contactSites.size() > 1) {
                reasons.add(new Reason(ReasonKind.SITES, null, List.of(), Set.of(), contactSites.size(), 1));
            }
            if (locations.size() > 1) {
                reasons.add(new Reason(ReasonKind.LOCATIONS, null, List.of(), Set.of(), locations.size(), 1));
            }
            reasons.sort(Comparator.comparingDouble(Reason::points).reversed());
            double score = reasons.stream().mapToDouble(Reason::points).sum();
            ranked.add(new Ranked<>(
                    entry.getKey(), round(score), members.stream().map(Ad::key).toList(), List.copyOf(reasons)));
        }
        ranked.sort(Comparator.comparingDouble((Ranked<K> r) -> r.score())
                .reversed()
                .thenComparing(r -> -r.ads().size()));
        return ranked;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
