package org.opennrm.monitoring.returns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.opennrm.RuleViolation;
import org.opennrm.statistics.publishing.ReturnReleases.PublishedTable;
import org.opennrm.statistics.publishing.ReturnReleases.ReleaseTable;

/**
 * Which national tables a return is published from, and how each of its sections reads them. A return leaves the
 * statistics office as a release of these tables (so the joint disclosure check and the second statistician's approval
 * apply to it as to any release), and the published return is computed from the tables as released: a figure made
 * from a withheld cell is withheld too, so a return never shows more than its release.
 */
final class ReleaseSources {

    /**
     * How a section reads a table: its row totals, its column totals, its grand total, the cells of some rows, the
     * totals of some rows (each into a section and category of its own), or some cells (each picked by its row and
     * column into a section and category).
     */
    enum Kind {
        ROWS,
        COLUMNS,
        GRAND,
        CELLS,
        SOME_ROWS,
        SOME_CELLS
    }

    /**
     * @param category the return category of a table category (null: unknown); for GRAND, of the empty string
     * @param section for CELLS, the section a row belongs to (null: the row is not read); otherwise unused
     */
    record Reading(
            String section,
            Kind kind,
            Function<String, String> category,
            Function<String, String> rowSection,
            List<String> sections,
            java.util.function.BiFunction<String, String, String[]> pick) {

        static Reading rows(String section, Function<String, String> category) {
            return new Reading(section, Kind.ROWS, category, null, null, null);
        }

        static Reading columns(String section, Function<String, String> category) {
            return new Reading(section, Kind.COLUMNS, category, null, null, null);
        }

        static Reading grand(String section, String category) {
            return new Reading(section, Kind.GRAND, any -> category, null, null, null);
        }

        static Reading cells(Function<String, String> rowSection, Function<String, String> category) {
            return new Reading(null, Kind.CELLS, category, rowSection, null, null);
        }

        /**
         * The totals of the rows {@code pick} places ({section, category}, or null to leave the row out), into the
         * given sections; a section none of whose rows is in the table counts 0.
         */
        static Reading someRows(List<String> sections, Function<String, String[]> pick) {
            return new Reading(null, Kind.SOME_ROWS, null, null, sections, (row, column) -> pick.apply(row));
        }

        /** The cells {@code pick} places by row and column ({section, category}, or null), into the given sections. */
        static Reading someCells(List<String> sections, java.util.function.BiFunction<String, String, String[]> pick) {
            return new Reading(null, Kind.SOME_CELLS, null, null, sections, pick);
        }
    }

    /** A table of the release and the sections read from it. */
    record Source(ReleaseTable table, List<Reading> readings) {}

    private ReleaseSources() {}

    static boolean publishable(String template, ReportingPeriod period, CountingRules rules) {
        return refusal(template, period, rules) == null;
    }

    /** Why a return cannot be published as asked, in English; null when it can. */
    static String reason(String template, ReportingPeriod period, CountingRules rules) {
        var refusal = refusal(template, period, rules);
        return refusal == null ? null : refusal.getMessage();
    }

    /** Why a return cannot be published as asked, keyed for a page in the reader's language; null when it can. */
    static RuleViolation refusal(String template, ReportingPeriod period, CountingRules rules) {
        if (template.equals(UkNrmQuarterlyTable.ID)) {
            return new RuleViolation(
                    "returns.refused.quarterlyTable",
                    "The quarterly NRM table is not published as a return: location of exploitation is not a"
                            + " dimension of the national tables.");
        }
        if (!period.isCalendarYear() && !template.equals(TipReturn.ID)) {
            return new RuleViolation(
                    "returns.refused.calendarYear", "Only returns for a calendar year can be published.");
        }
        if (rules.forms() != CountingRules.FormRule.MAIN_FORM) {
            return new RuleViolation(
                    "returns.refused.eachForm",
                    "Returns counted under each form mentioned cannot be published: disclosure control protects"
                            + " tables whose categories add up to the persons. Publish under the main form.");
        }
        if (rules.year() != CountingRules.YearBasis.REGISTRATION) {
            return new RuleViolation(
                    "returns.refused.decisionYear",
                    "Returns counted by the year of decision cannot be published yet: publish by the year of"
                            + " registration.");
        }
        return null;
    }

