package org.opennrm.assistance;

/** How pressing a need is, from none to urgent. */
public enum NeedLevel {
    NONE,
    LOW,
    MEDIUM,
    HIGH,
    URGENT
}
