package org.opennrm.prevention.suppliers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A procurement risk checklist as an officer filled it in for a tender (and a supplier, if chosen): each answer with
 * what it raised, the score and the risk level, and the checklist version it was filled from.
 */
public record FilledChecklist(
        UUID id,
        String tenderReference,
        UUID supplierId,
        String supplierName,
        ProcurementChecklist.Sector sector,
        String version,
        List<Answered> answers,
        double score,
        ProcurementChecklist.RiskLevel riskLevel,
        Instant filledAt) {

    /** One answer and what it added to the risk (0 when it raised nothing). */
    public record Answered(String question, ProcurementChecklist.Answer answer, double raised) {}

    /** The answers that raised the risk, most first. */
    public List<Answered> raising() {
        return answers.stream()
                .filter(answer -> answer.raised() > 0)
                .sorted(java.util.Comparator.comparingDouble(Answered::raised).reversed())
                .toList();
    }
}
