package org.opennrm.organisations;

/** A suspended organisation keeps its history but can no longer refer or receive referrals. */
public enum OrganisationStatus {
    ACTIVE,
    SUSPENDED
}
