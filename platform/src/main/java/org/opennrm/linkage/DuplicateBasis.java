package org.opennrm.linkage;

/** On what a possible duplicate rests. */
public enum DuplicateBasis {
    /** The Dice similarity of the two persons' whole-record encodings, checked when the later case is referred. */
    DICE,
    /**
     * The match probability of the field-aware model, estimated on all the NRM's persons by the sweep that follows
     * referrals: names, date of birth, sex and citizenship compared one by one, common names counting less.
     */
    MODEL
}
