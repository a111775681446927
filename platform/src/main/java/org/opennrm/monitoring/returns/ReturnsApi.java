package org.opennrm.monitoring.returns;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Official returns through the API: fill, send for publication, approve, read and download. */
@RestController
@RequestMapping("/api/v1/returns")
@Tag(
        name = "Official returns",
        description = "Returns to Eurostat, UNODC, SDG 16.2.2, GRETA and the US TIP report built from the facts;"
                + " published as releases where disclosure control can protect them")
class ReturnsApi {

    private static final String RELEASE = "hasAuthority('statistics:release:all')";
    private static final String READ = "hasAuthority('statistics:read:all')";

    /** A published figure; value null where withheld by disclosure control. */
    record PublishedCell(String category, Long value) {}

    record PublishedSection(String section, Long total, List<PublishedCell> cells) {}

    /** A return sent for publication: its rules, its release's state, and its figures once published. */
    record ReturnSummary(
            UUID id,
            String template,
            int year,
            CountingRules rules,
            String status,
            UUID releaseId,
            Instant assembledAt,
            long withheldCells,
            List<PublishedSection> sections,
            List<String> coverage,
            List<AgencyPublication.PublishedAgency> agencies,
            EstimatedTotalView estimatedTotal) {}

    /**
     * An agency's approved figures as the draft shows them: "as reported by the agency, version N, approved on D", line
     * by line as the agency sent them; or that it has no approved figures for the year.
     */
    record AgencyFigure(
            Agency agency,
            boolean approved,
            Integer version,
            LocalDate approvedOn,
            String source,
            List<AgencyReports.Line> lines) {}

    /**
     * The criminal-justice figures shown beside a draft, for the calendar year the agencies report by, before
     * disclosure control. {@code sentWithReturn}: they are sent with the return, and published through its release's
     * disclosure control (small counts of persons withheld).
     */
    record AgencyFigures(int year, boolean sentWithReturn, String note, List<AgencyFigure> agencies) {}

    /** A return filled from the facts (as {@link OfficialReturn}), with the agencies' figures the page shows beside it. */
    record Draft(
            String template,
            ReportingPeriod period,
            CountingRules rules,
            List<Section> sections,
            List<String> coverage,
            AgencyFigures agencyFigures,
            EstimatedTotalView estimatedTotal) {}

    /**
     * The hidden-number estimate standing as the total of SDG 16.2.2: the recommended row of a completed background
     * estimate (whole persons, 95% interval) and its rate per 100,000 with the interval, beside the detected victims
     * and their rate. {@code platformLists}: the estimate's table is the platform's own lists of the return's year
     * (otherwise a table given to the estimate). The breakdowns stay counts of detected victims.
     */
    record EstimatedTotalView(
            UUID jobId,
            boolean platformLists,
            String choice,
            String model,
            Long detected,
            String detectedRate,
            long total,
            long lower,
            long upper,
            String rate,
            String rateLower,
            String rateUpper,
            List<String> warnings) {

        static EstimatedTotalView of(EstimatedTotal estimated) {
            return new EstimatedTotalView(
                    estimated.jobId(),
                    estimated.platformLists(),
                    estimated.choice(),
                    estimated.model(),
                    estimated.detected(),
                    estimated.detectedRate(),
                    estimated.total(),
                    estimated.lower(),
                    estimated.upper(),
                    estimated.totalRate(),
                    estimated.lowerRate(),
                    estimated.upperRate(),
                    estimated.estimate().warnings());
        }
    }

    private final OfficialReturns returns;
    private final AgencyReports agencies;

    ReturnsApi(OfficialReturns returns, AgencyReports agencies) {
        this.returns = returns;
        this.agencies = agencies;
    }

    @GetMapping
    @PreAuthorize(READ)
    @Operation(summary = "Returns sent for publication, newest first")
    List<ReturnSummary> all() {
        return returns.all().stream().map(sent -> summary(sent, false)).toList();
    }

    @GetMapping("/draft")
    @PreAuthorize(RELEASE)
    @Operation(
            summary = "A return filled from the facts, before disclosure control, each cell with its rule, with the"
                    + " agencies' approved criminal-justice figures beside it (not sent with the return)")
    Draft draft(
            @RequestParam(required = false) String template,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String forms,
            @RequestParam(required = false) String basis,
            @RequestParam(required = false) String estimate) {
        var form = new ReturnForm(template, year, forms, basis, estimate);
        var chosen = returns.template(form.template());
        var filled = returns.fill(chosen.id(), chosen.period(form.year()), form.rules());
        var estimated = returns.estimatedTotal(filled, form.estimate());
        if (estimated != null) {
            filled = estimated.applyTo(filled);
        }
        int agencyYear = chosen.agencyYear(form.year());
        return new Draft(
                filled.template(),
                filled.period(),
                filled.rules(),
                filled.sections(),
                filled.coverage(),
                agencyFigures(
                        filled,
                        agencyYear,
                        agencies.approvedFor(filled.template(), agencyYear, chosen.agencyQuarters(form.year()))),
                estimated == null ? null : EstimatedTotalView.of(estimated));
    }

