package org.opennrm.linkage.matching;

/** How candidate pairs are found. */
public enum Mode {
    /** Every pair at or above the threshold, as an all-pairs loop would find. */
    EXACT,
    /** Candidates from locality-sensitive hashing over the encoding bits, each verified exactly. */
    BLOCKED
}
