package org.opennrm.monitoring.plan.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opennrm.monitoring.plan.MeasureDetails;
import org.springframework.format.annotation.DateTimeFormat;

/** A measure's objective, title, lead organisation, partners and dates (and, when changed, the version read). */
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
        LocalDate dueOn,

        Integer version) {

    MeasureForm {
        partners = partners == null ? List.of() : partners;
    }

    static MeasureForm blank(UUID objectiveId) {
        return new MeasureForm(objectiveId, null, null, List.of(), null, null, null);
    }

    static MeasureForm of(org.opennrm.monitoring.plan.Measure measure) {
        return new MeasureForm(
                measure.objectiveId(),
                measure.title(),
                measure.leadOrganisation(),
                measure.partners(),
                measure.startsOn(),
                measure.dueOn(),
                measure.version());
    }

    MeasureForm withVersion(int current) {
        return new MeasureForm(objectiveId, title, leadOrganisation, partners, startsOn, dueOn, current);
    }

    MeasureDetails details() {
        return new MeasureDetails(objectiveId, title, leadOrganisation, partners, startsOn, dueOn);
    }
}
