package org.opennrm.statistics;

import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;

/**
 * What statistics must never do, compiled so that {@code ModularityTests} can show the build refusing it: read a
 * case file through the cases module's facade. Not a bean and never called; only its dependency is looked at.
 */
final class ForbiddenCaseRead {

    private final CaseManagement cases;

    ForbiddenCaseRead(CaseManagement cases) {
        this.cases = cases;
    }

    Object read(CaseId id) {
        return cases.read(id);
    }
}