    static List<Source> of(String template, ReportingPeriod period, CountingRules rules, String reportingCountry) {
        var refused = refusal(template, period, rules);
        if (refused != null) {
            throw refused;
        }
        int year = period.first().getYear();
        // the quarters of the period: a calendar year, or the TIP report's April to March (Q2 to Q1 of the next year)
        String from = period.first().getYear() + "-Q" + ((period.first().getMonthValue() - 1) / 3 + 1);
        String to = period.last().getYear() + "-Q" + ((period.last().getMonthValue() - 1) / 3 + 1);
        List<Source> sources = new ArrayList<>();
        for (String event : List.of(Codings.REFERRAL, Codings.ANONYMOUS_NOTIFICATION)) {
            switch (template) {
                case EurostatReturn.ID -> {
                    sources.add(new Source(
                            new ReleaseTable("sex", "year", event, from, to),
                            List.of(
                                    Reading.rows("sex", Codings::sex),
                                    Reading.grand(
                                            "registration",
                                            event.equals(Codings.REFERRAL)
                                                    ? "IN_THE_NRM"
                                                    : "DECLINED_FORMAL_IDENTIFICATION"))));
                    sources.add(new Source(
                            new ReleaseTable("age-group", "year", event, from, to),
                            List.of(Reading.rows("age-group", Codings::ageGroup))));
                    sources.add(new Source(
                            new ReleaseTable("citizenship", "year", event, from, to),
                            List.of(Reading.rows(
                                    "citizenship-group",
                                    code -> CitizenshipGroups.of(Codings.known(code), year, reportingCountry)))));
                    sources.add(new Source(
                            new ReleaseTable("exploitation-form", "year", event, from, to),
                            List.of(
                                    Reading.rows("form", code -> Codings.mainForm(code, Codings::eurostatForm)),
                                    Reading.rows(
                                            "purpose", code -> Codings.mainForm(code, Codings::eurostatPurpose)))));
                    if (event.equals(Codings.REFERRAL)) {
                        sources.add(new Source(
                                new ReleaseTable("referring-sector", "year", event, from, to),
                                List.of(Reading.rows("registering-sector", Codings::known))));
                    } else {
                        // persons notified anonymously have no registering organisation: unknown, read from the total
                        sources.add(new Source(
                                new ReleaseTable("sex", "year", event, from, to),
                                List.of(Reading.grand("registering-sector", null))));
                    }
                }
                case UnodcReturn.ID -> {
                    sources.add(new Source(
                            new ReleaseTable("sex", "age-group", event, from, to),
                            List.of(
                                    Reading.rows("sex", Codings::sex),
                                    Reading.columns("age-group", Codings::ageGroup),
                                    Reading.cells(
                                            code -> "sex-by-age:"
                                                    + (Codings.sex(code) == null
                                                            ? ReturnCell.UNKNOWN
                                                            : Codings.sex(code)),
                                            Codings::ageGroup))));
                    sources.add(new Source(
                            new ReleaseTable("citizenship", "year", event, from, to),
                            List.of(Reading.rows("citizenship", Codings::known))));
                    sources.add(new Source(
                            new ReleaseTable("exploitation-form", "year", event, from, to),
                            List.of(Reading.rows("form", code -> Codings.mainForm(code, Codings::unodcForm)))));
                }
                case Sdg1622Return.ID -> {
                    sources.add(new Source(
                            new ReleaseTable("sex", "age-group", event, from, to),
                            List.of(
                                    Reading.rows("sex", Codings::sex),
                                    Reading.columns("age-group", Codings::ageGroup))));
                    sources.add(new Source(
                            new ReleaseTable("exploitation-form", "year", event, from, to),
                            List.of(Reading.rows("form", code -> Codings.mainForm(code, form -> form)))));
                    sources.add(new Source(
                            new ReleaseTable("country-of-exploitation", "year", event, from, to),
                            List.of(Reading.rows("destination", Codings::destination))));
                }
                case TipReturn.ID -> {
                    // a period across two calendar years: the tables are by age group, not by year
                    sources.add(new Source(
                            new ReleaseTable("sex", "age-group", event, from, to),
                            List.of(
                                    Reading.rows("sex", Codings::sex),
                                    Reading.columns("age-group", Codings::ageGroup))));
                    sources.add(new Source(
                            new ReleaseTable("exploitation-form", "age-group", event, from, to),
                            List.of(Reading.rows("tip-form", code -> Codings.mainForm(code, Codings::unodcForm)))));
                    sources.add(new Source(
                            new ReleaseTable("citizenship", "age-group", event, from, to),
                            List.of(Reading.rows(
                                    "citizenship-foreign",
                                    code -> TipReturn.citizenship(Codings.known(code), reportingCountry)))));
                }
                case GretaReturn.ID -> {
                    sources.add(new Source(
                            new ReleaseTable("sex", "year", event, from, to),
                            List.of(Reading.rows("sex", Codings::sex))));
                    sources.add(new Source(
                            new ReleaseTable("age-group", "year", event, from, to),
                            List.of(Reading.rows("age-group", Codings::ageGroup))));
                    sources.add(new Source(
                            new ReleaseTable("citizenship", "year", event, from, to),
                            List.of(Reading.rows(
                                    "citizenship-own",
                                    code -> GretaReturn.citizenship(Codings.known(code), reportingCountry)))));
                    sources.add(new Source(
                            new ReleaseTable("exploitation-form", "year", event, from, to),
                            List.of(Reading.rows("form", code -> Codings.mainForm(code, Codings::eurostatForm)))));
                    // one country of exploitation is in the country or abroad; several are counted once in the national
                    // tables (as Several) and cannot tell "in the country and abroad" from "abroad twice": not known
                    sources.add(new Source(
                            new ReleaseTable("country-of-exploitation", "year", event, from, to),
                            List.of(Reading.rows(
                                    "exploitation-location",
                                    code -> GretaReturn.location(Codings.known(code), reportingCountry)))));
                }
                default ->
                    throw new RuleViolation(
                            "returns.refused.unknownTemplate", "Unknown return: " + template + ".", template);
            }
        }
        if (template.equals(EurostatReturn.ID) || template.equals(GretaReturn.ID)) {
            sources.add(new Source(
                    new ReleaseTable("decision-outcome", "age-group", Codings.IDENTIFICATION_DECISION, from, to),
                    List.of(Reading.cells(
                            code -> code.equals("IDENTIFIED") ? "identified" : null, Codings::ageGroup))));
        }
        if (template.equals(GretaReturn.ID)) {
            GretaReturn.releaseSources(from, to).forEach(sources::add);
        }
        if (template.equals(TipReturn.ID)) {
            sources.add(new Source(
                    new ReleaseTable("age-group", "sex", TipReturn.ASSISTANCE_STARTED, from, to),
                    List.of(Reading.grand("referred-to-services", TipReturn.ASSISTANCE_STARTED))));
            sources.add(new Source(
                    new ReleaseTable("service", "age-group", GretaReturn.SERVICE_DELIVERED, from, to),
                    List.of(Reading.rows("services", Codings::known))));
        }
        return sources;
    }

