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
 * changed, one step at a time, by generalising the value to NULL (the top of every hierarchy in a format
 * whose categories are fixed), in the order below, from the least to the most used in CTDC's published
 * figures; a group of binary variables is one step, all its flags together. Records still in a group smaller than k after every step are suppressed (left out).
 * {@code yearOfRegistration} is never generalised: a record without a year cannot be counted at all.
 */
final class CtdcExport {

    static final int DEFAULT_K = 11;

    /**
     * The steps of generalisation, from the least to the most used in CTDC's published figures. A group of binary
     * variables (means, types of labour and of sexual exploitation, relationship to the recruiter, forms) is
     * generalised as a whole: all its flags become NULL together, which CTDC reads as "not known" and leaves the
     * person out of that group's denominator. Turning one flag from 1 to NULL alone would read as "not this one"
     * and shift the published shares.
     */
    static final List<List<CtdcVariable>> GENERALISATION_ORDER = List.of(
            List.of(CtdcVariable.TRAFFICK_MONTHS),
            members(CtdcVariable.Group.RECRUITER_RELATION),
            members(CtdcVariable.Group.MEANS),
            members(CtdcVariable.Group.SEX_TYPES),
            members(CtdcVariable.Group.LABOUR_TYPES),
            List.of(CtdcVariable.COUNTRY_OF_EXPLOITATION),
            List.of(CtdcVariable.AGE_BROAD),
            List.of(CtdcVariable.CITIZENSHIP),
            members(CtdcVariable.Group.FORMS),
            List.of(CtdcVariable.GENDER));

    private static List<CtdcVariable> members(CtdcVariable.Group group) {
        return java.util.Arrays.stream(CtdcVariable.values())
                .filter(variable -> variable.group() == group)
                .toList();
    }

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
        for (List<CtdcVariable> step : GENERALISATION_ORDER) {
            // decided on the sizes at the start of the pass, then applied, so the order of records does not matter
            changing.clear();
            for (int i = 0; i < n; i++) {
                var record = records.get(i);
                if (groupOf[i].size < k && step.stream().anyMatch(variable -> record.get(variable) != null)) {
                    changing.add(i);
                }
            }
            for (int i : changing) {
                groupOf[i].size--;
                CtdcRecord generalised = records.get(i);
                for (CtdcVariable variable : step) {
                    if (generalised.get(variable) != null) {
                        generalised = generalised.withoutValue(variable);
                        generalisedIn[i] |= 1 << variable.ordinal();
                    }
                }
                records.set(i, generalised);
                groupOf[i] = groups.computeIfAbsent(generalised.values(), values -> new Group());
                groupOf[i].size++;
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
