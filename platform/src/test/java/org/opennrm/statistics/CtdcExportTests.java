package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The CTDC export: the codebook's denominator rule, and k-anonymity over all 27 variables. */
class CtdcExportTests {

    static final int VARIABLES = CtdcVariable.values().length;

    static CtdcRecord record(String year, String gender, String age, String citizenship, CtdcVariable... ones) {
        String[] values = new String[VARIABLES];
        values[CtdcVariable.YEAR_OF_REGISTRATION.ordinal()] = year;
        values[CtdcVariable.GENDER.ordinal()] = gender;
        values[CtdcVariable.AGE_BROAD.ordinal()] = age;
        values[CtdcVariable.CITIZENSHIP.ordinal()] = citizenship;
        for (CtdcVariable one : ones) {
            values[one.ordinal()] = "1";
        }
        return CtdcRecord.of(values);
    }

    @Test
    void sharesFollowTheCodebooksWorkedExample() {
        // forms of exploitation for five people; person 4 has none and is left out of the denominator
        var people = List.of(
                record("2020", "Woman", "18--20", "MDA", CtdcVariable.IS_FORCED_LABOUR),
                record("2020", "Woman", "18--20", "MDA", CtdcVariable.IS_SEXUAL_EXPLOIT),
                record("2020", "Woman", "18--20", "MDA", CtdcVariable.IS_OTHER_EXPLOIT),
                record("2020", "Woman", "18--20", "MDA"),
                record(
                        "2020",
                        "Woman",
                        "18--20",
                        "MDA",
                        CtdcVariable.IS_FORCED_LABOUR,
                        CtdcVariable.IS_SEXUAL_EXPLOIT));

        var shares = CtdcExport.shares(people, CtdcVariable.Group.FORMS);

        assertThat(shares.denominator()).isEqualTo(4);
        assertThat(shares.shares().get(CtdcVariable.IS_FORCED_LABOUR)).isCloseTo(0.50, within(1e-12));
        assertThat(shares.shares().get(CtdcVariable.IS_SEXUAL_EXPLOIT)).isCloseTo(0.50, within(1e-12));
        assertThat(shares.shares().get(CtdcVariable.IS_OTHER_EXPLOIT)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void everyPublishedCombinationOfAll27VariablesIsSharedByAtLeastKPeople() {
        var random = new Random(11);
        String[] genders = {"Man", "Woman", "Trans/Transgender/NonConforming", null};
        String[] ages = {"0--8", "9--17", "18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+", null};
        String[] countries = {"MDA", "UKR", "ROU", "NGA", "VNM", "ALB", "PHL", null};
        List<CtdcRecord> people = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            List<CtdcVariable> ones = new ArrayList<>();
            for (CtdcVariable variable : CtdcVariable.values()) {
                if (variable.binary() && random.nextInt(6) == 0) {
                    ones.add(variable);
                }
            }
            var person = record(
                    Integer.toString(2018 + random.nextInt(3)),
                    genders[random.nextInt(genders.length)],
                    ages[random.nextInt(ages.length)],
                    countries[random.nextInt(countries.length)],
                    ones.toArray(CtdcVariable[]::new));
            people.add(person);
        }

        var result = CtdcExport.anonymise(people, CtdcExport.DEFAULT_K);

        Map<List<String>, Integer> sizes = new HashMap<>();
        result.records().forEach(record -> sizes.merge(record.values(), 1, Integer::sum));
        assertThat(sizes.values()).allMatch(size -> size >= 11);
        assertThat(result.records().size() + result.suppressed()).isEqualTo(3000);
        assertThat(result.generalised())
                .isPositive()
                .isLessThanOrEqualTo(result.records().size());
        assertThat(result.generalisedValues()).containsKey(CtdcVariable.RECRUITER_RELATION_OTHER);
        // the year is never generalised
        assertThat(result.records()).allMatch(record -> record.get(CtdcVariable.YEAR_OF_REGISTRATION) != null);
    }

    @Test
    void recordsAlreadySharedByKPeopleAreNotChanged() {
        List<CtdcRecord> people = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            people.add(record("2021", "Man", "30--38", "UKR", CtdcVariable.IS_FORCED_LABOUR));
        }

        var result = CtdcExport.anonymise(people, 11);

        assertThat(result.records()).isEqualTo(people);
        assertThat(result.generalised()).isZero();
        assertThat(result.suppressed()).isZero();
    }

    @Test
    void aRareValueIsGeneralisedWhenThatJoinsAGroupAndTheRecordIsSuppressedWhenNothingDoes() {
        List<CtdcRecord> people = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            people.add(record("2021", "Man", "30--38", "UKR", CtdcVariable.IS_FORCED_LABOUR));
        }
        // differs only by a recruiter relation: generalised into the group of eleven
        people.add(record(
                "2021", "Man", "30--38", "UKR", CtdcVariable.IS_FORCED_LABOUR, CtdcVariable.RECRUITER_RELATION_FAMILY));
        // another year: no generalisation can join it to anyone
        people.add(record("2009", "Man", "30--38", "UKR", CtdcVariable.IS_FORCED_LABOUR));

        var result = CtdcExport.anonymise(people, 11);

