package org.opennrm.monitoring.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opennrm.RuleViolation;

/**
 * A measure of an action plan: what one lead organisation (with its partners) does between two dates towards an
 * objective. It starts as not started; its lead organisation or the co-ordinator then reports its status (on
 * track, delayed, done, dropped) with evidence, each report kept in its history, and the money planned, allocated
 * and spent for it by year and source. Every change goes through the version read, so that two people reporting
 * at once never overwrite each other unseen.
 */
public record Measure(
        UUID id,
        UUID planId,
        UUID objectiveId,
        String title,
        UUID leadOrganisation,
        List<UUID> partners,
        LocalDate startsOn,
        LocalDate dueOn,
        MeasureStatus status,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    static final int TITLE_LENGTH = 300;
    static final int EVIDENCE_LENGTH = 4000;

    public Measure {
        partners = List.copyOf(partners);
    }

    /** Refuses a measure without a title, without a lead organisation, without dates or due before it starts. */
    static MeasureDetails checked(MeasureDetails details) {
        if (details.objectiveId() == null) {
            throw new RuleViolation("plan.refused.measure.objective", "A measure belongs to an objective of the plan.");
        }
        if (details.title() == null || details.title().isBlank()) {
            throw new RuleViolation("plan.refused.measure.title", "A measure needs a title.");
        }
        if (details.title().strip().length() > TITLE_LENGTH) {
            throw new RuleViolation(
                    "plan.refused.measure.titleSize",
                    "A measure's title has at most " + TITLE_LENGTH + " characters.",
                    TITLE_LENGTH);
        }
        if (details.leadOrganisation() == null) {
            throw new LeadMissing();
        }
        if (details.startsOn() == null || details.dueOn() == null) {
            throw new RuleViolation("plan.refused.measure.dates", "A measure needs a start date and a due date.");
        }
        if (details.dueOn().isBefore(details.startsOn())) {
            throw new DatesOutOfOrder(
                    "dueOn", "plan.refused.measure.dueOn", "A measure cannot be due before it starts.");
        }
        return new MeasureDetails(
                details.objectiveId(),
                details.title().strip(),
                details.leadOrganisation(),
                details.partners(),
                details.startsOn(),
                details.dueOn());
    }

    /**
     * The change of status this update makes. Where the plan requires evidence, a change without it is refused:
     * evaluators (GRETA, the TIP report) ask what was done, and a status alone does not say. Reporting the same
     * status again is a progress report, so it needs evidence whatever the plan says.
     */
    StatusChange change(StatusUpdate update, boolean evidenceRequired, Instant at, String by) {
        if (update.status() == null) {
            throw new RuleViolation("plan.refused.measure.status", "Choose the measure's status.");
        }
        String evidence = update.evidence() == null || update.evidence().isBlank()
                ? null
                : update.evidence().strip();
        if (evidence != null && evidence.length() > EVIDENCE_LENGTH) {
            throw new RuleViolation(
                    "plan.refused.measure.evidenceSize",
                    "Evidence has at most " + EVIDENCE_LENGTH + " characters.",
                    EVIDENCE_LENGTH);
        }
        if (evidence == null && (evidenceRequired || update.status() == status)) {
            throw new EvidenceRequired();
        }
        return new StatusChange(id, at, by, status, update.status(), evidence);
    }

    /** Due and neither done nor dropped: the day after the due date it is overdue. */
    public boolean overdue(LocalDate today) {
        return dueOn.isBefore(today) && status != MeasureStatus.DONE && status != MeasureStatus.DROPPED;
    }

    public boolean ledBy(UUID organisationId) {
        return leadOrganisation.equals(organisationId);
    }

    @Override
    public String toString() {
        return "Measure[" + id + "]";
    }
}
