package org.opennrm.statistics;

import jakarta.annotation.PreDestroy;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.opennrm.RecordNotFound;
import org.opennrm.RuleViolation;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.linkage.LinkageRun;
import org.opennrm.linkage.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs estimates of the hidden number in the background: a request stores the job and returns at once; a small pool
 * of worker threads (one by default) fits the log-linear models and then the latent-class model, writing the stage
 * and progress to the job as it goes, and the result or the reason it failed at the end. Every job has a time limit;
 * a chain still running at the limit is stopped and the job fails with that reason. The database is the record: at
 * start, jobs left running by a stop or crash are marked failed and jobs still waiting are queued again.
 *
 * <p>Only the aggregate list-overlap table is kept (counts per combination of lists), never a person.
 */
@Service
class EstimationJobs {

    private static final Logger log = LoggerFactory.getLogger(EstimationJobs.class);

    /** Progress is written at most this often, so that a fast chain does not flood the database. */
    static final long PROGRESS_EVERY_NANOS = 500_000_000L;

    private final JdbcClient jdbc;
    private final MultipleSystemsEstimation estimation;
    private final Clock clock;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final int maximumTimeLimitSeconds;
    private final int maximumWaiting;
    private final LatentClassModel.Settings defaults;
    private final ThreadPoolExecutor workers;

