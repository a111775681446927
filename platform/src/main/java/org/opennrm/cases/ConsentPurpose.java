package org.opennrm.cases;

/** What a person consents to, one purpose at a time. Sharing is always with a named organisation. */
public enum ConsentPurpose {
    ASSISTANCE,
    SHARING,
    STATISTICS,
    POLICE_CONTACT
}
