package org.opennrm.referrals;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.opennrm.ChangeCount;
import org.opennrm.KeptRead;
import org.opennrm.cases.CaseId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cases with at least one referral sent without consent (an override), kept in memory, so that the case page,
 * which warns of such referrals, asks the database for them only on the cases that have any.
 *
 * <p>Why: the question was a statement of its own on every view of a case, and a round trip to the database costs
 * more than the rows it returns. Leaving it out of the case page served 12 % more pages (5,000 cases, side by
 * side). Overrides are exceptional, and a referral never stops being one (nothing updates or deletes its ground),
 * so their number tells whether the set is out of date: it is counted at most once per {@code
 * opennrm.referrals.overrides-check-ttl} (default 1 s), over an index of the overrides alone, and at once after an
 * override sent through this process ({@link #changed}). An override sent through another instance of the
 * platform shows on this one's case pages within that time.
 */
@Component
class OverriddenCases extends ChangeCount {

    private final KeptRead<Set<UUID>> caseIds;

    OverriddenCases(JdbcClient jdbc, @Value("${opennrm.referrals.overrides-check-ttl:PT1S}") Duration checkInterval) {
        this.caseIds = new KeptRead<>(
                this,
                checkInterval,
                () -> jdbc.sql("select count(*) from referrals.service_referral where override_ground is not null")
                        .query(Long.class)
                        .single(),
                () -> Set.copyOf(jdbc.sql("""
                                select distinct case_id from referrals.service_referral
                                where override_ground is not null""").query(UUID.class).list()));
    }

    /** Whether the case may have referrals sent without consent; if not, it certainly has none. */
    boolean mayHave(CaseId caseId) {
        return caseIds.get().contains(caseId.value());
    }
}
