package org.opennrm.linkage.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GreedyMatchingTests {

    @Test
    void takesTheMostSimilarPairFirstAndEachRecordOnce() {
        CandidatePairs pairs = new CandidatePairs();
        pairs.add(0, 0, 80, 200); // 0.80
        pairs.add(0, 1, 95, 200); // 0.95
        pairs.add(1, 1, 90, 200); // 0.90
        pairs.add(1, 0, 85, 200); // 0.85
        List<Match> matches = GreedyMatching.solve(pairs, 2, 2);
        assertThat(matches).containsExactly(new Match(0, 1, 0.95), new Match(1, 0, 0.85));
    }

    @Test
    void breaksTiesByTheFileOrderOfAThenB() {
        CandidatePairs pairs = new CandidatePairs();
        pairs.add(2, 0, 90, 200);
        pairs.add(1, 1, 90, 200);
        pairs.add(1, 0, 90, 200);
        pairs.add(2, 1, 45, 100);
        List<Match> matches = GreedyMatching.solve(pairs, 3, 2);
        assertThat(matches).containsExactly(new Match(1, 0, 0.9), new Match(2, 1, 0.9));
    }

    @Test
    void resultDoesNotDependOnCandidateOrder() {
        CandidatePairs forward = new CandidatePairs();
        CandidatePairs backward = new CandidatePairs();
        int[][] raw = {{0, 0, 90}, {0, 1, 90}, {1, 0, 90}, {1, 1, 88}, {2, 2, 99}, {2, 1, 99}};
        for (int[] pair : raw) {
            forward.add(pair[0], pair[1], pair[2], 200);
        }
        for (int k = raw.length - 1; k >= 0; k--) {
            backward.add(raw[k][0], raw[k][1], raw[k][2], 200);
        }
        assertThat(GreedyMatching.solve(backward, 3, 3)).isEqualTo(GreedyMatching.solve(forward, 3, 3));
    }

    @Test
    void nearlyEqualSimilaritiesKeepTheirOrder() {
        CandidatePairs pairs = new CandidatePairs();
        pairs.add(0, 0, 800, 2000); // 0.4
        pairs.add(0, 1, 799, 1997); // 0.40010...
        assertThat(GreedyMatching.solve(pairs, 1, 2)).containsExactly(new Match(0, 1, 2.0 * 799 / 1997));
    }
}
