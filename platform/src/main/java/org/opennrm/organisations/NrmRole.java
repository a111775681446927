package org.opennrm.organisations;

/**
 * What an organisation does in the NRM. An organisation can hold several roles; the identification
 * authority can be any organisation with that role, so that identification never depends on the police.
 */
public enum NrmRole {
    REFERRER,
    IDENTIFICATION_AUTHORITY,
    SERVICE_PROVIDER,
    NATIONAL_COORDINATOR,
    NATIONAL_RAPPORTEUR
}
