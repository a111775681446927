package org.opennrm;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Listeners in other modules receive events after the publishing transaction commits, on another thread: a test
 * that reads what they wrote waits until the event publication log holds nothing still to deliver.
 */
public final class EventsDelivered {

    private EventsDelivered() {}

    /** Waits (at most ten seconds) until no event publication is on its way (a failed one is not waited for). */
    public static void await(JdbcClient jdbc) {
        for (int i = 0; i < 200; i++) {
            long waiting = jdbc.sql("""
                            select count(*) from event_publication
                            where completion_date is null and coalesce(status, '') <> 'FAILED'""").query(Long.class).single();
            if (waiting == 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
