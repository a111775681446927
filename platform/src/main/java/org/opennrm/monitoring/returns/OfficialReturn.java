package org.opennrm.monitoring.returns;

import java.util.List;
import java.util.Optional;
import org.opennrm.RecordNotFound;

/**
 * A return filled from the facts of one period under stated counting rules, before disclosure control: its sections
 * (each a total and its breakdown) and what it leaves out and why. Counts here stay in the statistics office; what
 * is published is the same return read from its approved release.
 *
 * @param template which body's return ({@link ReturnTemplate#id()})
 * @param coverage what the return leaves out and why, in sentences for the receiving body
 */
record OfficialReturn(
        String template, ReportingPeriod period, CountingRules rules, List<Section> sections, List<String> coverage) {

    OfficialReturn {
        sections = List.copyOf(sections);
        coverage = List.copyOf(coverage);
    }

    Optional<Section> find(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    Section section(String key) {
        return find(key).orElseThrow(() -> new RecordNotFound("return section", key));
    }
}
