package org.opennrm.monitoring.plan;

import java.util.List;
import java.util.Optional;

/** An indicator with its plan, its measure (if any) and its values, latest period first. */
public record IndicatorRecord(Indicator indicator, Plan plan, Optional<Measure> measure, List<IndicatorValue> values) {

    public Optional<IndicatorValue> latest() {
        return values.stream().findFirst();
    }
}
