package org.opennrm.monitoring.plan;

/** The four pillars under which an action plan groups its objectives (the "4P" of the Palermo Protocol's practice). */
public enum Pillar {
    PREVENTION,
    PROTECTION,
    PROSECUTION,
    PARTNERSHIP
}
