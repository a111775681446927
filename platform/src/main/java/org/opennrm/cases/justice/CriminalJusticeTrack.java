package org.opennrm.cases.justice;

import java.time.Instant;
import org.opennrm.cases.CaseId;

/**
 * The restricted criminal-justice track of a case: the proceedings, the person's status in them, protection
 * measures, and whether the person co-operates. Only holders of {@code criminal:justice_read} see it; it is never
 * shared through a referral to a service and never consulted by assistance.
 */
public record CriminalJusticeTrack(
        CaseId caseId,
        String proceedings,
        ProceedingsStatus status,
        String protectionMeasures,
        Cooperation cooperation,
        Instant updatedAt) {

    @Override
    public String toString() {
        return "CriminalJusticeTrack[" + caseId + "]";
    }
}
