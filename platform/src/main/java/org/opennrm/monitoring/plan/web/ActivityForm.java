package org.opennrm.monitoring.plan.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A new activity of a measure: what is to be done and by when. */
record ActivityForm(
        @NotBlank(message = "{plan.activity.title.required}") @Size(max = 300, message = "{plan.activity.title.size}")
        String title,

        @NotNull(message = "{plan.activity.dueOn.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate dueOn) {}
