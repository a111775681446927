package org.opennrm.statistics;

import java.time.YearMonth;
import java.util.Set;
import org.opennrm.cases.IdentificationDecided;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts identification decisions from the cases module's event: the outcome and the month of the decision
 * only. The event names a case by id; that id is not kept.
 */
@Component
class DecisionFacts {

    private final NationalStatistics statistics;

    DecisionFacts(NationalStatistics statistics) {
        this.statistics = statistics;
    }

    @ApplicationModuleListener
    void on(IdentificationDecided decided) {
        statistics.record(new Fact(
                EventKind.IDENTIFICATION_DECISION,
                YearMonth.from(decided.decidedOn()),
                null,
                null,
                null,
                null,
                null,
                null,
                Set.of(),
                decided.outcome().name(),
                null,
                null));
    }
}
