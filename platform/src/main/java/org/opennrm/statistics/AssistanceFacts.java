package org.opennrm.statistics;

import java.time.Clock;
import java.time.YearMonth;
import org.opennrm.assistance.DurableSolutionReached;
import org.opennrm.assistance.ServiceDelivered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts services delivered (by type, in the month they started) and durable solutions (by solution, in the
 * month the case closed) from the assistance module's events. No case id, outcome text or feedback is kept.
 */
@Component
class AssistanceFacts {

    private final NationalStatistics statistics;
    private final Clock clock;

    AssistanceFacts(NationalStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ServiceDelivered delivered) {
        statistics.record(Fact.of(EventKind.SERVICE_DELIVERED, YearMonth.from(delivered.startedOn()))
                .serviceType(delivered.type().name())
                .build());
    }

    @ApplicationModuleListener
    void on(DurableSolutionReached reached) {
        statistics.record(Fact.of(
                        EventKind.DURABLE_SOLUTION,
                        YearMonth.from(reached.closedAt().atZone(clock.getZone())))
                .durableSolution(reached.solution().name())
                .build());
    }
}
