package org.opennrm.monitoring.returns;

import java.util.List;
import java.util.Optional;

/**
 * One breakdown of a return: a total and its parts. An additive section's parts (with the "unknown" difference)
 * add up to its total, which {@link Additivity} checks; a section counted under each form mentioned is not additive
 * (a person with two forms is in two parts) and says so.
 *
 * @param key what is broken down, e.g. {@code sex} or {@code sex-by-age:FEMALE}
 * @param dimension the dimension of the parts, e.g. {@code sex}
 */
record Section(String key, String dimension, ReturnCell total, List<ReturnCell> parts, boolean additive) {

    Section {
        parts = List.copyOf(parts);
    }

    long sumOfParts() {
        return parts.stream().mapToLong(ReturnCell::count).sum();
    }

    Optional<ReturnCell> part(String category) {
        return parts.stream().filter(cell -> cell.category().equals(category)).findFirst();
    }

    long count(String category) {
        return part(category).map(ReturnCell::count).orElse(0L);
    }
}
