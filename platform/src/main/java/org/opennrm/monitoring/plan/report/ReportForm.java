package org.opennrm.monitoring.plan.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The report form: a new draft (year, title, release) or a draft's text (and the version it was read at). */
record ReportForm(
        @NotNull(message = "{plan.report.year.required}") Integer year,

        @NotBlank(message = "{plan.report.title.required}") @Size(max = 300, message = "{plan.report.title.size}")
        String title,

        @Size(max = 20000, message = "{plan.report.text.size}")
        String introduction,

        @Size(max = 20000, message = "{plan.report.text.size}")
        String commentary,

        UUID releaseId,
        Integer version) {

    static ReportForm of(PlanReport report) {
        return new ReportForm(
                report.year(),
                report.title(),
                report.introduction(),
                report.commentary(),
                report.releaseId(),
                report.version());
    }

    ReportForm atVersion(int current) {
        return new ReportForm(year, title, introduction, commentary, releaseId, current);
    }
}