    static AgencyFigures agencyFigures(OfficialReturn filled, int year, List<AgencyReports.Reported> reported) {
        String note = "The agencies' approved figures for " + year + ", as each agency reported them in its latest"
                + " approved version, before disclosure control. They are sent with the return: the published return"
                + " shows them through the same disclosure control as its other tables (counts of persons smaller than"
                + " the minimum cell size, and what would reveal them, withheld).";
        boolean calendarYearOnly = reported.stream().anyMatch(agency -> !agency.quarterly());
        if ((filled.period().first().getYear() != year || filled.period().last().getYear() != year)
                && calendarYearOnly) {
            note += " Where an agency has not approved all four quarters of the return's period "
                    + filled.period().first() + " to " + filled.period().last() + ", its figures are those of"
                    + " calendar year " + year + ", which does not match the return's period.";
        }
        return new AgencyFigures(
                year,
                !reported.isEmpty(),
                note,
                reported.stream()
                        .map(agency -> new AgencyFigure(
                                agency.agency(),
                                agency.approved(),
                                agency.version(),
                                agency.approvedOn(),
                                source(agency, year),
                                agency.lines()))
                        .toList());
    }

    private static String source(AgencyReports.Reported agency, int year) {
        if (!agency.approved()) {
            return "no approved figures for " + year;
        }
        if (!agency.quarterly()) {
            return "as reported by the agency, version " + agency.version() + ", approved on " + agency.approvedOn()
                    + (agency.period().equals(Integer.toString(year)) ? "" : " (figures for " + agency.period() + ")");
        }
        return "the sum of four quarters as reported by the agency, " + agency.period() + ": "
                + String.join(
                        "; ",
                        agency.sources().stream()
                                .map(source -> source.period() + " version " + source.version() + ", approved on "
                                        + source.approvedOn())
                                .toList());
    }

    @PostMapping
    @PreAuthorize(RELEASE)
    @Operation(summary = "Send a return for publication: its tables become a release awaiting a second statistician")
    ResponseEntity<ReturnSummary> send(@RequestBody ReturnForm form) {
        var sent = returns.send(returns.template(form.template()).id(), form.year(), form.rules(), form.estimate());
        return ResponseEntity.status(HttpStatus.CREATED).body(summary(sent, false));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READ)
    @Operation(summary = "A return sent for publication, with its figures once published")
    ReturnSummary one(@PathVariable UUID id) {
        return summary(returns.find(id).orElseThrow(() -> new RecordNotFound("official return", id)), true);
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize(RELEASE)
    @Operation(summary = "Approve and so publish a return (not by the statistician who sent it)")
    ReturnSummary approve(@PathVariable UUID id) {
        return summary(returns.approve(id), true);
    }

    @GetMapping("/{id}/file")
    @PreAuthorize(READ)
    @Operation(summary = "Download a published return in the body's format (csv, xlsx; sdmx for SDG 16.2.2)")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @RequestParam(defaultValue = "csv") String format) {
        return ReturnsController.download(returns.file(id, format));
    }

    private ReturnSummary summary(OfficialReturns.Sent sent, boolean figures) {
        List<PublishedSection> sections = null;
        List<String> coverage = null;
        List<AgencyPublication.PublishedAgency> agencyFigures = null;
        EstimatedTotalView estimated = null;
        if (figures && sent.published()) {
            agencyFigures = returns.publishedAgencyFigures(sent);
            var published = (ReleaseSources.Published) returns.published(sent);
            sections = new ArrayList<>();
            for (String section : published.sections()) {
                sections.add(new PublishedSection(
                        section,
                        published.total(section),
                        published.categories(section).stream()
                                .map(category -> new PublishedCell(category, published.count(section, category)))
                                .toList()));
            }
            coverage = returns.coverage(sent, published);
            var total = returns.estimatedTotal(sent, published);
            estimated = total == null ? null : EstimatedTotalView.of(total);
        }
        return new ReturnSummary(
                sent.id(),
                sent.template(),
                sent.year(),
                sent.rules(),
                sent.published() ? "PUBLISHED" : "AWAITING_APPROVAL",
                sent.release().id(),
                sent.assembledAt(),
                sent.release().withheldCells(),
                sections,
                coverage,
                agencyFigures,
                estimated);
    }
}
