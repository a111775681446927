package org.opennrm.monitoring.returns;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.opennrm.statistics.publishing.ReturnReleases;

/**
 * The agencies' approved figures a return is published with, through the return's release: each agency's measures as
 * tables of their own (the lines as the agency reported them, and the measure's total), counts of persons protected as
 * national tables are, every cell checked jointly against everything already published. See docs/official-returns.md.
 */
final class AgencyPublication {

    private AgencyPublication() {}

    /**
     * Which versions of an agency's figures a return was sent with: one source for a year's figures, four for the
     * quarters of the TIP report's year; none where nothing was approved (year is then the calendar year asked for).
     */
    record SentAgency(Agency agency, int year, List<AgencyReports.Source> sources) {
        public boolean reported() {
            return !sources.isEmpty();
        }

        public boolean quarterly() {
            return reported() && sources.getFirst().period().quarterly();
        }

        public Integer version() {
            return reported() ? sources.getFirst().version() : null;
        }

        public LocalDate approvedOn(ZoneId zone) {
            return reported() ? sources.getFirst().approvedAt().atZone(zone).toLocalDate() : null;
        }
    }

    /** One line (or the total: every category {@code ALL}) as published: null where withheld, with why. */
    record PublishedLine(
            String sex,
            String ageGroup,
            String form,
            Long count,
            String reason,
            String why,
            org.opennrm.statistics.publishing.JointReason because) {
        public boolean withheld() {
            return count == null;
        }
    }

    /** One measure of an agency as published: the lines as the agency reported them, then the total. */
    record PublishedMeasure(String measure, boolean persons, List<PublishedLine> lines, PublishedLine total) {}

    /** An agency's figures as published with the return, "as reported by it, version N, approved on D". */
    record PublishedAgency(
            Agency agency,
            int year,
            Integer version,
            LocalDate approvedOn,
            List<AgencyReports.Source> sources,
            List<PublishedMeasure> measures) {
        public boolean reported() {
            return version != null;
        }

        /** Whether the figures are the sum of four quarters (each source a quarter). */
        public boolean quarterly() {
            return reported() && sources.getFirst().period().quarterly();
        }
    }

    static final List<String> SEXES = Agency.SEXES.subList(0, Agency.SEXES.size() - 1);
    static final List<String> AGES = Agency.AGES.subList(0, Agency.AGES.size() - 1);
    static final List<String> FORMS = Agency.FORMS.subList(0, Agency.FORMS.size() - 1);

    /** The measures of an agency's approved figures, as the release takes them (a measure it gave no line for is left out). */
    static List<ReturnReleases.AgencyMeasure> measures(AgencyReports.Reported reported) {
        List<ReturnReleases.AgencyMeasure> measures = new ArrayList<>();
        if (!reported.approved()) {
            return measures;
        }
        Agency agency = reported.agency();
        for (String measure : agency.measures()) {
            var lines = reported.lines().stream()
                    .filter(line -> line.measure().equals(measure))
                    .map(line -> new ReturnReleases.AgencyLine(line.sex(), line.ageGroup(), line.form(), line.count()))
                    .toList();
            if (lines.isEmpty()) {
                continue;
            }
            boolean persons = agency.countsPersons(measure);
            measures.add(new ReturnReleases.AgencyMeasure(
                    agency.name(),
                    measure,
                    persons,
                    reported.from(),
                    reported.to(),
                    persons ? SEXES : List.of(),
                    persons ? AGES : List.of(),
                    FORMS,
                    lines));
        }
        return measures;
    }

