package org.opennrm.statistics.publishing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A background estimate of the hidden number as a return may use it: how far the job got and, when done, its
 * recommended row (the total of persons, detected and undetected, with its 95% interval) and the rule that chose
 * it. Only the total and its interval cross this interface, never the table's overlap cells.
 *
 * @param status {@code SUBMITTED}, {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param source {@code CASES} (the platform's own lists, one per sector, of the years {@code firstYear} to
 *     {@code lastYear}), {@code TABLE} (a table a statistician gave) or {@code LINKAGE_RUN}
 * @param choice the recommended row ({@code SPAN}, {@code LATENT_CLASS}, {@code LOGIT_NORMAL}, {@code TWO_CLASSES}, {@code RASCH_AIC}, {@code BEST_AIC},
 *     {@code BEST_BIC}, {@code MAIN_EFFECTS}), or null when the job is not done or the data support none
 * @param model the model's terms as the statistics page names them (English, technical)
 * @param upper null when the interval is open above
 * @param warnings what the reader must know before publishing (the statistics page's warning kinds)
 */
public record PublishedEstimate(
        UUID id,
        String status,
        String source,
        Integer firstYear,
        Integer lastYear,
        Long observed,
        String choice,
        String model,
        Double total,
        Double lower,
        Double upper,
        List<String> warnings,
        Instant finishedAt) {

    public PublishedEstimate {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public boolean done() {
        return "DONE".equals(status);
    }

    /** A job on the platform's own lists of exactly this year. */
    public boolean platformListsOf(int year) {
        return "CASES".equals(source) && firstYear != null && firstYear == year && lastYear != null && lastYear == year;
    }
}
