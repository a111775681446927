package org.opennrm.monitoring.returns;

import java.util.ArrayList;
import java.util.List;
import org.opennrm.statistics.publishing.FactGroup;
import org.springframework.stereotype.Component;

/**
 * SDG indicator 16.2.2, the number of victims of trafficking per 100,000 population, by sex, age and form (and, as
 * several countries publish it, by country of exploitation). The counts are detected victims; the rates are computed
 * with the population of the year ({@link Population}) and written in an open-sdg layout ({@link OpenSdgLayout}).
 * UNODC's definition also counts undetected victims: the return says that it does not.
 */
@Component
class Sdg1622Return implements ReturnTemplate {

    static final String ID = "sdg-16-2-2";

    /** The coverage line of a return without an estimated total (replaced by the estimate's when it has one). */
    static final String DETECTED_ONLY = "Victims detected by the NRM only: the undetected victims that the indicator's"
            + " definition includes are not estimated here.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public OfficialReturn fill(
            List<FactGroup> facts, ReportingPeriod period, CountingRules rules, String reportingCountry) {
        var detected = Registered.in(facts, period, rules);
        String universe = "detected victims: " + Registered.describe(period, rules);
        boolean additiveForms = rules.forms() == CountingRules.FormRule.MAIN_FORM;
        List<Section> sections = new ArrayList<>();
        sections.add(Breakdown.of(
                "sex", "sex", universe, detected, Breakdown.single(Codings::sex), UnodcReturn.SEXES, true));
        sections.add(Breakdown.of(
                "age-group",
                "age group",
                universe,
                detected,
                Breakdown.single(Codings::ageGroup),
                UnodcReturn.AGES,
                true));
        sections.add(Breakdown.of(
                "form",
                "form of exploitation",
                universe,
                detected,
                group -> Codings.forms(group, form -> form, rules),
                additiveForms ? List.of(Codings.SEVERAL_FORMS) : List.of(),
                additiveForms));
        sections.add(Breakdown.of(
                "destination",
                "country of exploitation",
                universe,
                detected,
                Breakdown.single(Codings::destination),
                List.of(),
                true));
        List<String> coverage = new ArrayList<>();
        coverage.add("Counting rules: " + rules.describe() + ".");
        coverage.add(DETECTED_ONLY);
        Registered.coverage(rules, coverage);
        Registered.unknowns(sections, coverage);
        return Additivity.checked(new OfficialReturn(ID, period, rules, sections, coverage));
    }
}
