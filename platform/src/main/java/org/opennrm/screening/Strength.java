package org.opennrm.screening;

/** How strongly an ILO/EC indicator points to its element, as graded in the Delphi survey. */
public enum Strength {
    STRONG,
    MEDIUM,
    WEAK
}
