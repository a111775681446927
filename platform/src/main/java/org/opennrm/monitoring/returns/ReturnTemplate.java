package org.opennrm.monitoring.returns;

import java.util.List;
import java.util.Set;
import org.opennrm.statistics.publishing.FactGroup;

/**
 * A body's return: which facts it counts and how it breaks them down. Filling it is a pure function of the fact groups
 * of the period, so that every cell can be recomputed and traced.
 */
interface ReturnTemplate {

    /** The return's code in URLs and files, e.g. {@code eurostat}. */
    String id();

    /** The event kinds the return counts from. */
    default Set<String> events() {
        return Codings.EVENTS;
    }

    /** The return for the period under the rules, from the fact groups of (at least) the period. */
    OfficialReturn fill(List<FactGroup> facts, ReportingPeriod period, CountingRules rules, String reportingCountry);
}
