package org.opennrm.screening;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A saved screening as other modules and the API read it: the checklist and answers, the context codes,
 * the catalogue, checklist and rule versions it was assessed against, the result with its reasons, and
 * who screened (account, organisation) and when. No identity of the person screened, ever.
 */
public record ScreeningSummary(
        ScreeningId id,
        String checklist,
        String checklistVersion,
        String catalogueVersion,
        String ruleVersion,
        Verification ruleVerification,
        AgeGroup ageGroup,
        Set<ExploitationForm> forms,
        Map<String, Answer> answers,
        ScreeningResult result,
        UUID screenedBy,
        UUID organisationId,
        Instant screenedAt) {

    public Suggestion suggestion() {
        return result.suggestion();
    }
}
