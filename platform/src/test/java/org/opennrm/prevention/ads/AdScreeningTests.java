package org.opennrm.prevention.ads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Role;
import org.opennrm.cases.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Importing, clustering, reviewing and labelling ads as the analysts of one organisation: bad files refused whole with
 * their lines, texts and contacts encrypted, one advertiser behind differently written phone numbers and
 * near-duplicate texts, other organisations kept out, labels feeding the queue's precision.
 */
@PlatformTest
class AdScreeningTests {

    static final String JSON = """
            [
              {"reference": "J-1", "collected_at": "2026-02-03T10:00:00Z", "site": "jobs.example", "language": "en",
               "title": "Waitresses for hotels abroad",
               "text": "Hotel in the south hires waitresses for the summer season. Accommodation provided on site, no days off in July. Travel costs deducted from salary. Write to us today.",
               "phones": ["0151 2345 6789"], "location": "Berlin"},
              {"reference": "J-2", "collected_at": "2026-02-05T11:00:00Z", "site": "ads.example", "language": "en",
               "title": "Waitresses for hotels abroad!",
               "text": "Hotel in the south hires waitresses for the summer season. Accommodation provided on site, no days off in August. Travel costs deducted from salary. Write to us now.",
               "phones": "+49 151 23456789", "location": "Hamburg"},
              {"reference": "J-3", "collected_at": "2026-02-09T09:00:00Z", "site": "market.example", "language": "de",
               "title": "Kellnerinnen gesucht", "text": "Saisonarbeit im Hotel, gute Bezahlung. Bewerbung per Telefon.",
               "phones": ["0049-151-23456789"], "handles": ["@Hotel_Jobs"]},
              {"reference": "J-4", "collected_at": "2026-02-10T09:00:00Z", "site": "market.example", "language": "en",
               "title": "Bicycle for sale", "text": "Blue city bicycle, barely used, lights and lock included.",
               "emails": ["Seller@Example.org"]}
            ]
            """;

    @Autowired
    AdScreening screening;

    @Autowired
    JdbcClient jdbc;

    final UUID unit = UUID.randomUUID();

    @Test
    void aFileWithBadLinesIsRefusedWholeWithEveryLine() {
        String csv = "reference,collected_at,site,text,phones\n"
                + "A-1,2026-03-01,jobs.example,Work abroad no experience,0151 2345 6789\n"
                + "A-2,yesterday,jobs.example,Registration fee 300 EUR,\n"
                + "A-3,2026-03-01,jobs.example,Garden work,call me\n"
                + "A-1,2026-03-01,jobs.example,Garden work again,\n"
                + "A-5,2099-01-01,,,\n";
        assertThatThrownBy(() -> SignedIn.as(Role.AD_ANALYST, unit, () -> screening.importAds(csv, "DE")))
                .isInstanceOfSatisfying(AdsInvalid.class, e -> assertThat(e.problems())
                        .extracting(AdProblem::line, AdProblem::key)
                        .containsExactly(
                                tuple(3, "ads.problem.collectedAt"),
                                tuple(4, "ads.problem.phone"),
                                tuple(5, "ads.problem.referenceTwice"),
                                tuple(6, "ads.problem.collectedAtImpossible"),
                                tuple(6, "ads.problem.site"),
                                tuple(6, "ads.problem.text")));
        assertThatThrownBy(() ->
                        SignedIn.as(Role.AD_ANALYST, unit, () -> screening.importAds("ref,when,text\nA,B,C\n", "DE")))
                .isInstanceOfSatisfying(AdsInvalid.class, e -> assertThat(e.problems())
                        .extracting(AdProblem::key)
                        .contains("ads.problem.missingColumn", "ads.problem.unknownColumn"));
        assertThatThrownBy(() -> SignedIn.as(Role.AD_ANALYST, unit, () -> screening.importAds("[{\"x\": 1}", "DE")))
                .isInstanceOfSatisfying(AdsInvalid.class, e -> assertThat(e.problems())
                        .extracting(AdProblem::key)
                        .containsExactly("ads.problem.notJson"));
        assertThatThrownBy(() -> SignedIn.as(
                        Role.AD_ANALYST,
                        unit,
                        () -> screening.importAds("reference,collected_at,site,text\nA\u0000,2026-01-01,s,t\n", "DE")))
                .isInstanceOfSatisfying(
                        AdsInvalid.class,
                        e -> assertThat(e.problems()).extracting(AdProblem::key).containsExactly("ads.problem.notCsv"));
        assertThatThrownBy(() -> SignedIn.as(Role.AD_ANALYST, unit, () -> screening.importAds(JSON, "XX")))
                .isInstanceOf(AdsInvalid.class);
        assertThat(adsOf(unit)).isZero();
        // imported once, the same references are refused the second time, and nothing more is stored
        SignedIn.as(Role.AD_ANALYST, unit, () -> screening.importAds(JSON, "DE"));
        assertThatThrownBy(() -> SignedIn.as(Role.AD_ANALYST, unit, () -> screening.importAds(JSON, "DE")))
                .isInstanceOfSatisfying(AdsInvalid.class, e -> assertThat(e.problems())
                        .extracting(AdProblem::key)
                        .containsOnly("ads.problem.alreadyImported"));
        assertThat(adsOf(unit)).isEqualTo(4);
    }

