package org.opennrm.prevention;

import java.util.List;

/**
 * What the detector found in one series: its first and last period, how many periods it read, and the flags, oldest
 * first. {@code method} names the model so that a reader of the JSON knows what the confidence means.
 */
public record EarlyWarningReport(String from, String to, int periods, List<ChangeFlag> flags, String method) {

    static final String METHOD = "Bayesian online change-point detection, local linear trend per segment on the log"
            + " scale; confidence = posterior probability that a new segment starts in the period, judged with the"
            + " period after it";

    static EarlyWarningReport of(Series series, List<ChangeFlag> flags) {
        return new EarlyWarningReport(
                series.start().toString(),
                series.period(series.length() - 1).toString(),
                series.length(),
                List.copyOf(flags),
                METHOD);
    }
}
