package org.opennrm.screening;

/** The three phases of the trafficking definition that the ILO/EC elements belong to. */
public enum Phase {
    RECRUITMENT,
    EXPLOITATION,
    DESTINATION
}
