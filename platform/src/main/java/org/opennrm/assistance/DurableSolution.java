package org.opennrm.assistance;

/** The durable solution a case closes with. */
public enum DurableSolution {
    INTEGRATION_IN_COUNTRY,
    RETURN_TO_COUNTRY_OF_ORIGIN,
    RELOCATION_TO_THIRD_COUNTRY
}
