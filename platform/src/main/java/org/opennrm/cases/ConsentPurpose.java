package org.opennrm.cases;

import org.springframework.modulith.NamedInterface;

/** What a person consents to, one purpose at a time. Sharing is always with a named organisation. */
@NamedInterface("events")
public enum ConsentPurpose {
    ASSISTANCE,
    SHARING,
    STATISTICS,
    POLICE_CONTACT
}
