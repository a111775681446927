package org.opennrm.monitoring.returns;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opennrm.statistics.publishing.FactGroup;
import org.opennrm.statistics.publishing.ReturnReleases.ReleaseTable;
import org.springframework.stereotype.Component;

/**
 * The statistics GRETA (the Council of Europe's expert group) asks for in its 4th evaluation round questionnaire, as far
 * as the facts hold them: presumed victims (everyone registered: referred into the NRM or notified anonymously) by
 * sex, child or adult, citizenship (the reporting country or another), form of exploitation and where the person was
 * exploited (in the reporting country, abroad, or both: internal and transnational trafficking); persons formally
 * identified by child or adult; the services GRETA asks about (residence permits, compensation claims, safe
 * voluntary return) by type; recovery and reflection periods granted by length; residence permits applied for,
 * granted and refused; compensation claimed and awarded; non-punishment applied; returns with or without a safety
 * assessment. The questionnaire's statistical list is still to be confirmed against its text, and the
 * coverage statement says so.
 */
@Component
class GretaReturn implements ReturnTemplate {

    static final String ID = "greta";

    static final String OTHER_COUNTRY = "OTHER_COUNTRY";

    /** The services GRETA asks about, as the assistance catalogue records them. */
    static final List<String> SERVICES = List.of(
            "TEMPORARY_RESIDENCE_PERMIT",
            "PERMANENT_RESIDENCE_PERMIT",
            "COMPENSATION_CLAIM_OFFENDER",
            "COMPENSATION_CLAIM_STATE_FUND",
            "SAFE_VOLUNTARY_RETURN");

    static final String SERVICE_DELIVERED = "SERVICE_DELIVERED";
    static final String SERVICE_RESULT = "SERVICE_RESULT";
    static final String RECOVERY_PERIOD_GRANTED = "RECOVERY_PERIOD_GRANTED";
    static final String NON_PUNISHMENT = "NON_PUNISHMENT";

    static final List<String> PERMITS = List.of("TEMPORARY_RESIDENCE_PERMIT", "PERMANENT_RESIDENCE_PERMIT");
    static final List<String> COMPENSATION = List.of("COMPENSATION_CLAIM_OFFENDER", "COMPENSATION_CLAIM_STATE_FUND");
    static final String RETURN = "SAFE_VOLUNTARY_RETURN";

    /** The lengths of recovery and reflection periods, as statistics counts them (statistics.Fact.PERIOD_BANDS). */
    static final List<String> PERIOD_BANDS =
            List.of("DAYS_UP_TO_30", "DAYS_31_TO_60", "DAYS_61_TO_90", "DAYS_91_TO_180", "DAYS_OVER_180");

    static final String GRANTED = "GRANTED";
    static final String REFUSED = "REFUSED";
    static final String AWARDED = "AWARDED";
    static final List<String> RETURN_ASSESSMENT = List.of("SAFETY_ASSESSED", "NOT_SAFETY_ASSESSED");
    static final List<String> NON_PUNISHMENT_GROUNDS = List.of("DIRECT_RESULT", "NOT_DIRECT_RESULT");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> events() {
        return Set.of(
                Codings.REFERRAL,
                Codings.ANONYMOUS_NOTIFICATION,
                Codings.IDENTIFICATION_DECISION,
                SERVICE_DELIVERED,
                SERVICE_RESULT,
                RECOVERY_PERIOD_GRANTED,
                NON_PUNISHMENT);
    }

