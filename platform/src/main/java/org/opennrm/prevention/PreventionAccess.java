package org.opennrm.prevention;

/**
 * Who may read prevention evidence: those who read national statistics (co-ordinators, statisticians) and prevention
 * officers. Reviewing an early-warning flag stays with the readers of national statistics, as the co-ordinator's
 * duty; registering campaigns and importing their surveys needs {@code campaign:manage:all}.
 */
final class PreventionAccess {

    static final String READ = "hasAnyAuthority('statistics:read:all', 'prevention:read:all')";
    static final String MANAGE_CAMPAIGNS = "hasAuthority('campaign:manage:all')";

    private PreventionAccess() {}
}
