package org.opennrm.prevention.inspection;

/**
 * Who may use the inspection targeting: the inspectorate's planners ({@code inspection:targeting:organisation}), on
 * their own organisation's data only; those who read prevention evidence see the aggregates.
 */
final class InspectionAccess {

    static final String TARGETING = "hasAuthority('inspection:targeting:organisation')";
    static final String AGGREGATES = "hasAnyAuthority('prevention:read:all', 'statistics:read:all')";

    private InspectionAccess() {}
}
