package org.opennrm.access;

import org.springframework.modulith.NamedInterface;

/** How far a permission reaches: the holder's own records, their organisation's, or everyone's. */
@NamedInterface("actor")
public enum Scope {
    OWN,
    ORGANISATION,
    ALL;

    /** The authority suffix, as in {@code agreements:read:organisation}. */
    String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    boolean covers(Scope other) {
        return compareTo(other) >= 0;
    }
}
