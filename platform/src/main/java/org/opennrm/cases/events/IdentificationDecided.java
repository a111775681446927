package org.opennrm.cases.events;

import java.time.YearMonth;
import java.util.UUID;
import org.opennrm.cases.AgeCategory;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.DecisionKind;
import org.opennrm.cases.DecisionOutcome;

/**
 * An identification decision was recorded by an organisation. {@code reconsiders} names the negative decision it
 * replaces after a review; {@code startsRecoveryPeriod} tells that a positive preliminary decision started the
 * recovery and reflection period. {@code daysSinceReferral} and {@code ageCategory} let statistics count how long
 * decisions took, for children and adults, without a date of the case leaving it.
 *
 * @param daysSinceReferral calendar days from the referral to the decision, null when the decision is dated before
 *     the referral (a data error that statistics leaves uncounted)
 * @param referringOrganisationId the organisation that referred the case (an opaque id, as in {@link CaseOpened}), so
 *     that it can be told of the decision
 */
public record IdentificationDecided(
        CaseId caseId,
        UUID decisionId,
        DecisionKind kind,
        DecisionOutcome outcome,
        YearMonth decidedIn,
        UUID organisationId,
        UUID reconsiders,
        boolean startsRecoveryPeriod,
        Integer daysSinceReferral,
        AgeCategory ageCategory,
        UUID referringOrganisationId) {}
