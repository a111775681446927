package org.opennrm.prevention.ads;

/**
 * Who may do what with ads: the ad analysts of the organisation that imported them screen, review and label them
 * ({@code ads:screening} at scope organisation); whoever reads prevention evidence sees only the disclosure-controlled
 * counts.
 */
final class AdsAccess {

    static final String SCREEN = "hasAuthority('ads:screening:organisation')";
    static final String AGGREGATES = "hasAnyAuthority('statistics:read:all', 'prevention:read:all')";

    private AdsAccess() {}
}
