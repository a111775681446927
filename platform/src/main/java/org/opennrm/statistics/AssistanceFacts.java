package org.opennrm.statistics;

import org.opennrm.assistance.events.DurableSolutionReached;
import org.opennrm.assistance.events.ServiceDelivered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts services delivered (by type, in the month they started) and durable solutions (by solution, in the
 * month the case closed) from the assistance module's events. No case id, outcome text or feedback is kept.
 */
@Component
class AssistanceFacts {

    private final NationalStatistics statistics;

    AssistanceFacts(NationalStatistics statistics) {
        this.statistics = statistics;
    }

    @ApplicationModuleListener
    void on(ServiceDelivered delivered) {
        statistics.record(Fact.of(EventKind.SERVICE_DELIVERED, delivered.startedIn())
                .serviceType(delivered.type().name())
                .build());
    }

    @ApplicationModuleListener
    void on(DurableSolutionReached reached) {
        statistics.record(Fact.of(EventKind.DURABLE_SOLUTION, reached.closedIn())
                .durableSolution(reached.solution().name())
                .build());
    }
}
