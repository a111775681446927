package org.opennrm.assistance;

/** The questions of the person's feedback at closure, asked in the person's language. */
public enum FeedbackQuestion {
    FELT_SAFE,
    FELT_RESPECTED,
    UNDERSTOOD_RIGHTS,
    NEEDS_MET,
    WOULD_RECOMMEND
}
