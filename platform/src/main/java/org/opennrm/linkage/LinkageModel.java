package org.opennrm.linkage;

import org.springframework.modulith.NamedInterface;

/** How a completed linkage run decided that two records are the same person. */
@NamedInterface("runs")
public enum LinkageModel {
    /**
     * Field by field, with Fellegi-Sunter weights estimated from the lists themselves (no truth needed) and
     * common names counting less than rare ones; the threshold is a match probability.
     */
    FIELD,
    /** One Dice similarity between whole-record encodings (CLKs); the threshold is that similarity. */
    RECORD
}
