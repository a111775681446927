package org.opennrm.monitoring.plan.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.opennrm.monitoring.plan.Pillar;

/** A new objective: its pillar and title. */
record ObjectiveForm(
        @NotNull(message = "{plan.objective.pillar.required}")
        Pillar pillar,

        @NotBlank(message = "{plan.objective.title.required}") @Size(max = 300, message = "{plan.objective.title.size}")
        String title) {

    static ObjectiveForm blank() {
        return new ObjectiveForm(null, null);
    }
}
