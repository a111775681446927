package org.opennrm.statistics.publishing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Background estimates of the hidden number for a return that states one as its total (SDG 16.2.2): the job's
 * status, source and period, and its recommended row as the job stored it. Reads the job only, never fits: an
 * estimate is started on the statistics pages and runs in the background.
 */
@Service
public class PublishedEstimates {

    /** What a job says of itself and its recommended row, read from its stored result. */
    private static final String COLUMNS = """
            select id, status, source, first_year, last_year, finished_at,
            (result ->> 'observed')::bigint as observed,
            result -> 'recommendedRow' ->> 'choice' as choice,
            result -> 'recommendedRow' ->> 'model' as model,
            (result -> 'recommendedRow' ->> 'total')::double precision as total,
            (result -> 'recommendedRow' ->> 'totalLower')::double precision as lower,
            (result -> 'recommendedRow' ->> 'totalUpper')::double precision as upper,
            (select string_agg(w ->> 'kind', ',') from jsonb_array_elements(result -> 'warnings') w)
            as warnings
            from statistics.estimation_job
            """;

    private final JdbcClient jdbc;

    PublishedEstimates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The job, or empty when there is none. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('statistics:read:all')")
    public Optional<PublishedEstimate> find(UUID id) {
        return jdbc.sql(COLUMNS + "where id = :id")
                .param("id", id)
                .query(this::estimate)
                .optional();
    }

    /** Completed jobs on the platform's own lists of the year, newest first: the ones a return of the year may use. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('statistics:read:all')")
    public List<PublishedEstimate> completedFor(int year) {
        return jdbc.sql(COLUMNS + """
                        where status = 'DONE' and source = 'CASES' and first_year = :year and last_year = :year
                        order by finished_at desc limit 20""").param("year", year).query(this::estimate).list();
    }

    private PublishedEstimate estimate(ResultSet rs, int row) throws SQLException {
        String warnings = rs.getString("warnings");
        var finished = rs.getTimestamp("finished_at");
        return new PublishedEstimate(
                rs.getObject("id", UUID.class),
                rs.getString("status"),
                rs.getString("source"),
                rs.getObject("first_year", Integer.class),
                rs.getObject("last_year", Integer.class),
                rs.getObject("observed", Long.class),
                rs.getString("choice"),
                rs.getString("model"),
                rs.getObject("total", Double.class),
                rs.getObject("lower", Double.class),
                rs.getObject("upper", Double.class),
                warnings == null ? List.of() : List.of(warnings.split(",")),
                finished == null ? null : finished.toInstant());
    }
}