    @Override
    public OfficialReturn fill(
            List<FactGroup> facts, ReportingPeriod period, CountingRules rules, String reportingCountry) {
        var presumed = Registered.in(facts, period, rules);
        String universe = "presumed victims: " + Registered.describe(period, rules);
        boolean additiveForms = rules.forms() == CountingRules.FormRule.MAIN_FORM;
        List<Section> sections = new ArrayList<>();
        sections.add(Breakdown.of(
                "sex",
                "sex",
                universe,
                presumed,
                Breakdown.single(Codings::sex),
                List.of(Codings.FEMALE, Codings.MALE),
                true));
        sections.add(Breakdown.of(
                "age-group",
                "age group",
                universe,
                presumed,
                Breakdown.single(Codings::ageGroup),
                List.of(Codings.CHILD, Codings.ADULT),
                true));
        sections.add(Breakdown.of(
                "citizenship-own",
                "citizenship",
                universe,
                presumed,
                Breakdown.single(group -> citizenship(group, reportingCountry)),
                List.of(CitizenshipGroups.REPORTING_COUNTRY, OTHER_COUNTRY),
                true));
        sections.add(Breakdown.of(
                "form",
                "form of exploitation",
                universe,
                presumed,
                group -> Codings.forms(group, Codings::eurostatForm, rules),
                additiveForms
                        ? EurostatReturn.with(Codings.EUROSTAT_FORMS, Codings.SEVERAL_FORMS)
                        : Codings.EUROSTAT_FORMS,
                additiveForms));
        sections.add(Breakdown.of(
                "exploitation-location",
                "country of exploitation against the reporting country",
                universe,
                presumed,
                Breakdown.single(group -> UkNrmQuarterlyTable.location(group, reportingCountry)),
                UkNrmQuarterlyTable.LOCATIONS,
                true));
        sections.add(Breakdown.of(
                "identified",
                "age group",
                "persons formally identified, " + period.first() + " to " + period.last(),
                Registered.identified(facts, period),
                Breakdown.single(Codings::ageGroup),
                List.of(Codings.CHILD, Codings.ADULT),
                true));
        var services = facts.stream()
                .filter(group -> SERVICE_DELIVERED.equals(group.event())
                        && period.contains(group.monthIndex())
                        && SERVICES.contains(group.serviceType()))
                .toList();
        sections.add(Breakdown.of(
                "assistance",
                "service",
                "services started (residence permits, compensation claims, safe voluntary return), " + period.first()
                        + " to " + period.last(),
                services,
                Breakdown.single(FactGroup::serviceType),
                SERVICES,
                true));
        String between = period.first() + " to " + period.last();
        var recovery = of(facts, period, RECOVERY_PERIOD_GRANTED, group -> true);
        sections.add(Breakdown.of(
                "recovery-periods",
                "length of the period",
                "recovery and reflection periods granted (positive preliminary decisions), " + between,
                recovery,
                Breakdown.single(FactGroup::periodBand),
                PERIOD_BANDS,
                true));
        sections.add(Breakdown.of(
                "recovery-periods-age",
                "age group",
                "recovery and reflection periods granted (positive preliminary decisions), " + between,
                recovery,
                Breakdown.single(Codings::ageGroup),
                List.of(Codings.CHILD, Codings.ADULT),
                true));
        sections.add(Breakdown.of(
                "permits-applied",
                "kind of permit",
                "residence permits applied for (every permit recorded, whatever its result), " + between,
                of(facts, period, SERVICE_DELIVERED, group -> PERMITS.contains(group.serviceType())),
                Breakdown.single(FactGroup::serviceType),
                PERMITS,
                true));
        sections.add(Breakdown.of(
                "permits-granted",
                "kind of permit",
                "residence permits granted (recorded as granted, or granted later on an application), " + between,
                decided(facts, period, PERMITS, GRANTED),
                Breakdown.single(FactGroup::serviceType),
                PERMITS,
                true));
        sections.add(Breakdown.of(
                "permits-refused",
                "kind of permit",
                "residence permits refused, " + between,
                decided(facts, period, PERMITS, REFUSED),
                Breakdown.single(FactGroup::serviceType),
                PERMITS,
                true));
        sections.add(Breakdown.of(
                "compensation-claimed",
                "kind of claim",
                "compensation claimed (every claim recorded, whatever its result), " + between,
                of(facts, period, SERVICE_DELIVERED, group -> COMPENSATION.contains(group.serviceType())),
                Breakdown.single(FactGroup::serviceType),
                COMPENSATION,
                true));
        sections.add(Breakdown.of(
                "compensation-granted",
                "kind of claim",
                "compensation awarded (recorded as awarded, or awarded later on a claim), " + between,
                decided(facts, period, COMPENSATION, AWARDED),
                Breakdown.single(FactGroup::serviceType),
                COMPENSATION,
                true));
        sections.add(Breakdown.of(
                "non-punishment",
                "ground recorded",
                "offences to which the non-punishment principle was applied, " + between,
                of(facts, period, NON_PUNISHMENT, group -> true),
                Breakdown.single(FactGroup::decisionOutcome),
                NON_PUNISHMENT_GROUNDS,
                true));
        sections.add(Breakdown.of(
                "returns",
                "assessment of the risks of return",
                "safe voluntary returns arranged through an assistance plan, " + between,
                of(facts, period, SERVICE_DELIVERED, group -> RETURN.equals(group.serviceType())),
                Breakdown.single(FactGroup::decisionOutcome),
                RETURN_ASSESSMENT,
                true));
        List<String> coverage = new ArrayList<>();
        coverage.add("Counting rules: " + rules.describe() + ".");
        coverage.add("GRETA's statistical list (4th evaluation round questionnaire, adopted 30 June 2023) is to be"
                + " confirmed against the questionnaire's text: this return holds what the platform's facts hold.");
        Registered.coverage(rules, coverage);
        coverage.add("Presumed victims are every person registered in the year (presumed and identified alike);"
                + " formal identification decisions record only whether the person is a child, so identified persons"
                + " are not broken down by sex, citizenship or form.");
        coverage.add("Internal or transnational trafficking is read from the countries of exploitation recorded"
                + " against the reporting country (in the country, abroad, or both); a citizen of another country"
                + " exploited only in the reporting country is counted as exploited in the country.");
        coverage.add("Published, the return is read from released national tables, which count a person exploited in"
                + " several countries once: such persons are published as not known, not as in the country and"
                + " overseas.");
        coverage.add("Services are counted as services started in the year, not persons: a person with two permits"
                + " is counted twice.");
        coverage.add("Now counted from the platform's facts: recovery and reflection periods granted by positive"
                + " preliminary decisions, by length (bands of days) and child or adult; residence permits applied"
                + " for (every permit recorded, in the month it started), granted and refused (in the month recorded"
                + " or decided), by kind; compensation claimed and awarded, by kind of claim; offences to which the"
                + " non-punishment principle was applied; safe voluntary returns with or without an assessment of"
                + " their risks.");
        coverage.add("Permits, claims and returns recorded before their result was asked for have no result in the"
                + " facts: they are counted as applied for or claimed, and returns among them under unknown; a"
                + " decision is counted in the year it was taken, which may differ from the year of the application.");
        coverage.add("Still not held by the platform, so not in this return: the amount of compensation, recovery"
                + " periods extended or ended early, returns not arranged through an assistance plan (including"
                + " forced returns), and whether a person who received a permit had co-operated with the authorities"
                + " (assistance never asks).");
        if (!additiveForms) {
            coverage.add("Forms of exploitation are counted under each form mentioned: a person with several forms is"
                    + " counted under each, so the forms add up to more than the persons.");
        }
        Registered.unknowns(sections, coverage);
        return Additivity.checked(new OfficialReturn(ID, period, rules, sections, coverage));
    }

