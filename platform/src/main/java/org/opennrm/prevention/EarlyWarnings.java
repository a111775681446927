package org.opennrm.prevention;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Early warning on series of one's own: an analyst's CSV read, checked and run through the change detector. Nothing
 * is stored; the series never leaves the request.
 */
@Service
public class EarlyWarnings {

    private final ChangeDetector detector = new ChangeDetector();

    @PreAuthorize(PreventionAccess.READ)
    public EarlyWarningReport check(String csv) {
        Series series = SeriesCsv.parse(csv);
        var seasons = Seasonality.of(series);
        if (seasons.isPresent()) {
            throw new SeriesSeasonal(seasons.get());
        }
        return EarlyWarningReport.of(series, detector.detect(series));
    }

    /** The fewest periods the detector accepts, for the page's hint. */
    public int minimumPeriods() {
        return detector.settings().minimumPeriods();
    }
}
