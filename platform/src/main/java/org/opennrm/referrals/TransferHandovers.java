package org.opennrm.referrals;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.opennrm.cases.CaseHandovers;
import org.opennrm.cases.CaseId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The transfers recorded here, as the handovers the HTCDS export in {@code cases} writes as the outgoing referral
 * ({@code cas_ReferredOrganisation}, {@code cas_OutgoingReferralDate}): the organisation and the day, never the
 * reason (free text) or who transferred it.
 */
@Component
class TransferHandovers implements CaseHandovers {

    private final JdbcClient jdbc;

    TransferHandovers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<CaseId, Handover> latestOfEveryCase() {
        var latest = new HashMap<CaseId, Handover>();
        jdbc.sql("""
                        select distinct on (case_id) case_id, to_organisation_id, transferred_at
                        from referrals.transfer order by case_id, transferred_at desc""").query(rs -> {
            latest.put(
                    CaseId.of(rs.getObject("case_id", UUID.class)),
                    new Handover(
                            rs.getObject("to_organisation_id", UUID.class),
                            rs.getTimestamp("transferred_at")
                                    .toInstant()
                                    .atZone(ZoneOffset.UTC)
                                    .toLocalDate()));
        });
        return latest;
    }
}