    /** The facts of an event in the period that the filter keeps. */
    static List<FactGroup> of(
            List<FactGroup> facts, ReportingPeriod period, String event, java.util.function.Predicate<FactGroup> keep) {
        return facts.stream()
                .filter(group -> event.equals(group.event()) && period.contains(group.monthIndex()) && keep.test(group))
                .toList();
    }

    /**
     * Permits or claims of the types with the result in the period: recorded with it when the service was recorded,
     * or decided later on an application or claim (each decision is one fact, counted once).
     */
    static List<FactGroup> decided(List<FactGroup> facts, ReportingPeriod period, List<String> types, String result) {
        return facts.stream()
                .filter(group -> (SERVICE_DELIVERED.equals(group.event()) || SERVICE_RESULT.equals(group.event()))
                        && period.contains(group.monthIndex())
                        && types.contains(group.serviceType())
                        && result.equals(group.decisionOutcome()))
                .toList();
    }

    /** The reporting country's citizens, or another country's; null where no citizenship is recorded. */
    static String citizenship(FactGroup group, String reportingCountry) {
        return citizenship(group.citizenship(), reportingCountry);
    }

    /** Own country or other, of a citizenship code; null where not known. */
    static String citizenship(String code, String reportingCountry) {
        if (code == null) {
            return null;
        }
        return reportingCountry.equals(code) ? CitizenshipGroups.REPORTING_COUNTRY : OTHER_COUNTRY;
    }

