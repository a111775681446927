package org.opennrm;

import java.time.Duration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.stereotype.Component;

/**
 * Empties the event publication log of delivered events once at start. New deliveries are deleted as they complete
 * ({@code spring.modulith.events.completion-mode: delete}); this removes what an installation kept before that
 * setting, when every delivered event stayed in the log for ever.
 */
@Component
class EventLogCleanUp {

    private final CompletedEventPublications completed;

    EventLogCleanUp(CompletedEventPublications completed) {
        this.completed = completed;
    }

    @EventListener(ApplicationReadyEvent.class)
    void deleteDelivered() {
        completed.deletePublicationsOlderThan(Duration.ZERO);
    }
}
