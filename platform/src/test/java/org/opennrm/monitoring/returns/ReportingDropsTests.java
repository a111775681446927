package org.opennrm.monitoring.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opennrm.statistics.publishing.FactGroup;

/** A registering sector whose referrals fell below half of its own previous year is flagged; small numbers are not. */
class ReportingDropsTests {

    static FactGroup referrals(int year, String sector, long count) {
        return new FactGroup("REFERRAL", year, 3, null, null, null, Set.of(), Set.of(), sector, null, null, count);
    }

    @Test
    void aSectorThatReferredLessThanHalfOfItsPreviousYearIsFlagged() {
        var facts = List.of(
                referrals(2023, "POLICE", 40),
                referrals(2024, "POLICE", 12),
                referrals(2023, "NGO", 30),
                referrals(2024, "NGO", 16),
                referrals(2023, "HEALTH", 8),
                referrals(2024, "HEALTH", 0),
                referrals(2023, "LABOUR_INSPECTORATE", 20));

        assertThat(ReportingDrops.in(facts, 2024))
                .containsExactly(
                        new ReportingDrops.Drop("LABOUR_INSPECTORATE", 20, 0),
                        new ReportingDrops.Drop("POLICE", 40, 12));
    }
}
