package org.opennrm.prevention;

import org.opennrm.RuleViolation;

/** A monthly series with seasons the change detector would flag as changes: refused with what to send instead. */
class SeriesSeasonal extends RuleViolation {

    SeriesSeasonal(Seasonality.Seasons seasons) {
        super(
                "prevention.problem.seasonal",
                String.format(
                        java.util.Locale.ROOT,
                        "The monthly series has seasons: beyond its trend, its months differ by up to %.0f%% (p = %.4f)."
                                + " The change detector does not model seasons and would flag them as changes. Send"
                                + " the quarterly totals, or monthly values with the seasons removed.",
                        100 * seasons.swing(),
                        seasons.pValue()),
                Math.round(100 * seasons.swing()),
                seasons.pValue());
    }
}
