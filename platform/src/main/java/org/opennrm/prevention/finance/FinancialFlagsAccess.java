package org.opennrm.prevention.finance;

/**
 * Who may do what with financial red flags: the unit's analysts code and read their own unit's reports (scope
 * organisation); whoever reads prevention evidence sees only the feedback statistics after the minimum-count rule.
 */
final class FinancialFlagsAccess {

    static final String CODE = "hasAuthority('financial:flags:organisation')";
    static final String STATISTICS = "hasAnyAuthority('financial:flags:organisation', 'prevention:read:all')";

    private FinancialFlagsAccess() {}
}
