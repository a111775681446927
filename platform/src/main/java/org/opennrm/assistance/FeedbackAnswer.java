package org.opennrm.assistance;

/** An answer to one feedback question; the person may decline to answer. */
public enum FeedbackAnswer {
    YES,
    PARTLY,
    NO,
    NO_ANSWER
}
