package org.opennrm.prevention.suppliers;

import java.time.Instant;
import java.util.UUID;

/**
 * A candidate match of a supplier with a listed employer, found by name similarity and country, and its review: a
 * person confirms it or dismisses it with a reason. Until then it is only a candidate, never a finding.
 */
public record SupplierMatch(
        UUID id,
        UUID supplierId,
        String supplierName,
        String supplierCountry,
        String employerName,
        String employerCountry,
        String listName,
        String listUrl,
        double similarity,
        Status status,
        String reason,
        Instant reviewedAt) {

    public enum Status {
        PENDING,
        CONFIRMED,
        DISMISSED
    }

    /** A reviewer's decision. */
    public enum Decision {
        CONFIRM,
        DISMISS
    }
}