    /**
     * In the country or abroad, of one country of exploitation as the national tables give it; null for none or for
     * several ({@code MULTIPLE}: the tables count a person with several countries once, so "in the country and abroad"
     * cannot be told from "in two countries abroad").
     */
    static String location(String code, String reportingCountry) {
        if (code == null || "MULTIPLE".equals(code)) {
            return null;
        }
        return reportingCountry.equals(code) ? UkNrmQuarterlyTable.DOMESTIC : UkNrmQuarterlyTable.OVERSEAS;
    }

    /**
     * The released tables the rest of the published return is read from (after presumed and identified victims): services
     * started by type and their results, the later decisions on permits and claims, recovery and reflection periods
     * by length and age group, and offences under the non-punishment principle. Each figure is a row total or a cell of
     * these tables, so a figure made from a withheld cell is withheld.
     */
    static List<ReleaseSources.Source> releaseSources(String from, String to) {
        var delivered = new ReleaseTable("service", "decision-outcome", SERVICE_DELIVERED, from, to);
        var decided = new ReleaseTable("service", "decision-outcome", SERVICE_RESULT, from, to);
        List<ReleaseSources.Reading> onDelivered = new ArrayList<>(List.of(
                ReleaseSources.Reading.someRows(
                        List.of("assistance"), row -> SERVICES.contains(row) ? new String[] {"assistance", row} : null),
                ReleaseSources.Reading.someRows(
                        List.of("permits-applied"),
                        row -> PERMITS.contains(row) ? new String[] {"permits-applied", row} : null),
                ReleaseSources.Reading.someRows(
                        List.of("compensation-claimed"),
                        row -> COMPENSATION.contains(row) ? new String[] {"compensation-claimed", row} : null),
                ReleaseSources.Reading.someCells(
                        List.of("returns"),
                        (row, column) -> RETURN.equals(row)
                                ? new String[] {"returns", RETURN_ASSESSMENT.contains(column) ? column : null}
                                : null)));
        onDelivered.addAll(decisions());
        return List.of(
                new ReleaseSources.Source(delivered, onDelivered),
                new ReleaseSources.Source(decided, decisions()),
                new ReleaseSources.Source(
                        new ReleaseTable("period-band", "age-group", RECOVERY_PERIOD_GRANTED, from, to),
                        List.of(
                                ReleaseSources.Reading.rows(
                                        "recovery-periods", code -> PERIOD_BANDS.contains(code) ? code : null),
                                ReleaseSources.Reading.columns("recovery-periods-age", Codings::ageGroup))),
                new ReleaseSources.Source(
                        new ReleaseTable("decision-outcome", "year", NON_PUNISHMENT, from, to),
                        List.of(ReleaseSources.Reading.rows(
                                "non-punishment", code -> NON_PUNISHMENT_GROUNDS.contains(code) ? code : null))));
    }

    /* permits granted and refused, compensation awarded: recorded with the service, or decided on it later */
    private static List<ReleaseSources.Reading> decisions() {
        return List.of(
                ReleaseSources.Reading.someCells(
                        List.of("permits-granted"),
                        (row, column) -> PERMITS.contains(row) && GRANTED.equals(column)
                                ? new String[] {"permits-granted", row}
                                : null),
                ReleaseSources.Reading.someCells(
                        List.of("permits-refused"),
                        (row, column) -> PERMITS.contains(row) && REFUSED.equals(column)
                                ? new String[] {"permits-refused", row}
                                : null),
                ReleaseSources.Reading.someCells(
                        List.of("compensation-granted"),
                        (row, column) -> COMPENSATION.contains(row) && AWARDED.equals(column)
                                ? new String[] {"compensation-granted", row}
                                : null));
    }
}
