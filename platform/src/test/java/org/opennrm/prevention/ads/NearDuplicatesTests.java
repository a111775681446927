package org.opennrm.prevention.ads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Planted near-duplicates and shared contacts fall together; different ads stay apart. */
class NearDuplicatesTests {

    private final NearDuplicates clustering = new NearDuplicates();

    @Test
    void nearDuplicateTextsFormOneClusterAndOthersStayApart() {
        String base = "Hiring waitresses for a hotel in the capital. Good pay, accommodation provided on site,"
                + " travel organised by us. Write today and start next week, contract for the season.";
        var items = List.of(
                item(base),
                item(base.replace("next week", "on Monday").replace("Good pay", "Very good pay")),
                item("Selling a blue bicycle, barely used, with lights and a lock. Pick up in the north of the city."),
                item(base.replace("capital", "capital city") + " Call now."),
                item("Piano lessons for children and adults, first lesson free, evenings and weekends."));
        int[] clusters = clustering.clusters(items);
        assertThat(clusters[1]).isEqualTo(clusters[0]);
        assertThat(clusters[3]).isEqualTo(clusters[0]);
        assertThat(clusters[2]).isNotEqualTo(clusters[0]).isNotEqualTo(clusters[4]);
        assertThat(clusters[4]).isNotEqualTo(clusters[0]);
        // a cluster is named by its first member
        assertThat(clusters[0]).isZero();
    }

    @Test
    void aSharedContactJoinsDifferentTexts() {
        var items = List.of(
                new NearDuplicates.Item("Cleaning jobs in hotels abroad, no language required.", Set.of("k1")),
                new NearDuplicates.Item("Massage salon opens, new staff, call for an appointment.", Set.of("k2", "k1")),
                new NearDuplicates.Item("Garden work in the south, weekly pay.", Set.of("k3")),
                new NearDuplicates.Item("Pizza oven for sale.", Set.of("k2")));
        int[] clusters = clustering.clusters(items);
        assertThat(clusters).containsExactly(0, 0, 2, 0);
    }

    @Test
    void theSignatureEstimatesJaccardSimilarity() {
        int[] a = clustering.signature("the quick brown fox jumps over the lazy dog every single morning");
        int[] same = clustering.signature("The quick brown fox jumps over the lazy dog, every single morning!");
        int[] other = clustering.signature("completely unrelated words about tax returns and parking fines");
        assertThat(NearDuplicates.similarity(a, same)).isEqualTo(1.0);
        assertThat(NearDuplicates.similarity(a, other)).isLessThan(0.2);
    }

    private static NearDuplicates.Item item(String text) {
        return new NearDuplicates.Item(text, Set.of());
    }
}
