package org.opennrm.prevention;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.opennrm.statistics.publishing.TrendRequest;
import org.opennrm.statistics.publishing.TrendSeries;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Trends of the platform's facts by quarter, as published by the statistics module (disclosure-controlled and
 * checked jointly against everything published), with their intervals and the detector's flags. The current quarter
 * is never shown: it is not over, and a quarter half counted looks like a fall.
 */
@Service
class Trends {

    /** Ten years of quarters by default: long enough for the detector, short enough to read. */
    static final int DEFAULT_QUARTERS = 40;

    private final TrendSeries series;
    private final Clock clock;
    private final ChangeDetector detector = new ChangeDetector();

    Trends(TrendSeries series, Clock clock) {
        this.series = series;
        this.clock = clock;
    }

    @PreAuthorize(PreventionAccess.READ)
    Trend trend(String event, String breakdown, String from, String to) {
        return Trend.of(series.trend(new TrendRequest(event, breakdown, from, to)), detector);
    }

    /** The last quarter that is over. */
    Period lastCompleteQuarter() {
        var month = YearMonth.now(clock);
        return Period.of(Period.Frequency.QUARTER, month.getYear(), (month.getMonthValue() - 1) / 3 + 1)
                .previous();
    }

    Period defaultStart() {
        return new Period(Period.Frequency.QUARTER, lastCompleteQuarter().index() - DEFAULT_QUARTERS + 1);
    }

    List<String> events() {
        return series.events();
    }

    List<String> breakdowns() {
        return series.breakdowns();
    }
}
