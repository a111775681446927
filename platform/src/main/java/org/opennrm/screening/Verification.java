package org.opennrm.screening;

import java.util.Locale;

/**
 * How far a catalogue item or rule has been checked against its primary source. Shown to screeners
 * wherever a result depends on it, so that nobody mistakes an unverified rule for an official one.
 */
public enum Verification {
    /** Read in the official text or repository. */
    VERIFIED,
    /** Read in an independent copy, not in the primary text. */
    CORROBORATED,
    /** Most items of a catalogue corroborated, some not. */
    PARTLY_CORROBORATED,
    /** A catalogue whose items differ in status. */
    MIXED,
    /** From a secondary synthesis or recollection: to be checked before it is relied on. */
    UNVERIFIED;

    /** The status of one row from the start of its verification note ("corroborated: 3rd-party copy"). */
    static Verification ofNote(String note) {
        String start = note.strip().toLowerCase(Locale.ROOT);
        if (start.startsWith("unverified")) {
            return UNVERIFIED;
        }
        if (start.startsWith("verified")) {
            return VERIFIED;
        }
        if (start.startsWith("corroborated")) {
            return CORROBORATED;
        }
        return UNVERIFIED;
    }
}
