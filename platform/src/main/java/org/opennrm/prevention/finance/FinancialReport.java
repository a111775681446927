package org.opennrm.prevention.finance;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A suspicious-transaction report as the financial intelligence unit coded it: its own reference (never a person's
 * name), when it was received, from which kind of entity, the red flags found in it, the catalogue version they come
 * from, and what became of it (disseminated to the police, an investigation opened). Several indicators together
 * raise suspicion; none alone confirms trafficking.
 */
public record FinancialReport(
        UUID id,
        String reference,
        LocalDate receivedOn,
        EntityType entityType,
        List<String> indicators,
        String catalogueVersion,
        LocalDate disseminatedOn,
        LocalDate investigationOn) {

    /** Whether the report rests on a single indicator, which FATF warns confirms nothing by itself. */
    public boolean singleIndicator() {
        return indicators.size() == 1;
    }
}
