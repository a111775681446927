package org.opennrm.cases;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long each kind of record is kept, as the law of the jurisdiction says: set per installation under {@code
 * opennrm.retention} (environment {@code OPENNRM_RETENTION_CLOSED_CASE=P10Y}, ...), shown to administrators on the
 * retention page, applied every night by {@link Retention}. Periods are ISO-8601 ({@code P5Y}, {@code P90D}).
 *
 * @param jurisdiction whose law the periods follow, as shown on the page (for example "Republic of Moldova, Law
 *     133/2011")
 * @param closedCase a closed case is erased this long after its closure
 * @param anonymousNotification an anonymous notification is deleted this long after it was recorded
 * @param screeningWithoutReferral a screening that led to no referral is deleted this long after it was made
 * @param linkageUpload a list uploaded for a linkage run is removed this long after its upload
 * @param audit how long the audit trail is kept at least (entries are not removed by the job: see the docs)
 * @param cron when the job runs (every night at 02:30 by default)
 */
@ConfigurationProperties("opennrm.retention")
public record RetentionSettings(
        @DefaultValue("") String jurisdiction,
        @DefaultValue("P10Y") Period closedCase,
        @DefaultValue("P3Y") Period anonymousNotification,
        @DefaultValue("P1Y") Period screeningWithoutReferral,
        @DefaultValue("P90D") Period linkageUpload,
        @DefaultValue("P10Y") Period audit,
        @DefaultValue("0 30 2 * * *") String cron) {

    public RetentionSettings {
        for (var period :
                new Period[] {closedCase, anonymousNotification, screeningWithoutReferral, linkageUpload, audit}) {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalStateException("Each opennrm.retention period must be longer than zero: " + period);
            }
        }
    }
}
