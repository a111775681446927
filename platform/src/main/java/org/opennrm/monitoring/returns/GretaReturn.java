package org.opennrm.monitoring.returns;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opennrm.statistics.publishing.FactGroup;
import org.springframework.stereotype.Component;

/**
 * The statistics GRETA (the Council of Europe's expert group) asks for in its 4th evaluation round questionnaire, as far
 * as the facts hold them: presumed victims (everyone registered: referred into the NRM or notified anonymously) by
 * sex, child or adult, citizenship (the reporting country or another), form of exploitation and where the person was
 * exploited (in the reporting country, abroad, or both: internal and transnational trafficking); persons formally
 * identified by child or adult; and the services GRETA asks about (residence permits, compensation claims, safe
 * voluntary return) by type. The questionnaire's statistical list is still to be confirmed against its text, and the
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

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> events() {
        return Set.of(
                Codings.REFERRAL, Codings.ANONYMOUS_NOTIFICATION, Codings.IDENTIFICATION_DECISION, SERVICE_DELIVERED);
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
        coverage.add("Services are counted as services started in the year, not persons: a person with two permits"
                + " is counted twice. Residence permits and compensation are counted as recorded in assistance"
                + " plans (applied for or granted is not told apart), and compensation granted and its amount are"
                + " not held.");
        coverage.add("Not held by the platform, so not in this return: recovery and reflection periods granted and"
                + " their length, non-punishment applied, the safety assessment of returns, and returns not arranged"
                + " through an assistance plan.");
        if (!additiveForms) {
            coverage.add("Forms of exploitation are counted under each form mentioned: a person with several forms is"
                    + " counted under each, so the forms add up to more than the persons.");
        }
        Registered.unknowns(sections, coverage);
        return Additivity.checked(new OfficialReturn(ID, period, rules, sections, coverage));
    }

    /** The reporting country's citizens, or another country's; null where no citizenship is recorded. */
    static String citizenship(FactGroup group, String reportingCountry) {
        if (group.citizenship() == null) {
            return null;
        }
        return reportingCountry.equals(group.citizenship()) ? CitizenshipGroups.REPORTING_COUNTRY : OTHER_COUNTRY;
    }
}
