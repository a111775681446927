package org.opennrm.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.RuleViolation;
import org.opennrm.access.Role;
import org.opennrm.cases.SignedIn;
import org.opennrm.statistics.NationalStatistics;
import org.opennrm.statistics.TrendFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scan of the watched series over published facts: a region whose referrals treble in the last complete quarter
 * is flagged (provisional: the next quarter is not known yet), kept once however often the scan runs, and reviewed
 * with a comment that is required and audited.
 */
@PlatformTest
class EarlyWarningScanTests {

    @Autowired
    EarlyWarningScan scan;

    @Autowired
    Trends trends;

    @Autowired
    NationalStatistics statistics;

    @Autowired
    JdbcClient jdbc;

    final UUID organisation = UUID.randomUUID();

    /** A region of this test's own: steady 30 referrals a quarter for three years, then 100 in the last quarter. */
    String regionWithAJump() {
        String region = "PV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Period last = trends.lastCompleteQuarter();
        for (int back = 12; back >= 0; back--) {
            Period quarter = new Period(Period.Frequency.QUARTER, last.index() - back);
            YearMonth month = YearMonth.of(quarter.year(), 3 * quarter.number() - 1);
            TrendFixtures.referrals(statistics, region, month, back == 0 ? 100 : 30 + (back % 3));
        }
        return region;
    }

    @Test
    void aRegionWhoseReferralsJumpIsFlaggedOnceAndReviewedWithAComment() {
        String region = regionWithAJump();

        SignedIn.as(Role.COORDINATOR, organisation, () -> scan.scan());
        SignedIn.as(Role.COORDINATOR, organisation, () -> scan.scan());

        var flags = SignedIn.as(Role.COORDINATOR, organisation, () -> scan.open()).stream()
                .filter(flag -> region.equals(flag.category()))
                .toList();
        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.event()).isEqualTo("referral");
            assertThat(flag.breakdown()).isEqualTo("region");
            assertThat(flag.period()).isEqualTo(trends.lastCompleteQuarter().toString());
            assertThat(flag.direction()).isEqualTo(ChangeFlag.Direction.UP);
            assertThat(flag.observed()).isEqualTo(100);
            assertThat(flag.provisional()).isTrue();
        });
        UUID id = flags.getFirst().id();

        assertThatThrownBy(() -> SignedIn.run(Role.COORDINATOR, organisation, () -> scan.review(id, "  ")))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("Write what you found");

        SignedIn.run(Role.COORDINATOR, organisation, () -> scan.review(id, "A new outreach team started there."));

        assertThat(SignedIn.as(Role.COORDINATOR, organisation, () -> scan.open()))
                .noneMatch(flag -> flag.id().equals(id));
        assertThat(SignedIn.as(Role.COORDINATOR, organisation, () -> scan.all()))
                .filteredOn(flag -> flag.id().equals(id))
                .singleElement()
                .satisfies(flag -> assertThat(flag.reviewComment()).isEqualTo("A new outreach team started there."));
        assertThat(jdbc.sql("select count(*) from access.audit_entry where record_type = 'change_flag'"
                                + " and record_id = :id")
                        .param("id", id.toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThatThrownBy(() -> SignedIn.run(Role.COORDINATOR, organisation, () -> scan.review(id, "again")))
                .hasMessageContaining("already reviewed");
    }

    @Test
    void theTrendOfARegionShowsItsCountsWithIntervalsAndItsFlag() {
        String region = regionWithAJump();
        Period last = trends.lastCompleteQuarter();

        Trend trend = SignedIn.as(
                Role.STATISTICIAN,
                organisation,
                () -> trends.trend("referral", "region", trends.defaultStart().toString(), last.toString()));

        var line = trend.lines().stream()
                .filter(l -> region.equals(l.category()))
                .findFirst()
                .orElseThrow();
        assertThat(line.counts()).hasSize(Trends.DEFAULT_QUARTERS);
        assertThat(line.counts().getLast()).isEqualTo(100);
        assertThat(line.counts().getFirst()).isZero();
        assertThat(line.intervals().getLast().small()).isFalse();
        assertThat(line.intervals().get(line.counts().size() - 2).lower()).isLessThan(31);
        assertThat(line.flags()).anySatisfy(flag -> assertThat(flag.period()).isEqualTo(last.toString()));
        assertThat(trend.csv(code -> code)).contains(last + "," + region + "," + region + ",100,");
    }
}
