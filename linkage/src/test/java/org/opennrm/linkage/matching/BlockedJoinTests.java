package org.opennrm.linkage.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.opennrm.linkage.encoding.Encodings;

class BlockedJoinTests {

    @Test
    void blockedPairsAreExactPairsFoundOnce() {
        Encodings a = RandomEncodings.random(1000, 0.3, 0.5, 11, "a");
        Encodings b = RandomEncodings.concat(
                RandomEncodings.random(1000, 0.3, 0.5, 12, "b"), RandomEncodings.noisyCopies(a, 1000, 0.08, 13, "n"));
        long[] exact = new ExactJoin(0.8, 2)
                .link(new SortedEncodings(a), new SortedEncodings(b))
                .sortedKeys();
        CandidatePairs blocked = new BlockedJoin(0.8, 2).link(a, b);
        long[] keys = blocked.sortedKeys();
        assertThat(Arrays.stream(keys).distinct().count()).isEqualTo(keys.length);
        assertThat(exact).contains(keys);
        assertThat((double) keys.length / exact.length).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void pairsGatheredPerRecordOfAAreThePairsOfTheSet() {
        Encodings a = RandomEncodings.random(1500, 0.3, 0.5, 16, "a");
        Encodings b = RandomEncodings.concat(
                RandomEncodings.random(500, 0.3, 0.5, 17, "b"), RandomEncodings.noisyCopies(a, 1500, 0.1, 18, "n"));
        CandidatePairs perRecord = new BlockedJoin(0.8, 2).link(a, b);
        CandidatePairs set = new BlockedJoin(0.8, 2).link(a, b, 0);
        assertThat(perRecord.size).isGreaterThan(1000);
        assertThat(perRecord.sortedKeys()).isEqualTo(set.sortedKeys());
        assertThat(Arrays.copyOf(perRecord.intersection, perRecord.size))
                .isEqualTo(Arrays.copyOf(set.intersection, set.size));
    }

    @Test
    void matchingOnBlockedCandidatesAgreesWithExactOnCloseCopies() {
        Encodings a = RandomEncodings.random(800, 0.3, 0.5, 14, "a");
        Encodings b = RandomEncodings.noisyCopies(a, 800, 0.05, 15, "b");
        Linkage linkage = new Linkage(2);
        assertThat(linkage.link(a, b, 0.8, Mode.BLOCKED)).isEqualTo(linkage.link(a, b, 0.8, Mode.EXACT));
    }
}
