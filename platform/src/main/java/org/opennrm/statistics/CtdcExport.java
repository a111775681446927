package org.opennrm.statistics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes CTDC microdata k-anonymous over all 27 variables (default k = 11, the value CTDC used for its
 * k-anonymised releases), and previews shares by CTDC's denominator rule.
 *
 * <p>Generalisation is local: only records whose combination of values is shared by fewer than k people are
 * changed, one variable at a time, by generalising the value to NULL (the top of every hierarchy in a format
 * whose categories are fixed), in the order below, from the least to the most used in CTDC's published
 * figures. Records still in a group smaller than k after every step are suppressed (left out).
 * {@code yearOfRegistration} is never generalised: a record without a year cannot be counted at all.
 */
final class CtdcExport {

    static final int DEFAULT_K = 11;

    static final List<CtdcVariable> GENERALISATION_ORDER = List.of(
            CtdcVariable.TRAFFICK_MONTHS,
            CtdcVariable.RECRUITER_RELATION_INTIMATE_PARTNER,
            CtdcVariable.RECRUITER_RELATION_FRIEND,
            CtdcVariable.RECRUITER_RELATION_FAMILY,
            CtdcVariable.RECRUITER_RELATION_OTHER,
            CtdcVariable.MEANS_DRUGS_ALCOHOL,
            CtdcVariable.MEANS_EXCESSIVE_WORK_HOURS,
            CtdcVariable.MEANS_DENY_BASIC_NEEDS,
            CtdcVariable.MEANS_WITHHOLD_DOCUMENTS,
            CtdcVariable.MEANS_DEBT_BONDAGE_EARNINGS,
            CtdcVariable.MEANS_THREATS,
            CtdcVariable.MEANS_ABUSE_PSY_PHY_SEX,
            CtdcVariable.MEANS_FALSE_PROMISES,
            CtdcVariable.TYPE_OF_SEX_PORNOGRAPHY,
            CtdcVariable.TYPE_OF_SEX_PROSTITUTION,
            CtdcVariable.TYPE_OF_LABOUR_HOSPITALITY,
            CtdcVariable.TYPE_OF_LABOUR_DOMESTIC_WORK,
            CtdcVariable.TYPE_OF_LABOUR_CONSTRUCTION,
            CtdcVariable.TYPE_OF_LABOUR_AGRICULTURE,
            CtdcVariable.COUNTRY_OF_EXPLOITATION,
            CtdcVariable.AGE_BROAD,
            CtdcVariable.CITIZENSHIP,
            CtdcVariable.IS_OTHER_EXPLOIT,
            CtdcVariable.IS_SEXUAL_EXPLOIT,
            CtdcVariable.IS_FORCED_LABOUR,
            CtdcVariable.GENDER);

    private CtdcExport() {}

    /**
     * @param generalised records published with at least one value generalised
     * @param suppressed records left out
     * @param generalisedValues values generalised to NULL, per variable (suppressed records not counted)
     */
    record Anonymised(
            List<CtdcRecord> records,
            int k,
            int input,
            int generalised,
            int suppressed,
            Map<CtdcVariable, Integer> generalisedValues) {}

    static Anonymised anonymise(List<CtdcRecord> input, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2");
        }
        int n = input.size();
        List<CtdcRecord> records = new ArrayList<>(input);
        // every record points at the group of records with the same values, so a pass reads sizes without hashing
        Map<List<String>, Group> groups = new HashMap<>();
        Group[] groupOf = new Group[n];
        for (int i = 0; i < n; i++) {
            groupOf[i] = groups.computeIfAbsent(records.get(i).values(), values -> new Group());
            groupOf[i].size++;
        }
        // which variables were generalised in each record, one bit per variable
        int[] generalisedIn = new int[n];
        List<Integer> changing = new ArrayList<>();
        for (CtdcVariable variable : GENERALISATION_ORDER) {
            // decided on the sizes at the start of the pass, then applied, so the order of records does not matter
            changing.clear();
            for (int i = 0; i < n; i++) {
                if (groupOf[i].size < k && records.get(i).get(variable) != null) {
                    changing.add(i);
                }
            }
            for (int i : changing) {
                groupOf[i].size--;
                CtdcRecord generalised = records.get(i).withoutValue(variable);
                records.set(i, generalised);
                groupOf[i] = groups.computeIfAbsent(generalised.values(), values -> new Group());
                groupOf[i].size++;
                generalisedIn[i] |= 1 << variable.ordinal();
            }
        }
        List<CtdcRecord> kept = new ArrayList<>();
        int generalised = 0;
        int[] valuesChanged = new int[CtdcVariable.values().length];
        for (int i = 0; i < n; i++) {
            if (groupOf[i].size < k) {
                continue;
            }
            kept.add(records.get(i));
            if (generalisedIn[i] != 0) {
                generalised++;
                for (CtdcVariable variable : CtdcVariable.values()) {
                    if ((generalisedIn[i] & (1 << variable.ordinal())) != 0) {
                        valuesChanged[variable.ordinal()]++;
                    }
                }
            }
        }
        Map<CtdcVariable, Integer> perVariable = new EnumMap<>(CtdcVariable.class);
        for (CtdcVariable variable : CtdcVariable.values()) {
            if (valuesChanged[variable.ordinal()] > 0) {
                perVariable.put(variable, valuesChanged[variable.ordinal()]);
            }
        }
        return new Anonymised(kept, k, n, generalised, n - kept.size(), perVariable);
    }

    /** How many records share one combination of values. */
    private static final class Group {
        int size;
    }

    /**
     * Shares within one group of binary variables by CTDC's rule: the denominator is the number of people with
     * at least one 1 in the group (the others in the group count as 0 for them); people with no value in the
     * group are left out. Shares can add up to more than 1.
     */
    record Shares(CtdcVariable.Group group, int denominator, Map<CtdcVariable, Double> shares) {}

    static Shares shares(List<CtdcRecord> records, CtdcVariable.Group group) {
        List<CtdcVariable> members = java.util.Arrays.stream(CtdcVariable.values())
                .filter(variable -> variable.group() == group)
                .toList();
        int denominator = 0;
        Map<CtdcVariable, Integer> counts = new LinkedHashMap<>();
        members.forEach(variable -> counts.put(variable, 0));
        for (CtdcRecord record : records) {
            boolean any = members.stream().anyMatch(variable -> record.get(variable) != null);
            if (any) {
                denominator++;
                members.forEach(variable -> {
                    if (record.get(variable) != null) {
                        counts.merge(variable, 1, Integer::sum);
                    }
                });
            }
        }
        Map<CtdcVariable, Double> shares = new LinkedHashMap<>();
        for (CtdcVariable variable : members) {
            shares.put(variable, denominator == 0 ? 0 : counts.get(variable) / (double) denominator);
        }
        return new Shares(group, denominator, shares);
    }

    /** The records as the current CTDC release writes them. */
    static List<List<String>> lines(List<CtdcRecord> records) {
        return lines(records, CtdcVariable.Naming.RELEASE_2025);
    }

    /** The records as the CTDC file writes them: header of the 27 column names, NULL for missing values. */
    static List<List<String>> lines(List<CtdcRecord> records, CtdcVariable.Naming naming) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(java.util.Arrays.stream(CtdcVariable.values())
                .map(variable -> variable.column(naming))
                .toList());
        for (CtdcRecord record : records) {
            lines.add(record.values().stream()
                    .map(value -> value == null ? "NULL" : value)
                    .toList());
        }
        return lines;
    }
}
