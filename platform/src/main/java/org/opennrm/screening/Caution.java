package org.opennrm.screening;

/** Something the screener must keep in mind when reading a result. */
public enum Caution {
    /** The combination rule or the strengths have not been checked against the ILO/EC publication. */
    UNVERIFIED_RULE,
    /** Sexual exploitation was suspected, but the ILO/EC sexual-exploitation lists are not in the catalogue. */
    SEXUAL_EXPLOITATION_LIST_MISSING,
    /** The age was not known, and the person was assessed as a child until their age is established. */
    AGE_UNKNOWN_ASSESSED_AS_CHILD,
    /** The age was not known, and the person was assessed as an adult as configured. */
    AGE_UNKNOWN_ASSESSED_AS_ADULT,
    /** Some questions were answered "don't know" or left unanswered: more facts may change the result. */
    ANSWERS_MISSING,
    /** For a child, no means (force, deception, abuse of vulnerability) are needed: Palermo Protocol art. 3(c). */
    CHILD_NO_MEANS_NEEDED,
    /**
     * The checklist (a sector checklist added in the pages) has no questions from the ILO/EC list of the person's age
     * group: no indicator could be counted, so the suggestion says nothing about this person.
     */
    LIST_NOT_IN_CHECKLIST
}
