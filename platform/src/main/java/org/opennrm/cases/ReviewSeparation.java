package org.opennrm.cases;

/**
 * Who may review a negative identification decision ({@code opennrm.identification.review-separation}): the
 * review exists so that another pair of eyes looks again, which the decision-maker cannot be.
 */
public enum ReviewSeparation {
    /** Anyone but the person who took the decision (the default). */
    PERSON,
    /** Only someone of another organisation than the one that took the decision (for example a multi-agency panel). */
    ORGANISATION;

    /** Whether the reviewer (account, organisation) may review a decision taken by the decision-maker. */
    boolean allows(Decision decision, java.util.UUID reviewedBy, java.util.UUID reviewerOrganisation) {
        return switch (this) {
            case PERSON -> !decision.decidedBy().equals(reviewedBy);
            case ORGANISATION ->
                !decision.decidedBy().equals(reviewedBy)
                        && !decision.organisationId().equals(reviewerOrganisation);
        };
    }
}
