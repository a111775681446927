package org.opennrm.prevention;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A campaign's interrupted time series: a count series the analyst brings (hotline calls, referrals from the targeted
 * group, as {@code period,value} CSV of quarters or months) read against the campaign's first period. Nothing is
 * stored: the series is the analyst's, and the answer is computed each time.
 */
@Service
class CampaignTimeSeries {

    private final Campaigns campaigns;

    CampaignTimeSeries(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @PreAuthorize(PreventionAccess.READ)
    InterruptedTimeSeries.Result estimate(UUID campaignId, String csv) {
        var campaign = campaigns.get(campaignId);
        var series = SeriesCsv.parse(csv);
        var starts = campaign.startsOn();
        var first = series.start().frequency() == Period.Frequency.QUARTER
                ? Period.of(Period.Frequency.QUARTER, starts.getYear(), (starts.getMonthValue() - 1) / 3 + 1)
                : Period.of(Period.Frequency.MONTH, starts.getYear(), starts.getMonthValue());
        return InterruptedTimeSeries.estimate(series, first);
    }
}
