package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.cases.AgeCategory;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.DecisionKind;
import org.opennrm.cases.DecisionOutcome;
import org.opennrm.cases.events.IdentificationDecided;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** An identification decision in the cases module becomes a coded fact: outcome and month, no case id. */
@PlatformTest
class DecisionFactsTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDecisionIsCountedByOutcomeAndMonthOnly() throws InterruptedException {
        // a year no other test uses (those that pick one in the 22nd century draw from other thirds of it, as
        // statistics.fact takes years up to 2200), so that the count is this test's own
        int year = ThreadLocalRandom.current().nextInt(2100, 2134);
        var decided = new IdentificationDecided(
                CaseId.of(UUID.randomUUID()),
                UUID.randomUUID(),
                DecisionKind.FORMAL,
                DecisionOutcome.IDENTIFIED,
                YearMonth.of(year, 5),
                UUID.randomUUID(),
                null,
                false,
                60,
                AgeCategory.ADULT);

        transactions.executeWithoutResult(status -> events.publishEvent(decided));

        long facts = 0;
        for (int i = 0; i < 100 && facts == 0; i++) {
            Thread.sleep(100);
            facts = jdbc.sql("select count(*) from statistics.fact where period_year = ? and period_month = 5"
                            + " and event_kind = 'IDENTIFICATION_DECISION' and decision_outcome = 'IDENTIFIED'")
                    .param(year)
                    .query(Long.class)
                    .single();
        }
        assertThat(facts).isEqualTo(1);
        String stored = jdbc.sql("select row_to_json(f)::text from statistics.fact f where period_year = ?"
                        + " and event_kind = 'IDENTIFICATION_DECISION'")
                .param(year)
                .query(String.class)
                .single();
        assertThat(stored)
                .doesNotContain(decided.caseId().toString())
                .contains("\"period_quarter\":2")
                .contains("\"days_to_decision\":60")
                .contains("\"child\":false");
    }
}
