package org.opennrm.linkage;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention of uploaded lists (for the retention job of the cases module): the encodings an agency uploaded for
 * a linkage run are removed once their retention period has ended. The run, its lists' labels and counts and its
 * overlap table (counts, never persons) stay; a run whose lists were removed cannot be run again.
 */
@Component
public class UploadRetention {

    private final JdbcClient jdbc;

    UploadRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Removes the encodings of lists uploaded before {@code cutoff}; the number of lists. */
    @Transactional
    public int removeUploadsBefore(Instant cutoff) {
        return jdbc.sql(
                        "update linkage.run_list set encodings = null where uploaded_at < :cutoff and encodings is not null")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }
}
