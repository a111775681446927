package org.opennrm.cases;

/**
 * What a referral to a service shares, chosen per referral on a need-to-know basis: the name and languages, the
 * trafficking profile (forms, sex, age category), the health needs the sender writes on the referral, and the case's
 * documents (each download logged as a read of the case). The
 * criminal-justice track is deliberately not a scope: it is never shared with a service provider.
 */
public enum SharingScope {
    IDENTITY_BASIC,
    PROFILE,
    HEALTH_NEEDS,
    DOCUMENTS
}
