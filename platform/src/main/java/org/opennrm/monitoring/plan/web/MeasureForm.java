package org.opennrm.monitoring.plan.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opennrm.monitoring.plan.MeasureDetails;
import org.springframework.format.annotation.DateTimeFormat;

/** A new measure: its objective, title, lead organisation, partners and dates. */
record MeasureForm(
        @NotNull(message = "{plan.measure.objective.required}")
        UUID objectiveId,

        @NotBlank(message = "{plan.measure.title.required}") @Size(max = 300, message = "{plan.measure.title.size}")
        String title,

        @NotNull(message = "{plan.measure.lead.required}") UUID leadOrganisation,
        List<UUID> partners,

        @NotNull(message = "{plan.measure.startsOn.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate startsOn,

        @NotNull(message = "{plan.measure.dueOn.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate dueOn) {

    MeasureForm {
        partners = partners == null ? List.of() : partners;
    }

    static MeasureForm blank(UUID objectiveId) {
        return new MeasureForm(objectiveId, null, null, List.of(), null, null);
    }

    MeasureDetails details() {
        return new MeasureDetails(objectiveId, title, leadOrganisation, partners, startsOn, dueOn);
    }
}