        assertThat(result.records()).hasSize(12);
        assertThat(result.generalised()).isEqualTo(1);
        assertThat(result.suppressed()).isEqualTo(1);
        assertThat(result.generalisedValues()).containsEntry(CtdcVariable.RECRUITER_RELATION_FAMILY, 1);
    }

    @Test
    void aFlagIsNeverTurnedToNullAloneItsWholeGroupIsSoSharesDoNotShift() {
        List<CtdcRecord> people = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            people.add(
                    record("2021", "Man", "30--38", "UKR", CtdcVariable.IS_FORCED_LABOUR, CtdcVariable.MEANS_THREATS));
        }
        // a rare second means of control: dropping only that flag would publish "threats, and not drugs"
        people.add(record(
                "2021",
                "Man",
                "30--38",
                "UKR",
                CtdcVariable.IS_FORCED_LABOUR,
                CtdcVariable.MEANS_THREATS,
                CtdcVariable.MEANS_DRUGS_ALCOHOL));

        var result = CtdcExport.anonymise(people, 11);

        // its means become unknown together; it then shares its values with nobody and is left out
        assertThat(result.records()).hasSize(11);
        assertThat(result.suppressed()).isEqualTo(1);
        assertThat(result.records()).allSatisfy(published -> assertThat(published.get(CtdcVariable.MEANS_THREATS))
                .isEqualTo("1"));
        var means = CtdcExport.shares(result.records(), CtdcVariable.Group.MEANS);
        assertThat(means.shares()).containsEntry(CtdcVariable.MEANS_THREATS, 1.0);
        assertThat(means.shares()).containsEntry(CtdcVariable.MEANS_DRUGS_ALCOHOL, 0.0);
    }

    @Test
    void theFileHasThe27ColumnsAndWritesNull() {
        var lines = CtdcExport.lines(List.of(record("2021", null, "48+", "ALB", CtdcVariable.MEANS_THREATS)));

        assertThat(lines.getFirst()).hasSize(27).startsWith("yearOfRegistration", "gender", "ageBroad");
        assertThat(lines.get(1).get(1)).isEqualTo("NULL");
        assertThat(lines.get(1).get(CtdcVariable.MEANS_THREATS.ordinal())).isEqualTo("1");
        assertThat(Arrays.asList(CtdcVariable.values())).hasSize(27);
    }

    /**
     * The anonymisation as first written (sizes recounted over all records at every step): the faster version must
     * give the same records, the same report and the same counts per variable.
     */
    static CtdcExport.Anonymised reference(List<CtdcRecord> input, int k) {
        List<CtdcRecord> records = new ArrayList<>(input);
        Map<Integer, java.util.Set<CtdcVariable>> changed = new HashMap<>();
        for (List<CtdcVariable> step : CtdcExport.GENERALISATION_ORDER) {
            Map<List<String>, Integer> sizes = new HashMap<>();
            records.forEach(record -> sizes.merge(record.values(), 1, Integer::sum));
            for (int i = 0; i < records.size(); i++) {
                if (sizes.get(records.get(i).values()) < k) {
                    for (CtdcVariable variable : step) {
                        if (records.get(i).get(variable) != null) {
                            records.set(i, records.get(i).withoutValue(variable));
                            changed.computeIfAbsent(i, x -> java.util.EnumSet.noneOf(CtdcVariable.class))
                                    .add(variable);
                        }
                    }
                }
            }
        }
        Map<List<String>, Integer> sizes = new HashMap<>();
        records.forEach(record -> sizes.merge(record.values(), 1, Integer::sum));
        List<CtdcRecord> kept = new ArrayList<>();
        int generalised = 0;
        Map<CtdcVariable, Integer> perVariable = new java.util.EnumMap<>(CtdcVariable.class);
        for (int i = 0; i < records.size(); i++) {
            if (sizes.get(records.get(i).values()) >= k) {
                kept.add(records.get(i));
                if (changed.containsKey(i)) {
                    generalised++;
                    changed.get(i).forEach(variable -> perVariable.merge(variable, 1, Integer::sum));
                }
            }
        }
        return new CtdcExport.Anonymised(kept, k, input.size(), generalised, input.size() - kept.size(), perVariable);
    }

    @Test
    void theAnonymisationGivesWhatRecountingAtEveryStepGives() {
        for (int seed = 1; seed <= 5; seed++) {
            var random = new Random(seed);
            String[] genders = {"Man", "Woman", "Trans/Transgender/NonConforming", null};
            String[] ages = {"0--8", "9--17", "18--20", "21--23", "30--38", "48+", null};
            String[] countries = {"MDA", "UKR", "ROU", "NGA", null};
            List<CtdcRecord> people = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                List<CtdcVariable> ones = new ArrayList<>();
                for (CtdcVariable variable : CtdcVariable.values()) {
                    if (variable.binary() && random.nextInt(9) == 0) {
                        ones.add(variable);
                    }
                }
                people.add(record(
                        Integer.toString(2019 + random.nextInt(2)),
                        genders[random.nextInt(genders.length)],
                        ages[random.nextInt(ages.length)],
                        countries[random.nextInt(countries.length)],
                        ones.toArray(CtdcVariable[]::new)));
            }

            assertThat(CtdcExport.anonymise(people, 11)).isEqualTo(reference(people, 11));
        }
    }
}
