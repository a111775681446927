package org.opennrm.assistance;

import org.springframework.modulith.NamedInterface;

/** The durable solution a case closes with. */
@NamedInterface("events")
public enum DurableSolution {
    INTEGRATION_IN_COUNTRY,
    RETURN_TO_COUNTRY_OF_ORIGIN,
    RELOCATION_TO_THIRD_COUNTRY
}
