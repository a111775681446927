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

    /** The months the return for a year covers: the calendar year unless the body says otherwise. */
    default ReportingPeriod period(int year) {
        return ReportingPeriod.year(year);
    }

    /** The calendar year of the agencies' criminal-justice figures shown beside the return for a year. */
    default int agencyYear(int year) {
        return year;
    }

    /**
     * The quarters whose approved figures the return takes from an agency before its calendar year, where all of them
     * are approved (the TIP report's April to March); none for returns by calendar year.
     */
    default List<AgencyPeriod> agencyQuarters(int year) {
        return List.of();
    }

    /** The event kinds the return counts from. */
    default Set<String> events() {
        return Codings.EVENTS;
    }

    /** The return for the period under the rules, from the fact groups of (at least) the period. */
    OfficialReturn fill(List<FactGroup> facts, ReportingPeriod period, CountingRules rules, String reportingCountry);
}
