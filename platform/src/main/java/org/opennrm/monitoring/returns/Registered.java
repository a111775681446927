package org.opennrm.monitoring.returns;

import java.util.List;
import org.opennrm.statistics.publishing.FactGroup;

/**
 * Who a return counts as a registered (or detected) victim in a period: Eurostat's "registered victim" is a person
 * formally identified, or who met the criteria without being formally identified, or who declined to be; in the NRM
 * that is everyone referred into it (presumed and identified alike) and everyone notified anonymously because they
 * declined a referral.
 */
final class Registered {

    private Registered() {}

    /**
     * By year of registration: referrals and anonymous notifications in the period. By year of decision: positive
     * preliminary decisions (reasonable grounds; each person referred has one) and anonymous notifications in the
     * period.
     */
    static List<FactGroup> in(List<FactGroup> facts, ReportingPeriod period, CountingRules rules) {
        return facts.stream()
                .filter(group -> period.contains(group.monthIndex()))
                .filter(group -> switch (group.event()) {
                    case Codings.ANONYMOUS_NOTIFICATION -> true;
                    case Codings.REFERRAL -> rules.year() == CountingRules.YearBasis.REGISTRATION;
                    case Codings.IDENTIFICATION_DECISION ->
                        rules.year() == CountingRules.YearBasis.DECISION
                                && "PRESUMED_VICTIM".equals(group.decisionOutcome());
                    default -> false;
                })
                .toList();
    }

    static String describe(ReportingPeriod period, CountingRules rules) {
        return (rules.year() == CountingRules.YearBasis.REGISTRATION
                        ? "persons referred into the NRM or notified anonymously"
                        : "persons with a positive preliminary decision or notified anonymously")
                + ", " + period.first() + " to " + period.last();
    }

    /** Persons formally identified (a positive formal decision) in the period. */
    static List<FactGroup> identified(List<FactGroup> facts, ReportingPeriod period) {
        return facts.stream()
                .filter(group -> period.contains(group.monthIndex()))
                .filter(group -> Codings.IDENTIFICATION_DECISION.equals(group.event())
                        && "IDENTIFIED".equals(group.decisionOutcome()))
                .toList();
    }

    /** What every return built on registered persons states about what it leaves out (no count: these are published). */
    static void coverage(CountingRules rules, List<String> coverage) {
        coverage.add("Counts include every person registered, also those who did not agree to use of their data in"
                + " statistics: a count is not a record about them.");
        if (rules.year() == CountingRules.YearBasis.DECISION) {
            coverage.add("Counted by the year of the preliminary decision: decisions record only whether the person"
                    + " is a child, so sex, citizenship, form and registering organisation are unknown for them.");
        }
        coverage.add("Persons notified anonymously declined a referral: no registering organisation is recorded for"
                + " them.");
    }

    /** A sentence per breakdown with persons whose category was not recorded. */
    static void unknowns(List<Section> sections, List<String> coverage) {
        unknowns(sections.stream().map(Section::key).toList(), Figures.of(sections), coverage);
    }

    /** The same from figures (published ones: a withheld unknown is not mentioned). */
    static void unknowns(List<String> sections, Figures figures, List<String> coverage) {
        for (String section : sections) {
            Long unknown = figures.count(section, ReturnCell.UNKNOWN);
            Long total = figures.total(section);
            if (unknown != null && unknown > 0 && total != null) {
                coverage.add(section + ": not recorded for " + unknown + " of " + total + ", shown as unknown.");
            }
        }
    }
}