    /** The tables of the release, each once, in order. */
    static List<ReleaseTable> tables(List<Source> sources) {
        return sources.stream().map(Source::table).distinct().toList();
    }

    /** The return's figures as the released tables give them (null where withheld). */
    static Published read(List<Source> sources, List<PublishedTable> released) {
        var tables = tables(sources);
        var published = new Published();
        for (Source source : sources) {
            PublishedTable table = released.get(tables.indexOf(source.table()));
            for (Reading reading : source.readings()) {
                switch (reading.kind()) {
                    case ROWS -> {
                        published.addTotal(reading.section(), table.grandTotal());
                        for (int r = 0; r < table.rowCategories().size(); r++) {
                            published.add(
                                    reading.section(),
                                    reading.category()
                                            .apply(table.rowCategories().get(r)),
                                    table.rowTotals().get(r));
                        }
                    }
                    case COLUMNS -> {
                        published.addTotal(reading.section(), table.grandTotal());
                        for (int c = 0; c < table.columnCategories().size(); c++) {
                            published.add(
                                    reading.section(),
                                    reading.category()
                                            .apply(table.columnCategories().get(c)),
                                    table.columnTotals().get(c));
                        }
                    }
                    case GRAND -> {
                        published.addTotal(reading.section(), table.grandTotal());
                        published.add(reading.section(), reading.category().apply(""), table.grandTotal());
                    }
                    case SOME_ROWS -> {
                        reading.sections().forEach(section -> published.addTotal(section, 0L));
                        for (int r = 0; r < table.rowCategories().size(); r++) {
                            String[] to =
                                    reading.pick().apply(table.rowCategories().get(r), null);
                            if (to != null) {
                                published.add(to[0], to[1], table.rowTotals().get(r));
                                published.addTotal(to[0], table.rowTotals().get(r));
                            }
                        }
                    }
                    case SOME_CELLS -> {
                        reading.sections().forEach(section -> published.addTotal(section, 0L));
                        for (int r = 0; r < table.rowCategories().size(); r++) {
                            for (int c = 0; c < table.columnCategories().size(); c++) {
                                String[] to = reading.pick()
                                        .apply(
                                                table.rowCategories().get(r),
                                                table.columnCategories().get(c));
                                if (to != null) {
                                    published.add(
                                            to[0], to[1], table.cells().get(r).get(c));
                                    published.addTotal(
                                            to[0], table.cells().get(r).get(c));
                                }
                            }
                        }
                    }
                    case CELLS -> {
                        for (int r = 0; r < table.rowCategories().size(); r++) {
                            String section = reading.rowSection()
                                    .apply(table.rowCategories().get(r));
                            if (section == null) {
                                continue;
                            }
                            published.addTotal(section, table.rowTotals().get(r));
                            for (int c = 0; c < table.columnCategories().size(); c++) {
                                published.add(
                                        section,
                                        reading.category()
                                                .apply(table.columnCategories().get(c)),
                                        table.cells().get(r).get(c));
                            }
                        }
                    }
                }
            }
        }
        return published;
    }

