package org.opennrm.prevention.ads;

/** An analyst's judgement of an ad or a whole cluster after review. */
public enum Label {
    RELEVANT,
    NOT_RELEVANT,
    UNSURE
}
