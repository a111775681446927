package org.opennrm.monitoring.plan.body;

/** An organisation's place in the co-ordinating body: it chairs it, sits in it, or follows it without a vote. */
public enum BodyRole {
    CHAIR,
    MEMBER,
    OBSERVER
}
