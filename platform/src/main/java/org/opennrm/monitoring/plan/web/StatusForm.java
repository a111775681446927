package org.opennrm.monitoring.plan.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.opennrm.monitoring.plan.Measure;
import org.opennrm.monitoring.plan.MeasureStatus;
import org.opennrm.monitoring.plan.StatusUpdate;

/** A status report on a measure: the new status, the evidence, the version of the measure read. */
record StatusForm(
        @NotNull(message = "{plan.measure.status.required}") MeasureStatus status,

        @Size(max = 4000, message = "{plan.measure.evidence.size}")
        String evidence,

        @NotNull(message = "{version.missing}") Integer version) {

    static StatusForm of(Measure measure) {
        return new StatusForm(measure.status(), null, measure.version());
    }

    StatusForm withVersion(int current) {
        return new StatusForm(status, evidence, current);
    }

    StatusUpdate update() {
        return new StatusUpdate(status, evidence, version);
    }
}
