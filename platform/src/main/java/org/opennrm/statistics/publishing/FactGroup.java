package org.opennrm.statistics.publishing;

import java.util.Set;

/**
 * Facts that share every code an official return can break down by, with how many there are: the unit a return is
 * counted from. Codes only, as the facts hold them (null where not recorded); never a person.
 *
 * @param event the event kind counted, e.g. {@code REFERRAL}
 * @param child true for a child, false for an adult, null when not known
 * @param citizenship ISO 3166-1 alpha-3
 * @param forms every form of exploitation recorded
 * @param exploitationCountries ISO 3166-1 alpha-3, every country of exploitation recorded
 * @param registeringSector the sector of the organisation that registered the person (referred them into the NRM)
 * @param statisticsConsent whether the persons agreed to use in statistics (null where not asked)
 * @param decisionOutcome an identification decision's outcome; for services and decisions on them the result of a
 *     permit, a compensation claim or a return; for non-punishment whether the offence was a direct result of being
 *     trafficked
 * @param serviceType the type of service delivered, for services delivered and decisions on them (null for others)
 * @param periodBand the length of a recovery and reflection period granted, as a band of days (null for others)
 * @param facts how many facts share these codes
 */
public record FactGroup(
        String event,
        int year,
        int month,
        String sex,
        Boolean child,
        String citizenship,
        Set<String> forms,
        Set<String> exploitationCountries,
        String registeringSector,
        String decisionOutcome,
        Boolean statisticsConsent,
        String serviceType,
        String periodBand,
        long facts) {

    public FactGroup {
        forms = forms == null ? Set.of() : Set.copyOf(forms);
        exploitationCountries = exploitationCountries == null ? Set.of() : Set.copyOf(exploitationCountries);
        if (facts < 0) {
            throw new IllegalArgumentException("a group cannot hold fewer than no facts");
        }
    }

    /** A group of facts of an event that is not a recovery period granted. */
    public FactGroup(
            String event,
            int year,
            int month,
            String sex,
            Boolean child,
            String citizenship,
            Set<String> forms,
            Set<String> exploitationCountries,
            String registeringSector,
            String decisionOutcome,
            Boolean statisticsConsent,
            String serviceType,
            long facts) {
        this(
                event,
                year,
                month,
                sex,
                child,
                citizenship,
                forms,
                exploitationCountries,
                registeringSector,
                decisionOutcome,
                statisticsConsent,
                serviceType,
                null,
                facts);
    }

    /** A group of facts of an event that is not a service delivered. */
    public FactGroup(
            String event,
            int year,
            int month,
            String sex,
            Boolean child,
            String citizenship,
            Set<String> forms,
            Set<String> exploitationCountries,
            String registeringSector,
            String decisionOutcome,
            Boolean statisticsConsent,
            long facts) {
        this(
                event,
                year,
                month,
                sex,
                child,
                citizenship,
                forms,
                exploitationCountries,
                registeringSector,
                decisionOutcome,
                statisticsConsent,
                null,
                null,
                facts);
    }

    /** The month counted from year 0, so that a period is a range of whole numbers. */
    public int monthIndex() {
        return year * 12 + month - 1;
    }
}
