package org.opennrm.monitoring.plan.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.opennrm.monitoring.plan.RecommendationDetails;
import org.opennrm.monitoring.plan.RecommendationSource;
import org.springframework.format.annotation.DateTimeFormat;

/** A recommendation to register. */
record RecommendationForm(
        @NotNull(message = "{plan.recommendation.source.required}")
        RecommendationSource source,

        @NotBlank(message = "{plan.recommendation.reference.required}")
        @Size(max = 200, message = "{plan.recommendation.reference.size}")
        String reference,

        @NotNull(message = "{plan.recommendation.issuedOn.required}")
        @PastOrPresent(message = "{plan.recommendation.issuedOn.future}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate issuedOn,

        @NotBlank(message = "{plan.recommendation.text.required}")
        @Size(max = 10000, message = "{plan.recommendation.text.size}")
        String text) {

    static RecommendationForm blank() {
        return new RecommendationForm(null, null, null, null);
    }

    RecommendationDetails details() {
        return new RecommendationDetails(source, reference, issuedOn, text);
    }
}
