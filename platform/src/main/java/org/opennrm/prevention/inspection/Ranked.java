package org.opennrm.prevention.inspection;

import java.util.List;

/**
 * A workplace's place in the ranking: its rank (1 first), the estimated probability that an inspection finds a
 * violation, and the factors of that estimate, the largest contributions first. Never shown without its factors.
 */
public record Ranked(int rank, Workplace workplace, double probability, List<Factor> factors) {

    public Ranked {
        if (factors == null || factors.isEmpty()) {
            throw new IllegalArgumentException("A rank needs its explanation");
        }
        factors = List.copyOf(factors);
    }
}
