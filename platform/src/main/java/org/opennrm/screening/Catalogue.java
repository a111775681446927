package org.opennrm.screening;

import java.util.List;

/**
 * A versioned indicator catalogue shipped with the platform. Its version changes whenever its data
 * changes, and every screening keeps the version it was assessed against, so that a result can still
 * be explained after the catalogue is updated. {@code missing} names lists the source has that this
 * catalogue does not hold.
 */
public record Catalogue(
        String id,
        String version,
        String title,
        String source,
        Verification verification,
        List<String> missing,
        String notes,
        List<Indicator> items) {

    public Catalogue {
        missing = List.copyOf(missing);
        items = List.copyOf(items);
    }
}