    /**
     * The agencies' figures as the release gives them: for every agency the return was sent with, its measures' lines as
     * it reported them (the positions only are taken from the report; the counts come from the release).
     */
    static List<PublishedAgency> read(
            List<SentAgency> sent, List<ReturnReleases.AgencyCell> cells, AgencyReports reports, ZoneId zone) {
        List<PublishedAgency> published = new ArrayList<>();
        for (var agency : sent) {
            if (!agency.reported()) {
                published.add(new PublishedAgency(agency.agency(), agency.year(), null, null, List.of(), List.of()));
                continue;
            }
            var reported = reports.summed(agency.agency(), agency.sources());
            List<PublishedMeasure> measures = new ArrayList<>();
            for (String measure : agency.agency().measures()) {
                var lines = reported.stream()
                        .filter(line -> line.measure().equals(measure))
                        .map(line -> line(cells, agency.agency(), measure, line.sex(), line.ageGroup(), line.form()))
                        .toList();
                if (lines.isEmpty()) {
                    continue;
                }
                measures.add(new PublishedMeasure(
                        measure,
                        agency.agency().countsPersons(measure),
                        lines,
                        line(cells, agency.agency(), measure, "ALL", "ALL", "ALL")));
            }
            published.add(new PublishedAgency(
                    agency.agency(),
                    agency.year(),
                    agency.version(),
                    agency.approvedOn(zone),
                    agency.sources(),
                    measures));
        }
        return published;
    }

    private static PublishedLine line(
            List<ReturnReleases.AgencyCell> cells, Agency agency, String measure, String sex, String age, String form) {
        return cells.stream()
                .filter(cell -> cell.agency().equals(agency.name())
                        && cell.measure().equals(measure)
                        && cell.sex().equals(sex)
                        && cell.ageGroup().equals(age)
                        && cell.form().equals(form))
                .findFirst()
                .map(cell -> new PublishedLine(sex, age, form, cell.count(), cell.reason(), cell.why(), cell.because()))
                .orElse(new PublishedLine(sex, age, form, null, "NOT_SETTLED", null, null));
    }

    /** The month a quarter starts or ends, with its year, as in "April 2024" or "March 2025". */
    private static String month(AgencyPeriod quarter, boolean start) {
        int month = quarter.quarter() * 3 - (start ? 2 : 0);
        return java.time.Month.of(month).getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
                + quarter.year();
    }

    /** What the return states about the agencies' figures it publishes, or leaves out. */
    static void coverage(List<SentAgency> sent, ZoneId zone, List<String> coverage) {
        coverage(sent, zone, List.of(), coverage);
    }

    /**
     * As {@link #coverage(List, ZoneId, List)}, for a return that takes the agencies' figures of the given quarters
     * where all four are approved (the TIP report's April to March): it says of an agency it took the calendar year of
     * that it did not have the quarters.
     */
    static void coverage(List<SentAgency> sent, ZoneId zone, List<AgencyPeriod> quarters, List<String> coverage) {
        if (sent.isEmpty()) {
            return;
        }
        for (var agency : sent) {
            String name =
                    agency.agency().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            if (agency.quarterly()) {
                var versions = new ArrayList<String>();
                for (var source : agency.sources()) {
                    versions.add(source.period() + " version " + source.version() + ", approved on "
                            + source.approvedAt().atZone(zone).toLocalDate());
                }
                coverage.add("Criminal-justice figures of the " + name + " for "
                        + agency.sources().getFirst().period()
                        + " to " + agency.sources().getLast().period()
                        + ": the sum of four quarters as reported by the "
                        + name + " (" + String.join("; ", versions) + ").");
            } else if (agency.reported()) {
                coverage.add("Criminal-justice figures of the " + name + " for " + agency.year()
                        + ": as reported by the " + name + ", version " + agency.version() + ", approved on "
                        + agency.approvedOn(zone) + ".");
                if (!quarters.isEmpty()) {
                    coverage.add("The " + name + " had not approved all four quarters from "
                            + month(quarters.getFirst(), true) + " to " + month(quarters.getLast(), false)
                            + ": these are their figures of calendar year " + agency.year()
                            + ", which do not match the period.");
                }
            } else {
                coverage.add("The " + name + " had no approved figures for " + agency.year()
                        + ": the return is published without them.");
            }
        }
        coverage.add("In the agencies' figures, counts of persons (suspects, persons prosecuted, convicted, sentenced)"
                + " smaller than the minimum cell size of the national tables are withheld, and so are other lines or totals from which"
                + " they could be worked out, checked jointly with everything already published; a count corrected after"
                + " it was published is withheld in later returns, so the published value stands. Counts of proceedings"
                + " and documents (investigations, court decisions, inspections, reports) are published as reported.");
    }
}
