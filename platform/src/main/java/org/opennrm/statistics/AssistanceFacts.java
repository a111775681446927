package org.opennrm.statistics;

import org.opennrm.assistance.events.DurableSolutionReached;
import org.opennrm.assistance.events.NonPunishmentRecorded;
import org.opennrm.assistance.events.ServiceDelivered;
import org.opennrm.assistance.events.ServiceResultRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts services delivered (by type and result, in the month they started), decisions on permits and compensation
 * claims (by type and result, in the month decided), offences recorded under the non-punishment principle, and
 * durable solutions (by solution, in the month the case closed) from the assistance module's events. No case id,
 * outcome text, offence or feedback is kept.
 */
@Component
class AssistanceFacts {

    static final String DIRECT_RESULT = "DIRECT_RESULT";
    static final String NOT_DIRECT_RESULT = "NOT_DIRECT_RESULT";

    private final NationalStatistics statistics;

    AssistanceFacts(NationalStatistics statistics) {
        this.statistics = statistics;
    }

    @ApplicationModuleListener
    void on(ServiceDelivered delivered) {
        statistics.record(Fact.of(EventKind.SERVICE_DELIVERED, delivered.startedIn())
                .serviceType(delivered.type().name())
                .decision(delivered.result() == null ? null : delivered.result().name(), null)
                .build());
    }

    @ApplicationModuleListener
    void on(ServiceResultRecorded decided) {
        statistics.record(Fact.of(EventKind.SERVICE_RESULT, decided.decidedIn())
                .serviceType(decided.type().name())
                .decision(decided.result().name(), null)
                .build());
    }

    @ApplicationModuleListener
    void on(NonPunishmentRecorded recorded) {
        statistics.record(Fact.of(EventKind.NON_PUNISHMENT, recorded.recordedIn())
                .decision(recorded.directResultOfTrafficking() ? DIRECT_RESULT : NOT_DIRECT_RESULT, null)
                .build());
    }

    @ApplicationModuleListener
    void on(DurableSolutionReached reached) {
        statistics.record(Fact.of(EventKind.DURABLE_SOLUTION, reached.closedIn())
                .durableSolution(reached.solution().name())
                .build());
    }
}
