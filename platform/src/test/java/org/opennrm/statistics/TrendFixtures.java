package org.opennrm.statistics;

import java.time.YearMonth;
import java.util.Set;

/** Synthetic referral facts for other modules' tests of published trends (codes only, no person). */
public final class TrendFixtures {

    private TrendFixtures() {}

    /** Records {@code count} referrals of adults in {@code region}, month {@code month}. */
    public static void referrals(NationalStatistics statistics, String region, YearMonth month, int count) {
        for (int i = 0; i < count; i++) {
            statistics.record(Fact.of(EventKind.REFERRAL, month)
                    .origin(region, "NGO")
                    .person(i % 2 == 0 ? "FEMALE" : "MALE", "30-38", false, "UKR")
                    .exploitationForms(Set.of("LABOUR"))
                    .build());
        }
    }

    /**
     * Records {@code count} referrals in {@code region}, month {@code month}, each with the vulnerabilities, recruitment
     * method and platform given (codes as facts hold them: {@code DEBT}, {@code THROUGH_ONLINE_SOCIAL_NETWORKS},
     * {@code TELEGRAM}; empty sets for not known).
     */
    public static void referrals(
            NationalStatistics statistics,
            String region,
            YearMonth month,
            int count,
            Set<String> vulnerabilities,
            Set<String> recruitmentMethods,
            Set<String> recruitmentPlatforms) {
        for (int i = 0; i < count; i++) {
            statistics.record(Fact.of(EventKind.REFERRAL, month)
                    .origin(region, "NGO")
                    .person(i % 2 == 0 ? "FEMALE" : "MALE", "30-38", false, "UKR")
                    .exploitationForms(Set.of("LABOUR"))
                    .vulnerabilities(vulnerabilities)
                    .recruitment(recruitmentMethods, recruitmentPlatforms)
                    .build());
        }
    }
}
