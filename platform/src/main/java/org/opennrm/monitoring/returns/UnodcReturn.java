package org.opennrm.monitoring.returns;

import java.util.ArrayList;
import java.util.List;
import org.opennrm.statistics.publishing.FactGroup;
import org.springframework.stereotype.Component;

/**
 * The UNODC Global Report questionnaire's detected victims: by sex (female, male, other, unknown), by age group
 * (0-17, 18+, unknown), by sex and age group in one grid whose rows add up to the sex totals, by citizenship as ISO
 * 3166-1 codes (never free text) and by form (sexual exploitation, forced labour, other). Counts of 1 to 4 are written
 * "<5", as UNODC publishes them.
 */
@Component
class UnodcReturn implements ReturnTemplate {

    static final String ID = "unodc";

    static final List<String> SEXES = List.of(Codings.FEMALE, Codings.MALE, Codings.OTHER);
    static final List<String> AGES = List.of(Codings.CHILD, Codings.ADULT);

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
        sections.add(Breakdown.of("sex", "sex", universe, detected, Breakdown.single(Codings::sex), SEXES, true));
        sections.add(Breakdown.of(
                "age-group", "age group", universe, detected, Breakdown.single(Codings::ageGroup), AGES, true));
        for (String sex : SEXES) {
            var ofSex =
                    detected.stream().filter(g -> sex.equals(Codings.sex(g))).toList();
            sections.add(Breakdown.of(
                    "sex-by-age:" + sex,
                    "age group",
                    universe + "; sex = " + sex,
                    ofSex,
                    Breakdown.single(Codings::ageGroup),
                    AGES,
                    true));
        }
        var unknownSex = detected.stream().filter(g -> Codings.sex(g) == null).toList();
        sections.add(Breakdown.of(
                "sex-by-age:" + ReturnCell.UNKNOWN,
                "age group",
                universe + "; sex not recorded",
                unknownSex,
                Breakdown.single(Codings::ageGroup),
                AGES,
                true));
        sections.add(Breakdown.of(
                "citizenship",
                "citizenship",
                universe,
                detected,
                Breakdown.single(FactGroup::citizenship),
                List.of(),
                true));
        sections.add(Breakdown.of(
                "form",
                "form of exploitation",
                universe,
                detected,
                group -> Codings.forms(group, Codings::unodcForm, rules),
                additiveForms ? EurostatReturn.with(Codings.UNODC_FORMS, Codings.SEVERAL_FORMS) : Codings.UNODC_FORMS,
                additiveForms));
        List<String> coverage = new ArrayList<>();
        coverage.add("Counting rules: " + rules.describe() + ".");
        Registered.coverage(rules, coverage);
        Registered.unknowns(sections, coverage);
        return Additivity.checked(new OfficialReturn(ID, period, rules, sections, coverage));
    }

    /** A count as UNODC writes it: 1 to 4 as "<5", others as they are. */
    static String written(long count) {
        return count >= 1 && count <= 4 ? "<5" : Long.toString(count);
    }
}
