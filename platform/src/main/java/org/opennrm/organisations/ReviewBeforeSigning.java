package org.opennrm.organisations;

import java.time.LocalDate;
import org.opennrm.RuleViolation;

/** An agreement cannot be reviewed before it was signed. */
public class ReviewBeforeSigning extends RuleViolation {

    public ReviewBeforeSigning(LocalDate signedOn, LocalDate nextReviewOn) {
        super(
                "agreement.refused.reviewBeforeSigning",
                "The next review (" + nextReviewOn + ") cannot be before the agreement was signed (" + signedOn + ").",
                String.valueOf(signedOn),
                String.valueOf(nextReviewOn));
    }
}
