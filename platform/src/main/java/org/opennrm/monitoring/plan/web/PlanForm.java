package org.opennrm.monitoring.plan.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.opennrm.monitoring.plan.Plan;
import org.opennrm.monitoring.plan.PlanDetails;
import org.springframework.format.annotation.DateTimeFormat;

/** The plan form: title, period, whether status changes need evidence; the version read when editing. */
record PlanForm(
        @NotBlank(message = "{plan.title.required}") @Size(max = 200, message = "{plan.title.size}")
        String title,

        @NotNull(message = "{plan.startsOn.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate startsOn,

        @NotNull(message = "{plan.endsOn.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate endsOn,

        Boolean evidenceRequired,
        Integer version) {

    static PlanForm blank() {
        return new PlanForm(null, null, null, true, null);
    }

    static PlanForm of(Plan plan) {
        return new PlanForm(plan.title(), plan.startsOn(), plan.endsOn(), plan.evidenceRequired(), plan.version());
    }

    PlanForm withVersion(int current) {
        return new PlanForm(title, startsOn, endsOn, evidenceRequired, current);
    }

    PlanDetails details() {
        return new PlanDetails(title, startsOn, endsOn, Boolean.TRUE.equals(evidenceRequired));
    }
}
