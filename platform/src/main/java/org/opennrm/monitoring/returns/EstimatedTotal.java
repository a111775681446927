package org.opennrm.monitoring.returns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.UUID;
import org.opennrm.RuleViolation;
import org.opennrm.statistics.publishing.PublishedEstimate;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The hidden-number estimate standing as the total of SDG 16.2.2 beside the detected victims: the recommended row of a
 * completed background estimate (its point and 95% interval, rounded to whole persons) and its rate per 100,000 with
 * the interval. The breakdowns by sex, age and form stay counts of detected victims: an estimate of the whole is no
 * estimate of its parts.
 *
 * <p>Which estimates may stand: a completed one on the platform's own lists of the return's year, or a completed one
 * on a table a statistician gave or a linkage run, stated as such. Refused: a job not finished or failed, one on the
 * platform's lists of another period, one whose data support no total, one whose interval is open above.
 *
 * @param detected detected victims of the return (its total); null where disclosure control withheld it
 * @param platformLists whether the estimate's table is the platform's own lists of the year
 */
record EstimatedTotal(PublishedEstimate estimate, int year, Long detected, long population, boolean platformLists) {

    /** Refused as the total, with the reason for the field (keyed, for the page in the reader's language). */
    static final class Refused extends RuleViolation {
        Refused(String messageKey, String english, Object... arguments) {
            super(messageKey, english, arguments);
        }
    }

    static EstimatedTotal of(
            String jobId,
            java.util.function.Function<UUID, Optional<PublishedEstimate>> jobs,
            int year,
            long detected,
            Population population) {
        var estimate = parse(jobId)
                .flatMap(jobs)
                .orElseThrow(() -> new Refused(
                        "returns.refused.estimate.unknown",
                        "No estimate has this number: choose a completed estimate from the list."));
        switch (estimate.status()) {
            case "DONE" -> {}
            case "FAILED" ->
                throw new Refused(
                        "returns.refused.estimate.failed",
                        "This estimate failed, so it cannot stand as the total: see the reason on its page and start"
                                + " it again.");
            default ->
                throw new Refused(
                        "returns.refused.estimate.running",
                        "This estimate has not finished yet (it runs in the background): choose it again when it is"
                                + " done.");
        }
        boolean platformLists = estimate.platformListsOf(year);
        if ("CASES".equals(estimate.source()) && !platformLists) {
            String first = Integer.toString(estimate.firstYear());
            String last = Integer.toString(estimate.lastYear());
            String english = first.equals(last) ? first : first + " to " + last;
            // one year, or the years from to (its "to" in the reader's language on the page)
            Object period = first.equals(last)
                    ? first
                    : new DefaultMessageSourceResolvable(
                            new String[] {"returns.refused.estimate.years"}, new Object[] {first, last}, english);
            throw new Refused(
                    "returns.refused.estimate.otherLists",
                    "This estimate counts the platform's lists of " + english + ", not of " + year
                            + ": start an estimate on the lists of " + year + ".",
                    period,
                    String.valueOf(year));
        }
        if (estimate.choice() == null || estimate.total() == null || estimate.lower() == null) {
            throw new Refused(
                    "returns.refused.estimate.noTotal",
                    "The data of this estimate support no total (its page says why): it cannot stand as the total.");
        }
        if (estimate.upper() == null) {
            throw new Refused(
                    "returns.refused.estimate.openAbove",
                    "The 95% interval of this estimate is open above: it cannot stand as the total.");
        }
        Long total = population.of(year, Population.TOTAL);
        if (total == null) {
            throw new Refused(
                    "returns.refused.estimate.population",
                    "Load the population of " + year + " before using an estimate as the total.",
                    String.valueOf(year));
        }
        return new EstimatedTotal(estimate, year, detected, total, platformLists);
    }

    private static Optional<UUID> parse(String jobId) {
        try {
            return Optional.of(UUID.fromString(jobId.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public UUID jobId() {
        return estimate.id();
    }

    public long total() {
        return Math.round(estimate.total());
    }

    public long lower() {
        return (long) Math.floor(estimate.lower());
    }

    public long upper() {
        return (long) Math.ceil(estimate.upper());
    }

    public String detectedRate() {
        return detected == null ? "" : rate(detected);
    }

    public String totalRate() {
        return rate(estimate.total());
    }

    public String lowerRate() {
        return rate(lower());
    }

    public String upperRate() {
        return rate(upper());
    }

    /** The recommended row's rule ({@code SPAN}, {@code LATENT_CLASS}, ...). */
    public String choice() {
        return estimate.choice();
    }

    public String model() {
        return estimate.model();
    }

    private String rate(double persons) {
        return BigDecimal.valueOf(persons)
                .multiply(BigDecimal.valueOf(100_000))
                .divide(BigDecimal.valueOf(population), OpenSdgLayout.STANDARD.decimals(), RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** The coverage line: what the total is, from what, and that the breakdowns are not estimated. */
    public String coverage() {
        String from = platformLists
                ? "the platform's own lists of " + year + " (persons referred in " + year + ", one list per kind of"
                        + " organisation that met them)"
                : "a list-overlap table given to the estimate (" + source() + "), not the platform's own lists of "
                        + year;
        return "Estimated total: " + total() + " victims, detected and undetected (95% interval " + lower() + " to "
                + upper() + "), " + totalRate() + " per 100,000 (" + lowerRate() + " to " + upperRate()
                + "), by multiple systems estimation on " + from + "; the recommended row of the models side by side ("
                + model() + "). The breakdowns by sex, age and form stay counts of detected victims"
                + (detected == null ? "" : " (" + detected + ")") + "; the estimate is of the total only."
                + (platformLists
                        ? " The lists hold persons referred into the NRM (a person once, however many cases), so persons"
                                + " notified anonymously, counted among the detected victims, are on none of them."
                        : "");
    }

    /** The return's coverage with the line on undetected victims replaced by what the estimate covers. */
    java.util.List<String> coverage(java.util.List<String> lines) {
        java.util.List<String> replaced = new java.util.ArrayList<>();
        for (String line : lines) {
            replaced.add(line.startsWith(Sdg1622Return.DETECTED_ONLY) ? coverage() : line);
        }
        return replaced;
    }

    /** The filled return with this estimate's coverage line. */
    OfficialReturn applyTo(OfficialReturn filled) {
        return new OfficialReturn(
                filled.template(), filled.period(), filled.rules(), filled.sections(), coverage(filled.coverage()));
    }

    private String source() {
        return "LINKAGE_RUN".equals(estimate.source()) ? "the overlap of a linkage run" : "a table a statistician gave";
    }
}
