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

    @Test
    void anOrganisationIsFlaggedByTheSameRuleAndNamedInOrder() {
        var fell = java.util.UUID.randomUUID();
        var held = java.util.UUID.randomUUID();
        var small = java.util.UUID.randomUUID();
        var unnamed = java.util.UUID.randomUUID();
        var counts = List.of(
                new org.opennrm.statistics.publishing.ReturnCounts.OrganisationReferrals(fell, 30, 14),
                new org.opennrm.statistics.publishing.ReturnCounts.OrganisationReferrals(held, 30, 15),
                new org.opennrm.statistics.publishing.ReturnCounts.OrganisationReferrals(small, 9, 0),
                new org.opennrm.statistics.publishing.ReturnCounts.OrganisationReferrals(unnamed, 10, 0));
        var names = java.util.Map.of(fell, "Zeta Shelter");

        assertThat(ReportingDrops.ofOrganisations(counts, id -> names.getOrDefault(id, id.toString())))
                .containsExactlyInAnyOrder(
                        new ReportingDrops.OrganisationDrop(fell, "Zeta Shelter", 30, 14),
                        new ReportingDrops.OrganisationDrop(unnamed, unnamed.toString(), 10, 0));
    }
}
