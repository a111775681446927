package org.opennrm.monitoring.plan.report;

import java.time.Instant;
import java.util.UUID;

/**
 * The yearly public report on an action plan: its year, title, the co-ordinator's introduction and commentary, the
 * approved statistics release it quotes (if any), and who drafted and approved it. Published, it is frozen in
 * editions (one per language) that the public reads.
 */
public record PlanReport(
        UUID id,
        UUID planId,
        int year,
        String title,
        String introduction,
        String commentary,
        UUID releaseId,
        ReportStatus status,
        int version,
        UUID draftedBy,
        String draftedByName,
        Instant draftedAt,
        UUID approvedBy,
        String approvedByName,
        Instant approvedAt,
        Instant publishedAt) {

    static final int TITLE_LENGTH = 300;
    static final int TEXT_LENGTH = 20_000;

    public boolean draft() {
        return status == ReportStatus.DRAFT;
    }

    public boolean published() {
        return status == ReportStatus.PUBLISHED;
    }

    @Override
    public String toString() {
        return "PlanReport[" + id + "]";
    }
}
