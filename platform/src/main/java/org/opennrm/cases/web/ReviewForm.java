package org.opennrm.cases.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.opennrm.cases.Case;
import org.opennrm.cases.ReviewOutcome;
import org.opennrm.cases.ReviewRequest;
import org.springframework.format.annotation.DateTimeFormat;

/** The form of a multi-agency panel's review of a negative decision. */
record ReviewForm(
        @NotNull(message = "{review.outcome.required}") ReviewOutcome outcome,

        @NotNull(message = "{decision.decidedOn.required}")
        @PastOrPresent(message = "{decision.decidedOn.future}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate reviewedOn,

        @NotBlank(message = "{decision.reasons.required}")
        @Size(max = Case.TEXT_LIMIT, message = "{decision.text.size}")
        String reasons,

        Integer version) {

    static ReviewForm blank(LocalDate today, int version) {
        return new ReviewForm(null, today, null, version);
    }

    ReviewRequest request() {
        return new ReviewRequest(outcome, reviewedOn, reasons);
    }

    ReviewForm withVersion(int current) {
        return new ReviewForm(outcome, reviewedOn, reasons, current);
    }

    @Override
    public String toString() {
        return "ReviewForm[" + outcome + "]";
    }
}
