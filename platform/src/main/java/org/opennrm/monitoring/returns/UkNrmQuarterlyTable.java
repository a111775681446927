package org.opennrm.monitoring.returns;

import java.util.ArrayList;
import java.util.List;
import org.opennrm.statistics.publishing.FactGroup;
import org.springframework.stereotype.Component;

/**
 * The UK Home Office's quarterly NRM referral table: referrals by quarter, by age at exploitation (adult, child, not
 * known) and by location of exploitation (overseas, the reporting country, both, not known), read from the countries
 * of exploitation recorded. One section per quarter and age, each adding up to its total.
 */
@Component
class UkNrmQuarterlyTable implements ReturnTemplate {

    static final String ID = "nrm-quarterly";

    static final String OVERSEAS = "OVERSEAS";
    static final String DOMESTIC = "DOMESTIC";
    static final String DOMESTIC_AND_OVERSEAS = "DOMESTIC_AND_OVERSEAS";
    static final List<String> LOCATIONS = List.of(OVERSEAS, DOMESTIC, DOMESTIC_AND_OVERSEAS);
    static final List<String> AGES = List.of(Codings.ADULT, Codings.CHILD, ReturnCell.UNKNOWN);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public OfficialReturn fill(
            List<FactGroup> facts, ReportingPeriod period, CountingRules rules, String reportingCountry) {
        var referrals = facts.stream()
                .filter(group -> Codings.REFERRAL.equals(group.event()) && period.contains(group.monthIndex()))
                .toList();
        List<Section> sections = new ArrayList<>();
        for (int index = period.firstIndex(); index <= period.lastIndex(); index += 3) {
            int year = index / 12;
            int quarter = index % 12 / 3 + 1;
            int first = year * 12 + (quarter - 1) * 3;
            var inQuarter = referrals.stream()
                    .filter(group -> group.monthIndex() >= first && group.monthIndex() < first + 3)
                    .toList();
            for (String age : AGES) {
                var ofAge = inQuarter.stream()
                        .filter(group -> age.equals(
                                Codings.ageGroup(group) == null ? ReturnCell.UNKNOWN : Codings.ageGroup(group)))
                        .toList();
                sections.add(Breakdown.of(
                        year + "-Q" + quarter + ":" + age,
                        "location of exploitation",
                        "NRM referrals, " + year + "-Q" + quarter + ", age at exploitation " + age,
                        ofAge,
                        Breakdown.single(group -> location(group, reportingCountry)),
                        LOCATIONS,
                        true));
            }
        }
        return Additivity.checked(new OfficialReturn(
                ID,
                period,
                rules,
                sections,
                List.of("Location of exploitation is read from the countries of exploitation recorded; a referral"
                        + " with none recorded is \"not specified or unknown\".")));
    }

    /** The Home Office's headings and labels. */
    static final List<String> HEADINGS =
            List.of("Year", "Quarter", "Age at exploitation", "Location of exploitation", "NRM referrals");

    private static final java.util.Map<String, String> AGE_LABELS = java.util.Map.of(
            Codings.ADULT, "Adult (18 or over)",
            Codings.CHILD, "Child (17 or under)",
            ReturnCell.UNKNOWN, "Age not specified or unknown");

    private static final java.util.Map<String, String> LOCATION_LABELS = java.util.Map.of(
            OVERSEAS,
            "Overseas",
            DOMESTIC,
            "UK",
            DOMESTIC_AND_OVERSEAS,
            "UK and Overseas",
            ReturnCell.UNKNOWN,
            "Not specified or unknown");

    /**
     * The table's rows, as the Home Office writes them: per quarter and age, each location and then the total. A
     * figure withheld by disclosure control is written "x".
     */
    static List<List<String>> rows(Figures figures, ReportingPeriod period) {
        List<List<String>> rows = new ArrayList<>();
        for (int index = period.firstIndex(); index <= period.lastIndex(); index += 3) {
            int year = index / 12;
            String quarter = "Q" + (index % 12 / 3 + 1);
            for (String age : AGES) {
                String section = year + "-" + quarter + ":" + age;
                List<String> categories = new ArrayList<>(LOCATIONS);
                categories.add(ReturnCell.UNKNOWN);
                for (String location : categories) {
                    rows.add(List.of(
                            Integer.toString(year),
                            quarter,
                            AGE_LABELS.get(age),
                            LOCATION_LABELS.get(location),
                            written(figures.count(section, location))));
                }
                rows.add(List.of(
                        Integer.toString(year),
                        quarter,
                        AGE_LABELS.get(age),
                        "Total",
                        written(figures.total(section))));
            }
        }
        return rows;
    }

    private static String written(Long count) {
        return count == null ? "x" : count.toString();
    }

    static String location(FactGroup group, String reportingCountry) {
        var countries = group.exploitationCountries();
        if (countries.isEmpty()) {
            return null;
        }
        boolean domestic = countries.contains(reportingCountry);
        if (domestic) {
            return countries.size() == 1 ? DOMESTIC : DOMESTIC_AND_OVERSEAS;
        }
        return OVERSEAS;
    }
}
