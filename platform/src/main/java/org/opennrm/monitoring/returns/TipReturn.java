package org.opennrm.monitoring.returns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.opennrm.assistance.ServiceType;
import org.opennrm.statistics.publishing.FactGroup;
import org.springframework.stereotype.Component;

/**
 * The protection figures of the US Trafficking in Persons report for its year, 1 April of the year before to 31 March
 * of the year named (the "year" Y is April Y-1 to March Y): victims identified by sex, child or adult, form (labour,
 * sex, other; the report shows labour trafficking apart) and citizenship (own or foreign: the report asks for the
 * share of foreign victims); persons whose assistance started (referred to services); services started by type. The
 * law-enforcement figures (investigations, prosecutions, convictions) come from the agencies' approved reports: the
 * sum of an agency's four quarters of the period where all four are approved, otherwise the calendar year that holds
 * most of the period, and the return says which.
 */
@Component
class TipReturn implements ReturnTemplate {

    static final String ID = "tip";

    static final String FOREIGN = "FOREIGN";
    static final String ASSISTANCE_STARTED = "ASSISTANCE_STARTED";
    static final List<String> FORMS = List.of("FORCED_LABOUR", "SEXUAL_EXPLOITATION", Codings.OTHER);
    static final List<String> SERVICES =
            Arrays.stream(ServiceType.values()).map(Enum::name).toList();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ReportingPeriod period(int year) {
        return ReportingPeriod.aprilToMarch(year);
    }

    /** The calendar year of the agencies' figures shown beside the return: April to December of it is in the period. */
    @Override
    public int agencyYear(int year) {
        return year - 1;
    }

    /** April to June, July to September and October to December of the year before, January to March of the year. */
    @Override
    public List<AgencyPeriod> agencyQuarters(int year) {
        return AgencyPeriod.aprilToMarch(year);
    }

    @Override
    public Set<String> events() {
        return Set.of(
                Codings.REFERRAL,
                Codings.ANONYMOUS_NOTIFICATION,
                Codings.IDENTIFICATION_DECISION,
                ASSISTANCE_STARTED,
                GretaReturn.SERVICE_DELIVERED);
    }

    @Override
    public OfficialReturn fill(
            List<FactGroup> facts, ReportingPeriod period, CountingRules rules, String reportingCountry) {
        var identified = Registered.in(facts, period, rules);
        String universe = "victims identified: " + Registered.describe(period, rules);
        String between = period.first() + " to " + period.last();
        boolean additiveForms = rules.forms() == CountingRules.FormRule.MAIN_FORM;
        List<Section> sections = new ArrayList<>();
        sections.add(Breakdown.of(
                "sex",
                "sex",
                universe,
                identified,
                Breakdown.single(Codings::sex),
                List.of(Codings.FEMALE, Codings.MALE, Codings.OTHER),
                true));
        sections.add(Breakdown.of(
                "age-group",
                "age group",
                universe,
                identified,
                Breakdown.single(Codings::ageGroup),
                List.of(Codings.CHILD, Codings.ADULT),
                true));
        sections.add(Breakdown.of(
                "tip-form",
                "form of exploitation",
                universe,
                identified,
                group -> Codings.forms(group, Codings::unodcForm, rules),
                additiveForms ? EurostatReturn.with(FORMS, Codings.SEVERAL_FORMS) : FORMS,
                additiveForms));
        sections.add(Breakdown.of(
                "citizenship-foreign",
                "citizenship",
                universe,
                identified,
                Breakdown.single(group -> citizenship(group, reportingCountry)),
                List.of(CitizenshipGroups.REPORTING_COUNTRY, FOREIGN),
                true));
        sections.add(Breakdown.of(
                "referred-to-services",
                "assistance",
                "persons whose assistance started (referred to services by the NRM), " + between,
                GretaReturn.of(facts, period, ASSISTANCE_STARTED, group -> true),
                Breakdown.single(group -> ASSISTANCE_STARTED),
                List.of(ASSISTANCE_STARTED),
                true));
        sections.add(Breakdown.of(
                "services",
                "service",
                "services started, " + between,
                GretaReturn.of(facts, period, GretaReturn.SERVICE_DELIVERED, group -> true),
                Breakdown.single(FactGroup::serviceType),
                SERVICES,
                true));
        List<String> coverage = new ArrayList<>();
        coverage.add("Counting rules: " + rules.describe() + ".");
        coverage.add("The TIP report's year " + period.last().getYear() + " is " + between
                + " (1 April to 31 March); every count here is of facts in those months.");
        coverage.add("Victims identified are every person registered in the period (referred into the NRM, presumed"
                + " and formally identified alike, or notified anonymously): the TIP report counts victims the"
                + " government identified, not only those formally identified.");
        Registered.coverage(rules, coverage);
        coverage.add("Forms are the report's three: forced labour (labour trafficking, shown apart), sex trafficking,"
                + " and other forms (forced begging, forced criminal activities, forced marriage, organ removal,"
                + " illegal adoption, surrogacy and others).");
        coverage.add("Persons referred to services are persons whose assistance started in the period; services are"
                + " counted as services started, not persons.");
        coverage.add("Law-enforcement figures (investigations, prosecutions, convictions, sentences) are not counted"
                + " from the platform's facts: they come from the police, prosecution and courts. For each agency the"
                + " return takes the sum of its four approved quarters from April "
                + period.first().getYear()
                + " to March " + period.last().getYear() + " where all four are approved; otherwise its approved"
                + " figures of calendar year " + period.first().getYear() + " (April to December of it falls in the"
                + " period), which do not match the April to March period. The statement on each agency's figures"
                + " says which; they are published as the agencies reported them, through disclosure control.");
        if (!additiveForms) {
            coverage.add("Forms of exploitation are counted under each form mentioned: a person with several forms is"
                    + " counted under each, so the forms add up to more than the persons.");
        }
        Registered.unknowns(sections, coverage);
        return Additivity.checked(new OfficialReturn(ID, period, rules, sections, coverage));
    }

    static String citizenship(FactGroup group, String reportingCountry) {
        return citizenship(group.citizenship(), reportingCountry);
    }

    /** Own or foreign, of a citizenship code; null where not known. */
    static String citizenship(String code, String reportingCountry) {
        if (code == null) {
            return null;
        }
        return reportingCountry.equals(code) ? CitizenshipGroups.REPORTING_COUNTRY : FOREIGN;
    }
}