    @Test
    void oneAdvertiserIsSeenBehindNearDuplicatesAndDifferentlyWrittenPhones() {
        var imported = SignedIn.as(Role.AD_ANALYST, unit, () -> screening.importAds(JSON, "DE"));
        assertThat(imported.ads()).isEqualTo(4);
        // J-1 and J-2 are near-duplicates, J-3 gives the same phone written another way, J-4 stands alone
        assertThat(imported.clusters()).isEqualTo(2);
        assertThat(jdbc.sql("select count(distinct contact_key) from prevention.ad_contact where organisation_id = :o"
                                + " and kind = 'PHONE'")
                        .param("o", unit)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // texts and contacts are stored encrypted
        assertThat(jdbc.sql("select count(*) from prevention.ad where organisation_id = :o and (body like '%Hotel%'"
                                + " or title like '%Waitresses%')")
                        .param("o", unit)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from prevention.ad_contact where organisation_id = :o and contact like"
                                + " '+49%'")
                        .param("o", unit)
                        .query(Long.class)
                        .single())
                .isZero();

        var queue = SignedIn.as(Role.AD_ANALYST, unit, () -> screening.queue(10));
        assertThat(queue.entries()).hasSize(1);
        var first = queue.entries().getFirst();
        assertThat(first.ranked().ads()).hasSize(3);
        assertThat(first.sites()).isEqualTo(3);
        assertThat(first.ranked().categories())
                .containsExactlyInAnyOrder(Indicator.RESTRICTED_MOVEMENT, Indicator.DEBT);
        assertThat(first.ranked().reasons())
                .extracting(Triage.Reason::kind)
                .contains(Triage.ReasonKind.SIZE, Triage.ReasonKind.SITES, Triage.ReasonKind.LOCATIONS);

        var cluster = SignedIn.as(
                Role.AD_ANALYST, unit, () -> screening.cluster(first.ranked().cluster()));
        assertThat(cluster.ads()).extracting(AdScreening.AdView::reference).containsExactly("J-1", "J-2", "J-3");
        assertThat(cluster.ads().get(2).contacts()).containsExactlyInAnyOrder("+4915123456789", "hotel_jobs");
        assertThat(cluster.ads().getFirst().text()).startsWith("Hotel in the south");
        assertThat(cluster.ads().getFirst().lexiconVersion())
                .isEqualTo(Lexicon.standard().version());
        assertThat(jdbc.sql("select count(*) from access.audit_entry where record_type = 'ad-cluster' and record_id ="
                                + " :id")
                        .param("id", first.ranked().cluster().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void otherOrganisationsAndOtherRolesAreKeptOut() {
        SignedIn.as(Role.AD_ANALYST, unit, () -> screening.importAds(JSON, "DE"));
        UUID cluster = SignedIn.as(Role.AD_ANALYST, unit, () -> screening.queue(10))
                .entries()
                .getFirst()
                .ranked()
                .cluster();
        UUID other = UUID.randomUUID();
        assertThat(SignedIn.as(Role.AD_ANALYST, other, () -> screening.queue(10))
                        .entries())
                .isEmpty();
        assertThatThrownBy(() -> SignedIn.as(Role.AD_ANALYST, other, () -> screening.cluster(cluster)))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() ->
                        SignedIn.run(Role.AD_ANALYST, other, () -> screening.labelCluster(cluster, Label.RELEVANT)))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> SignedIn.as(Role.PREVENTION_OFFICER, unit, () -> screening.queue(10)))
                .isInstanceOf(AccessDeniedException.class);
        // the analysts read prevention evidence too
        assertThatCode(() -> SignedIn.as(Role.AD_ANALYST, unit, () -> screening.aggregates()))
                .doesNotThrowAnyException();
        // those who read prevention evidence see counts only, through disclosure control: the four ads of a quarter
        // are fewer than the minimum cell size
        var aggregates = SignedIn.as(Role.PREVENTION_OFFICER, unit, () -> screening.aggregates());
        assertThat(aggregates.quarters()).contains("2026-Q1");
        assertThat(aggregates.minimum()).isGreaterThan(1);
    }

    @Test
    void labelsFeedThePrecisionOfTheQueue() {
        SignedIn.as(Role.AD_ANALYST, unit, () -> screening.importAds(JSON, "DE"));
        var entry = SignedIn.as(Role.AD_ANALYST, unit, () -> screening.queue(10))
                .entries()
                .getFirst();
        assertThat(SignedIn.as(Role.AD_ANALYST, unit, () -> screening.queue(10))
                        .precision()
                        .getFirst()
                        .precision())
                .isNull();
        SignedIn.run(
                Role.AD_ANALYST,
                unit,
                () -> screening.labelCluster(entry.ranked().cluster(), Label.RELEVANT));
        var afterRelevant = SignedIn.as(Role.AD_ANALYST, unit, () -> screening.queue(10));
        assertThat(afterRelevant.entries().getFirst().label()).isEqualTo(Label.RELEVANT);
        assertThat(afterRelevant.precision().getFirst()).isEqualTo(new AdScreening.PrecisionAtK(10, 1, 1, 1.0));
        // a later label on one of its ads is the cluster's latest judgement
        SignedIn.as(
                Role.AD_ANALYST,
                unit,
                () -> screening.labelAd(entry.ranked().ads().get(1), Label.NOT_RELEVANT));
        var afterNot = SignedIn.as(Role.AD_ANALYST, unit, () -> screening.queue(10));
        assertThat(afterNot.precision().getFirst()).isEqualTo(new AdScreening.PrecisionAtK(10, 1, 0, 0.0));
        assertThat(jdbc.sql("select count(*) from access.audit_entry where record_type in ('ad-cluster', 'ad') and"
                                + " action = 'UPDATE' and record_id in (:ids)")
                        .param(
                                "ids",
                                java.util.List.of(
                                        entry.ranked().cluster().toString(),
                                        entry.ranked().ads().get(1).toString()))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    private long adsOf(UUID organisation) {
        return jdbc.sql("select count(*) from prevention.ad where organisation_id = :o")
                .param("o", organisation)
                .query(Long.class)
                .single();
    }
}
