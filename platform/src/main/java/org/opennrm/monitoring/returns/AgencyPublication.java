package org.opennrm.monitoring.returns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opennrm.statistics.publishing.ReturnReleases;

/**
 * The agencies' approved figures a return is published with, through the return's release: each agency's measures as
 * tables of their own (the lines as the agency reported them, and the measure's total), counts of persons protected as
 * national tables are, every cell checked jointly against everything already published. See docs/official-returns.md.
 */
final class AgencyPublication {

    private AgencyPublication() {}

    /** Which version of an agency's figures a return was sent with; version null where none was approved. */
    record SentAgency(Agency agency, int year, UUID reportId, Integer version, Instant approvedAt) {
        public boolean reported() {
            return version != null;
        }

        public LocalDate approvedOn(ZoneId zone) {
            return approvedAt == null ? null : approvedAt.atZone(zone).toLocalDate();
        }
    }

    /** One line (or the total: every category {@code ALL}) as published: null where withheld, with why. */
    record PublishedLine(String sex, String ageGroup, String form, Long count, String reason, String why) {
        public boolean withheld() {
            return count == null;
        }
    }

    /** One measure of an agency as published: the lines as the agency reported them, then the total. */
    record PublishedMeasure(String measure, boolean persons, List<PublishedLine> lines, PublishedLine total) {}

    /** An agency's figures as published with the return, "as reported by it, version N, approved on D". */
    record PublishedAgency(
            Agency agency, int year, Integer version, LocalDate approvedOn, List<PublishedMeasure> measures) {
        public boolean reported() {
            return version != null;
        }
    }

    static final List<String> SEXES = Agency.SEXES.subList(0, Agency.SEXES.size() - 1);
    static final List<String> AGES = Agency.AGES.subList(0, Agency.AGES.size() - 1);
    static final List<String> FORMS = Agency.FORMS.subList(0, Agency.FORMS.size() - 1);

    /** The measures of an agency's approved figures, as the release takes them (a measure it gave no line for is left out). */
    static List<ReturnReleases.AgencyMeasure> measures(AgencyReports.Reported reported, int year) {
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
                    year + "-Q1",
                    year + "-Q4",
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
                published.add(new PublishedAgency(agency.agency(), agency.year(), null, null, List.of()));
                continue;
            }
            var reported = reports.lines(agency.agency(), agency.reportId());
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
                    agency.agency(), agency.year(), agency.version(), agency.approvedOn(zone), measures));
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
                .map(cell -> new PublishedLine(sex, age, form, cell.count(), cell.reason(), cell.why()))
                .orElse(new PublishedLine(sex, age, form, null, "NOT_SETTLED", null));
    }

    /** What the return states about the agencies' figures it publishes, or leaves out. */
    static void coverage(List<SentAgency> sent, ZoneId zone, List<String> coverage) {
        if (sent.isEmpty()) {
            return;
        }
        for (var agency : sent) {
            String name =
                    agency.agency().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            if (agency.reported()) {
                coverage.add("Criminal-justice figures of the " + name + " for " + agency.year()
                        + ": as reported by the " + name + ", version " + agency.version() + ", approved on "
                        + agency.approvedOn(zone) + ".");
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
