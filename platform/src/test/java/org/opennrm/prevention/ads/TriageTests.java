package org.opennrm.prevention.ads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The queue ranks clusters by reasons that add up to the score, and labels give its precision at k. */
class TriageTests {

    private final Lexicon lexicon = Lexicon.standard();

    @Test
    void eachRankComesWithReasonsThatAddUpToItsScore() {
        var ads = List.of(
                ad("a1", "big", "site-a", "North", "no days off, we keep your passport", Set.of("p1")),
                ad("a2", "big", "site-b", "South", "no days off", Set.of("p1")),
                ad("a3", "big", "site-b", "South", "nothing special", Set.of()),
                ad("a4", "small", "site-a", "North", "registration fee", Set.of()),
                ad("a5", "none", "site-a", "North", "a bicycle for sale", Set.of()));
        var ranked = Triage.rank(ads);
        assertThat(ranked).extracting(Triage.Ranked::cluster).containsExactly("big", "small");
        var big = ranked.getFirst();
        // movement 3 + documents 3 + size log2(3) 1.58 + two sites 1 + two locations 1
        assertThat(big.score()).isEqualTo(9.58);
        assertThat(big.reasons().stream().mapToDouble(Triage.Reason::points).sum())
                .isCloseTo(big.score(), org.assertj.core.data.Offset.offset(0.011));
        assertThat(big.reasons())
                .extracting(Triage.Reason::kind)
                .contains(
                        Triage.ReasonKind.INDICATOR,
                        Triage.ReasonKind.SIZE,
                        Triage.ReasonKind.SITES,
                        Triage.ReasonKind.LOCATIONS);
        var movement = big.reasons().stream()
                .filter(reason -> reason.category() == Indicator.RESTRICTED_MOVEMENT)
                .findFirst()
                .orElseThrow();
        assertThat(movement.count()).isEqualTo(2);
        assertThat(movement.phrases()).containsExactly("no days off");
        assertThat(ranked.get(1).reasons()).hasSize(1);
    }

    @Test
    void labelsGivePrecisionAtK() {
        List<UUID> queue = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            queue.add(UUID.randomUUID());
        }
        Map<UUID, Label> labels = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            labels.put(queue.get(i), i < 7 ? Label.RELEVANT : Label.NOT_RELEVANT);
        }
        labels.put(queue.get(12), Label.UNSURE);
        labels.put(queue.get(15), Label.RELEVANT);
        var precision = AdScreening.precisionAtK(queue, labels);
        assertThat(precision.get(0)).isEqualTo(new AdScreening.PrecisionAtK(10, 10, 7, 0.7));
        assertThat(precision.get(1)).isEqualTo(new AdScreening.PrecisionAtK(20, 11, 8, 8 / 11.0));
        // no label at all: no precision, rather than a made-up one
        assertThat(AdScreening.precisionAtK(queue, Map.of()).getFirst().precision())
                .isNull();
    }

    private Triage.Ad<String> ad(
            String key, String cluster, String site, String location, String text, Set<String> contacts) {
        return new Triage.Ad<>(key, cluster, site, location, lexicon.match("", text), contacts);
    }
}
