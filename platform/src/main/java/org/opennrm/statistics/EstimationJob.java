package org.opennrm.statistics;

import java.time.Instant;
import java.util.UUID;

/**
 * A background estimate of the hidden number: submitted, then running (with its stage and progress in percent),
 * then done with its result or failed with the reason in words. An estimate built from a linkage run states the run
 * and the similarity threshold its overlap table rests on; one on the platform's own lists ({@code CASES}) states
 * the years of referral its table counts ({@code firstYear} to {@code lastYear}).
 */
record EstimationJob(
        UUID id,
        Status status,
        Stage stage,
        int progress,
        Source source,
        UUID linkageRunId,
        Double linkageThreshold,
        Integer firstYear,
        Integer lastYear,
        int lists,
        int classes,
        int burnIn,
        int samples,
        int thinning,
        long seed,
        int timeLimitSeconds,
        HiddenNumberComparison result,
        String failure,
        Instant submittedAt,
        Instant startedAt,
        Instant finishedAt) {

    enum Status {
        SUBMITTED,
        RUNNING,
        DONE,
        FAILED
    }

    enum Stage {
        LOG_LINEAR,
        LATENT_CLASS
    }

    enum Source {
        TABLE,
        LINKAGE_RUN,
        CASES
    }

    public boolean finished() {
        return status == Status.DONE || status == Status.FAILED;
    }
}
