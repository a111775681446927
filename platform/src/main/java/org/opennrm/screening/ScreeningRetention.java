package org.opennrm.screening;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention of screenings (for the retention job of the cases module): a screening that led to no referral is
 * deleted once its retention period has ended. A screening that a case refers to stays as long as the case.
 */
@Component
public class ScreeningRetention {

    private final JdbcClient jdbc;

    ScreeningRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes the screenings made before {@code cutoff} except {@code referred}; the number deleted. */
    @Transactional
    public int removeUnreferredBefore(Instant cutoff, Collection<UUID> referred) {
        return jdbc.sql("delete from screening.screening where screened_at < :cutoff and not (id = any(:referred))")
                .param("cutoff", Timestamp.from(cutoff))
                .param("referred", referred.toArray(UUID[]::new))
                .update();
    }
}
