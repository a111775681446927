package org.opennrm.monitoring.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.opennrm.RuleViolation;

/**
 * A recommendation made to the country by an evaluator (GRETA, the TIP report, a UN treaty body, the UPR, the EU) or
 * by the national rapporteur. The rapporteur or the co-ordinator registers it and links it to the measures that
 * answer it; the co-ordinator records the government's response and how far it is implemented. Evaluators ask each
 * time what was done since their last visit: the measures' dated history answers.
 */
public record Recommendation(
        UUID id,
        RecommendationSource source,
        String reference,
        LocalDate issuedOn,
        String text,
        String governmentResponse,
        Implementation implementation,
        int version,
        Instant createdAt) {

    static final int REFERENCE_LENGTH = 200;
    static final int TEXT_LENGTH = 10000;

    static RecommendationDetails checked(RecommendationDetails details, LocalDate today) {
        if (details.source() == null) {
            throw new RuleViolation("plan.recommendation.source.required", "Choose who made the recommendation.");
        }
        if (details.reference() == null || details.reference().isBlank()) {
            throw new RuleViolation(
                    "plan.refused.recommendation.reference",
                    "Give the recommendation's reference in its report (for example a paragraph).");
        }
        if (details.reference().strip().length() > REFERENCE_LENGTH) {
            throw new RuleViolation(
                    "plan.refused.recommendation.referenceSize",
                    "A reference has at most " + REFERENCE_LENGTH + " characters.",
                    REFERENCE_LENGTH);
        }
        if (details.issuedOn() == null) {
            throw new RuleViolation(
                    "plan.refused.recommendation.issuedOn",
                    "Give the date of the report that made the recommendation.");
        }
        if (details.issuedOn().isAfter(today)) {
            throw new DatesOutOfOrder(
                    "issuedOn",
                    "plan.recommendation.issuedOn.future",
                    "A recommendation cannot be dated in the future.");
        }
        if (details.text() == null || details.text().isBlank()) {
            throw new RuleViolation("plan.recommendation.text.required", "Give the text of the recommendation.");
        }
        if (details.text().strip().length() > TEXT_LENGTH) {
            throw new RuleViolation(
                    "plan.refused.recommendation.textSize",
                    "A recommendation's text has at most " + TEXT_LENGTH + " characters.",
                    TEXT_LENGTH);
        }
        return new RecommendationDetails(
                details.source(),
                details.reference().strip(),
                details.issuedOn(),
                details.text().strip());
    }

    @Override
    public String toString() {
        return "Recommendation[" + id + "]";
    }
}
