package org.opennrm.monitoring.returns;

import java.util.List;

/**
 * The figures a layout writes: a category's count in a section, or a section's total; null where the figure is
 * withheld (a published return after disclosure control) or the section is missing.
 */
interface Figures {

    Long count(String section, String category);

    Long total(String section);

    /** The categories of a section, in order. */
    List<String> categories(String section);

    /** A filled return's own counts, before disclosure control. */
    static Figures of(OfficialReturn filled) {
        return of(filled.sections());
    }

    static Figures of(List<Section> sections) {
        var filled =
                new OfficialReturn("figures", ReportingPeriod.year(2000), CountingRules.DEFAULT, sections, List.of());
        return new Figures() {
            @Override
            public Long count(String section, String category) {
                return filled.find(section)
                        .flatMap(s -> s.part(category))
                        .map(ReturnCell::count)
                        .orElse(filled.find(section).isPresent() ? 0L : null);
            }

            @Override
            public List<String> categories(String section) {
                return filled.find(section)
                        .map(s -> s.parts().stream().map(ReturnCell::category).toList())
                        .orElse(List.of());
            }

            @Override
            public Long total(String section) {
                return filled.find(section).map(s -> s.total().count()).orElse(null);
            }
        };
    }
}
