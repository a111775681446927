package org.opennrm.monitoring.returns;

import java.util.ArrayList;
import java.util.List;
import org.opennrm.statistics.publishing.FactGroup;
import org.springframework.stereotype.Component;

/**
 * Eurostat's trafficking data collection and the yearly data the revised anti-trafficking Directive (EU) 2024/1712
 * asks for: registered victims (presumed and identified, with those who declined formal identification) by sex,
 * child or adult, citizenship (reporting country, other EU country, non-EU country, by the year's EU membership) and
 * form of exploitation, with the Directive's new forms (forced marriage, illegal adoption, exploitation of surrogacy)
 * as forms of their own and Eurostat's three published groups beside them; and by the sector of the registering
 * organisation. Persons formally identified in the period are counted apart, by child or adult.
 */
@Component
class EurostatReturn implements ReturnTemplate {

    static final String ID = "eurostat";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public OfficialReturn fill(
            List<FactGroup> facts, ReportingPeriod period, CountingRules rules, String reportingCountry) {
        var registered = Registered.in(facts, period, rules);
        String universe = "registered victims: " + Registered.describe(period, rules);
        boolean additiveForms = rules.forms() == CountingRules.FormRule.MAIN_FORM;
        List<Section> sections = new ArrayList<>();
        sections.add(Breakdown.of(
                "registration",
                "registration",
                universe,
                registered,
                Breakdown.single(group -> Codings.ANONYMOUS_NOTIFICATION.equals(group.event())
                        ? "DECLINED_FORMAL_IDENTIFICATION"
                        : "IN_THE_NRM"),
                List.of("IN_THE_NRM", "DECLINED_FORMAL_IDENTIFICATION"),
                true));
        sections.add(Breakdown.of(
                "sex",
                "sex",
                universe,
                registered,
                Breakdown.single(Codings::sex),
                List.of(Codings.FEMALE, Codings.MALE),
                true));
        sections.add(Breakdown.of(
                "age-group",
                "age group",
                universe,
                registered,
                Breakdown.single(Codings::ageGroup),
                List.of(Codings.CHILD, Codings.ADULT),
                true));
        sections.add(Breakdown.of(
                "citizenship-group",
                "citizenship group",
                universe,
                registered,
                Breakdown.single(group -> CitizenshipGroups.of(group.citizenship(), group.year(), reportingCountry)),
                List.of(CitizenshipGroups.REPORTING_COUNTRY, CitizenshipGroups.OTHER_EU, CitizenshipGroups.NON_EU),
                true));
        sections.add(Breakdown.of(
                "form",
                "form of exploitation",
                universe,
                registered,
                group -> Codings.forms(group, Codings::eurostatForm, rules),
                additiveForms ? with(Codings.EUROSTAT_FORMS, Codings.SEVERAL_FORMS) : Codings.EUROSTAT_FORMS,
                additiveForms));
        sections.add(Breakdown.of(
                "purpose",
                "purpose of exploitation",
                universe,
                registered,
                group -> Codings.forms(group, Codings::eurostatPurpose, rules),
                additiveForms ? with(Codings.EUROSTAT_PURPOSES, Codings.SEVERAL_FORMS) : Codings.EUROSTAT_PURPOSES,
                additiveForms));
        sections.add(Breakdown.of(
                "registering-sector",
                "sector of the registering organisation",
                universe,
                registered,
                Breakdown.single(FactGroup::registeringSector),
                List.of(),
                true));
        var identified = Registered.identified(facts, period);
        sections.add(Breakdown.of(
                "identified",
                "age group",
                "persons formally identified, " + period.first() + " to " + period.last(),
                identified,
                Breakdown.single(Codings::ageGroup),
                List.of(Codings.CHILD, Codings.ADULT),
                true));
        List<String> coverage = new ArrayList<>();
        coverage.add("Counting rules: " + rules.describe() + ".");
        Registered.coverage(rules, coverage);
        coverage.add("Formal identification decisions record only whether the person is a child: identified"
                + " persons are not broken down by sex, citizenship or form.");
        if (!additiveForms) {
            coverage.add("Forms of exploitation are counted under each form mentioned: a person with several forms is"
                    + " counted under each, so the forms add up to more than the persons.");
        }
        Registered.unknowns(sections, coverage);
        return Additivity.checked(new OfficialReturn(ID, period, rules, sections, coverage));
    }

    static List<String> with(List<String> categories, String more) {
        var all = new ArrayList<>(categories);
        all.add(more);
        return all;
    }
}