    EstimationJobs(
            JdbcClient jdbc,
            MultipleSystemsEstimation estimation,
            Clock clock,
            JsonMapper json,
            AuditTrail audit,
            @Value("${opennrm.statistics.estimation.workers:1}") int workers,
            @Value("${opennrm.statistics.estimation.time-limit-seconds:900}") int maximumTimeLimitSeconds,
            @Value("${opennrm.statistics.estimation.max-waiting:20}") int maximumWaiting,
            @Value("${opennrm.statistics.estimation.classes:10}") int classes,
            @Value("${opennrm.statistics.estimation.burn-in:10000}") int burnIn,
            @Value("${opennrm.statistics.estimation.samples:1000}") int samples,
            @Value("${opennrm.statistics.estimation.thinning:50}") int thinning) {
        this.jdbc = jdbc;
        this.estimation = estimation;
        this.clock = clock;
        this.json = json;
        this.audit = audit;
        this.maximumTimeLimitSeconds = maximumTimeLimitSeconds;
        this.maximumWaiting = maximumWaiting;
        this.defaults = new LatentClassModel.Settings(classes, burnIn, samples, thinning, 1);
        AtomicInteger number = new AtomicInteger();
        this.workers =
                new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "estimation-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    thread.setPriority(Thread.NORM_PRIORITY - 1);
                    return thread;
                });
    }

    /** The settings a job gets when none are given. */
    LatentClassModel.Settings defaults() {
        return defaults;
    }

    int maximumTimeLimitSeconds() {
        return maximumTimeLimitSeconds;
    }

    /**
     * Stores a job for the table and queues it. The table is checked here, so a table that cannot be estimated is
     * refused at once with the reason; so is a job when too many wait already.
     *
     * @param timeLimitSeconds null for the configured limit; at most the configured limit
     */
    @PreAuthorize("hasAuthority('statistics:read:all')")
    EstimationJob submit(
            String csv,
            EstimationJob.Source source,
            UUID linkageRunId,
            Double linkageThreshold,
            LatentClassModel.Settings settings,
            Integer timeLimitSeconds) {
        return submit(csv, source, linkageRunId, linkageThreshold, null, settings, timeLimitSeconds);
    }

    /**
     * A job on the platform's own lists of a period ({@link EncounterOverlaps}): the job states the years, so that
     * a return of one of those years may use it as its total.
     */
    @PreAuthorize("hasAuthority('statistics:read:all')")
    EstimationJob submit(EncounterOverlap overlap, LatentClassModel.Settings settings, Integer timeLimitSeconds) {
        return submit(
                Estimates.csv(overlap), EstimationJob.Source.CASES, null, null, overlap, settings, timeLimitSeconds);
    }

    private EstimationJob submit(
            String csv,
            EstimationJob.Source source,
            UUID linkageRunId,
            Double linkageThreshold,
            EncounterOverlap period,
            LatentClassModel.Settings settings,
            Integer timeLimitSeconds) {
        var table = ListOverlapTable.parse(new StringReader(csv.strip()));
        int limit = timeLimitSeconds == null ? maximumTimeLimitSeconds : timeLimitSeconds;
        if (limit < 1 || limit > maximumTimeLimitSeconds) {
            throw new MseInputInvalid(
                    "statistics.jobs.refused.timeLimit",
                    "The time limit must be between 1 and " + maximumTimeLimitSeconds + " seconds; it was " + limit
                            + ".",
                    maximumTimeLimitSeconds,
                    limit);
        }
        long waiting = jdbc.sql(
                        "select count(*) from statistics.estimation_job where status in ('SUBMITTED', 'RUNNING')")
                .query(Long.class)
                .single();
        if (waiting >= maximumWaiting) {
            throw new RuleViolation(
                    "statistics.jobs.refused.waiting",
                    "Too many estimates are waiting (" + waiting + "): start this one when some have finished.",
                    waiting);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into statistics.estimation_job (id, status, progress, source, linkage_run_id,
                            linkage_threshold, first_year, last_year, overlap_table, lists, classes, burn_in, samples,
                            thinning, seed, time_limit_seconds, submitted_by, submitted_at)
                        values (:id, 'SUBMITTED', 0, :source, :run, :threshold, :first, :last, :table, :lists, :classes,
                            :burnIn, :samples, :thinning, :seed, :limit, :by, :at)
                        """)
                .param("id", id)
                .param("source", source.name())
                .param("run", linkageRunId)
                .param("threshold", linkageThreshold)
                .param("first", period == null ? null : period.from().getValue())
                .param("last", period == null ? null : period.to().getValue())
                .param("table", csv.strip())
                .param("lists", table.listCount())
                .param("classes", settings.classes())
                .param("burnIn", settings.burnIn())
                .param("samples", settings.samples())
                .param("thinning", settings.thinning())
                .param("seed", settings.seed())
                .param("limit", limit)
                .param("by", Actor.current().map(Actor::accountId).orElse(null))
                .param("at", Timestamp.from(clock.instant()))
                .update();
        var job = load(id);
        queue(id);
        return job;
    }

    /**
     * A job on the overlap table of a completed linkage run; the job states the run and its similarity threshold.
     * Reading the run needs {@code linkage:run:all} as well (checked when the run is read).
     */
    @PreAuthorize("hasAuthority('statistics:read:all')")
    EstimationJob submit(LinkageRun run, LatentClassModel.Settings settings, Integer timeLimitSeconds) {
        if (run.status() != RunStatus.COMPLETED || run.overlap() == null) {
            throw Estimates.noOverlapTable();
        }
        audit.record(
                AuditAction.READ,
                "linkage-run",
                run.id(),
                "hidden number estimated in the background lists="
                        + run.overlap().lists().size());
        return submit(
                run.overlap().csv(),
                EstimationJob.Source.LINKAGE_RUN,
                run.id(),
                run.threshold(),
                settings,
                timeLimitSeconds);
    }

    /** A job by id; 404 when there is none. */
    @PreAuthorize("hasAuthority('statistics:read:all')")
    EstimationJob find(UUID id) {
        return load(id);
    }

    EstimationJob load(UUID id) {
        return jdbc.sql("select * from statistics.estimation_job where id = :id")
                .param("id", id)
                .query(this::job)
                .optional()
                .orElseThrow(() -> new RecordNotFound("estimation-job", id));
    }

    /**
     * At start: a job marked running was cut off by a stop or a crash (a worker's state is in memory only), so it is
     * marked failed with that reason; jobs still waiting are queued again, oldest first.
     */
    @EventListener(ApplicationReadyEvent.class)
    void recover() {
        int failed = jdbc.sql("""
                        update statistics.estimation_job
                        set status = 'FAILED', finished_at = :now,
                            failure = 'The platform stopped while this estimate was running; start it again.'
                        where status = 'RUNNING'
                        """).param("now", Timestamp.from(clock.instant())).update();
        var waiting = jdbc.sql(
                        "select id from statistics.estimation_job where status = 'SUBMITTED' order by submitted_at")
                .query(UUID.class)
                .list();
        waiting.forEach(this::queue);
        if (failed > 0 || !waiting.isEmpty()) {
            log.info("estimation jobs at start: {} interrupted marked failed, {} queued again", failed, waiting.size());
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    private void queue(UUID id) {
        workers.execute(() -> run(id));
    }

    void run(UUID id) {
        int claimed = jdbc.sql("""
                        update statistics.estimation_job
                        set status = 'RUNNING', stage = 'LOG_LINEAR', started_at = :now
                        where id = :id and status = 'SUBMITTED'
                        """)
                .param("id", id)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (claimed == 0) {
            return;
        }
        EstimationJob job = load(id);
        long deadline = System.nanoTime() + job.timeLimitSeconds() * 1_000_000_000L;
        try {
            var table = ListOverlapTable.parse(new StringReader(table(id)));
            MseEstimate logLinear = null;
            String logLinearProblem = null;
            try {
                logLinear = estimation.estimateWithHeterogeneity(table, () -> System.nanoTime() - deadline > 0);
            } catch (MseInputInvalid e) {
                logLinearProblem = e.getMessage();
            }
            if (System.nanoTime() > deadline) {
                throw new LimitReached("The time limit of " + job.timeLimitSeconds()
                        + " seconds was reached while fitting the log-linear models.");
            }
            jdbc.sql(
                            "update statistics.estimation_job set stage = 'LATENT_CLASS', progress = 0 where id = :id and status = 'RUNNING'")
                    .param("id", id)
                    .update();
            var settings = new LatentClassModel.Settings(
                    job.classes(), job.burnIn(), job.samples(), job.thinning(), job.seed());
            var latentClass = new LatentClassModel(table, settings).fit(new Monitor(id, deadline, job));
            var result = HiddenNumberComparison.of(table, logLinear, logLinearProblem, latentClass);
            jdbc.sql("""
                            update statistics.estimation_job
                            set status = 'DONE', progress = 100, result = cast(:result as jsonb), finished_at = :now
                            where id = :id and status = 'RUNNING'
                            """)
                    .param("id", id)
                    .param("result", json.writeValueAsString(result))
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
        } catch (LimitReached | MseInputInvalid e) {
            fail(id, e.getMessage());
        } catch (RuntimeException e) {
            log.error("estimation job {} failed", id, e);
            fail(id, "The estimate failed unexpectedly; the error is in the platform's log.");
        }
    }

    private void fail(UUID id, String reason) {
        jdbc.sql("""
                        update statistics.estimation_job
                        set status = 'FAILED', failure = :reason, finished_at = :now
                        where id = :id and status = 'RUNNING'
                        """)
                .param("id", id)
                .param("reason", reason)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private String table(UUID id) {
        return jdbc.sql("select overlap_table from statistics.estimation_job where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private EstimationJob job(ResultSet rs, int row) throws SQLException {
        String result = rs.getString("result");
        String stage = rs.getString("stage");
        return new EstimationJob(
                rs.getObject("id", UUID.class),
                EstimationJob.Status.valueOf(rs.getString("status")),
                stage == null ? null : EstimationJob.Stage.valueOf(stage),
                rs.getInt("progress"),
                EstimationJob.Source.valueOf(rs.getString("source")),
                rs.getObject("linkage_run_id", UUID.class),
                rs.getObject("linkage_threshold", Double.class),
                rs.getObject("first_year", Integer.class),
                rs.getObject("last_year", Integer.class),
                rs.getInt("lists"),
                rs.getInt("classes"),
                rs.getInt("burn_in"),
                rs.getInt("samples"),
                rs.getInt("thinning"),
                rs.getLong("seed"),
                rs.getInt("time_limit_seconds"),
                result == null ? null : json.readValue(result, HiddenNumberComparison.class),
                rs.getString("failure"),
                instant(rs.getTimestamp("submitted_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Writes the chain's progress now and then, and stops it at the job's time limit. */
    private final class Monitor implements LatentClassModel.Monitor {
        private final UUID id;
        private final long deadline;
        private final EstimationJob job;
        private long written = System.nanoTime();

        Monitor(UUID id, long deadline, EstimationJob job) {
            this.id = id;
            this.deadline = deadline;
            this.job = job;
        }

        @Override
        public void progress(long done, long total) {
            long now = System.nanoTime();
            if (now > deadline) {
                throw new LimitReached("Stopped at the time limit of " + job.timeLimitSeconds() + " seconds after "
                        + done + " of " + total + " iterations of the latent-class model; ask for fewer"
                        + " iterations or a longer limit.");
            }
            if (now - written >= PROGRESS_EVERY_NANOS) {
                written = now;
                jdbc.sql(
                                "update statistics.estimation_job set progress = :progress where id = :id and status = 'RUNNING'")
                        .param("id", id)
                        .param("progress", (int) Math.min(99, done * 100 / total))
                        .update();
            }
        }
    }

    private static final class LimitReached extends RuntimeException {
        LimitReached(String message) {
            super(message, null, false, false);
        }
    }
}
