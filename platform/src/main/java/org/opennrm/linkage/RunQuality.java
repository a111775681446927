package org.opennrm.linkage;

import org.springframework.modulith.NamedInterface;

/**
 * One linkage of a run made with the field-aware model, and what the model expects of it, estimated without the
 * truth from its own match probabilities: between the lists at positions {@code listA} and {@code listB}, or within
 * one list when they are the same (records merged as one person).
 *
 * @param matches pairs of records taken for the same person (within a list: records merged into another)
 * @param expectedPrecision the share of those pairs the model expects to be right; null when the model could not
 *     be estimated within a list and nothing was merged
 * @param expectedRecall the share of the true pairs among its candidates the model expects to have found; null as
 *     the precision
 * @param note why the model could not be estimated within the list, when it could not
 */
@NamedInterface("runs")
public record RunQuality(
        int listA, int listB, int matches, Double expectedPrecision, Double expectedRecall, String note) {

    public boolean withinList() {
        return listA == listB;
    }
}
