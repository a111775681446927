package org.opennrm.linkage.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClustersTests {

    @Test
    void chainedPairsFormOneClusterNumberedInFileOrder() {
        CandidatePairs pairs = new CandidatePairs();
        pairs.add(4, 1, 90, 100);
        pairs.add(1, 3, 90, 100);
        pairs.add(2, 5, 90, 100);
        assertThat(Clusters.of(pairs, 6)).containsExactly(0, 1, 2, 1, 1, 2);
    }

    @Test
    void recordsWithoutPairsAreClustersOfTheirOwn() {
        assertThat(Clusters.of(new CandidatePairs(), 3)).containsExactly(0, 1, 2);
    }
}
