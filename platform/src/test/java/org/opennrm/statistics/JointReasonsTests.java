package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.statistics.publishing.JointReason;
import org.opennrm.statistics.publishing.JointReasons;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The joint check's reasons as the approver reads them: in their language, with categories, tables and structures in
 * words, never codes; the names of earlier releases as their authors wrote them.
 */
@PlatformTest
class JointReasonsTests {

    @Autowired
    JointReasons reasons;

    @Autowired
    org.springframework.context.MessageSource messages;

    private final JointReason exact = new JointReason(
            JointReason.Kind.EXACT,
            new JointReason.Cell(
                    "REFERRAL", "2025-Q1", "2025-Q4", null, Map.of("AGE_BAND", "9-17", "SEX", "FEMALE"), false),
            0L,
            List.of("release “Âges 2025”, table 1", "table 2 (this release)"),
            List.of(JointReason.Structure.AGE_BANDS),
            0);

    @Test
    void aReasonReadsInEnglishWithLabelsAndTheReleasesOwnName() {
        assertThat(reasons.text(exact, Locale.ENGLISH))
                .isEqualTo("withheld because otherwise the cell “Referrals, 2025-Q1 to 2025-Q4, Age band: 9-17, Sex:"
                        + " Female” could be recovered exactly through release “Âges 2025”, table 1; table 2 (this"
                        + " release); age bands 0-8 and 9-17 are children, the others adults");
    }

    @Test
    void aReasonReadsInFrenchAndRussianWithoutAnEnglishWordOrACode() {
        assertThat(reasons.text(exact, Locale.FRENCH))
                .startsWith("masquée car sinon la cellule « Orientations")
                .contains("Tranche d’âge : 9-17")
                .contains("publication « Âges 2025 », tableau 1")
                .contains("tableau 2 (cette publication)")
                .contains("les tranches d’âge 0-8 et 9-17 sont des enfants")
                .doesNotContain("FEMALE")
                .doesNotContain("release")
                .doesNotContain("withheld");
        assertThat(reasons.text(exact, Locale.of("ru")))
                .startsWith("скрыто")
                .contains("выпуск «Âges 2025», таблица 1")
                .doesNotContain("FEMALE")
                .doesNotContain("table");
    }

    @Test
    void aReleaseRefusedForWhatStaysExposedSaysSoInTheReadersLanguage() {
        var refused = new ReleaseRefused("changed", "Releases published since ... (English)", List.of(exact), reasons);

        assertThat(refused.words(messages, Locale.FRENCH))
                .startsWith("Des publications parues depuis que celle-ci a été constituée")
                .contains("la cellule « Orientations, de 2025-Q1 à 2025-Q4")
                .contains("pourrait être retrouvée exactement")
                .endsWith("constituez de nouveau la publication.");
        assertThat(refused.words(messages, Locale.ENGLISH))
                .startsWith("Releases published since this one was assembled change what a reader can work out: the"
                        + " cell “Referrals");
        // where the check has not the reasons' words at hand, the English message, never a "{0}"
        var unworded = new ReleaseRefused("changed", "Releases published since ... (English)", List.of(exact), null);
        assertThat(unworded.words(messages, Locale.FRENCH)).isEqualTo("Releases published since ... (English)");
        assertThat(unworded.lang(messages, Locale.FRENCH)).isEqualTo("en");
        assertThat(ReleaseRefused.because("sameStatistician", "A second statistician must approve.")
                        .words(messages, Locale.GERMAN))
                .startsWith("Eine zweite Statistikerin oder ein zweiter Statistiker muss freigeben");
    }

    @Test
    void everyKindOfReasonHasItsWordsInEveryLanguage() {
        var narrowed = new JointReason(
                JointReason.Kind.NARROWED,
                new JointReason.Cell("SCREENING", null, null, "UNKNOWN", Map.of("SEX", "MALE"), true),
                3L,
                List.of("this table", "table 1", "table 2", "table 3", "table 4", "table 5"),
                List.of(JointReason.Structure.PERIODS, JointReason.Structure.REGIONS),
                4);
        var revised =
                new JointReason(JointReason.Kind.REVISED, null, null, List.of("release “Q1”, table 3"), List.of(), 0);
        for (Locale language : CategoryLabelsTests.LANGUAGES) {
            String text = reasons.text(narrowed, language);
            assertThat(text).as("%s", language).contains("3").contains("4").doesNotContain("MALE");
            assertThat(text).as("%s", language).doesNotContain("{").doesNotContain("statistics.");
            assertThat(reasons.text(revised, language))
                    .as("%s", language)
                    .contains("Q1")
                    .doesNotContain("{")
                    .doesNotContain("statistics.");
        }
        assertThat(reasons.text(narrowed, Locale.ENGLISH))
                .contains("the count of Screenings, all periods, region not known, Sex: Male (a difference no table"
                        + " shows)")
                .contains("narrowed to a range of 3, less than the protection range")
                .contains("this table; table 1; table 2")
                .contains("periods add up to longer periods; regions add up to the nation and 4 more");
        assertThat(reasons.text(revised, Locale.ENGLISH))
                .isEqualTo("withheld: the count was revised (a fact recorded late or a profile changed) since release"
                        + " “Q1”, table 3 published it");
    }
}
