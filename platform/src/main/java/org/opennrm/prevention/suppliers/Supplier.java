package org.opennrm.prevention.suppliers;

import java.time.Instant;
import java.util.UUID;

/**
 * A supplier of the office and the result of its last screening: not screened yet, clear, with candidate matches to
 * review, or matched (a reviewer confirmed it is a listed employer).
 */
public record Supplier(UUID id, String reference, String name, String country, Result result, Instant screenedAt) {

    public enum Result {
        NOT_SCREENED,
        CLEAR,
        TO_REVIEW,
        MATCHED
    }
}