    /** Figures summed from released cells; a sum with a withheld cell in it is withheld. */
    static final class Published implements Figures {

        private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        private final Map<String, Long> totals = new LinkedHashMap<>();
        private final Map<String, Boolean> withheldTotals = new LinkedHashMap<>();
        private final Map<String, java.util.Set<String>> withheld = new LinkedHashMap<>();

        void add(String section, String category, Long value) {
            String key = category == null ? ReturnCell.UNKNOWN : category;
            var ofSection = counts.computeIfAbsent(section, s -> new LinkedHashMap<>());
            if (value == null) {
                withheld.computeIfAbsent(section, s -> new java.util.HashSet<>())
                        .add(key);
                ofSection.putIfAbsent(key, 0L);
            } else {
                ofSection.merge(key, value, Long::sum);
            }
        }

        void addTotal(String section, Long value) {
            if (value == null) {
                withheldTotals.put(section, true);
            } else {
                totals.merge(section, value, Long::sum);
            }
        }

        public List<String> sections() {
            return List.copyOf(counts.keySet());
        }

        @Override
        public Long count(String section, String category) {
            var ofSection = counts.get(section);
            if (ofSection == null) {
                return null;
            }
            if (withheld.getOrDefault(section, java.util.Set.of()).contains(category)) {
                return null;
            }
            return ofSection.getOrDefault(category, 0L);
        }

        @Override
        public Long total(String section) {
            return withheldTotals.containsKey(section) || !totals.containsKey(section) ? null : totals.get(section);
        }

        @Override
        public List<String> categories(String section) {
            var ofSection = counts.get(section);
            if (ofSection == null) {
                return List.of();
            }
            List<String> categories = new ArrayList<>(ofSection.keySet());
            // unknown last, as in a filled return
            if (categories.remove(ReturnCell.UNKNOWN)) {
                categories.add(ReturnCell.UNKNOWN);
            }
            return categories;
        }
    }
}
