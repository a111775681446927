package org.opennrm.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The texts a person reads or answers exist whole in every language offered, say how far they were checked, and a
 * language is added by adding a file.
 */
class SurvivorTextsTests {

    final SurvivorTexts texts = texts("");

    @Test
    void theSixLanguagesOfThePagesAndFiveMoreOfTheCountriesOfOriginAreOffered() {
        assertThat(texts.languages().stream().map(SurvivorTexts.Language::code))
                .containsExactly("en", "ar", "de", "es", "fr", "it", "ro", "ru", "sq", "uk", "vi");
    }

    @Test
    void everyLanguageHasEveryTextOfTheEnglishSourceAndSaysHowFarItWasChecked() {
        var english = texts.language("en").orElseThrow();
        var problems = new ArrayList<String>();
        for (var language : texts.languages()) {
            for (var key : english.texts().keySet()) {
                var value = language.texts().get(key);
                if (value == null || value.isBlank()) {
                    problems.add(language.code() + ": " + key + " is missing");
                } else if (!language.code().equals("en")
                        && value.equals(english.texts().get(key))
                        && value.length() > 3) {
                    problems.add(language.code() + ": " + key + " is still English");
                }
            }
            language.texts().keySet().stream()
                    .filter(key -> !english.texts().containsKey(key))
                    .forEach(key -> problems.add(language.code() + ": " + key + " is not in English"));
            if (language.source().isBlank()) {
                problems.add(language.code() + ": no source");
            }
            if (language.status() == SurvivorTexts.ReviewStatus.REVIEWED
                    && (language.reviewedBy().isBlank() || language.reviewedOn().isBlank())) {
                problems.add(language.code() + ": reviewed, but not by whom or when");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(english.status()).isEqualTo(SurvivorTexts.ReviewStatus.ORIGINAL);
    }

    @Test
    void onlyArabicIsWrittenRightToLeft() {
        assertThat(texts.languages().stream().filter(SurvivorTexts.Language::rightToLeft))
                .extracting(SurvivorTexts.Language::code)
                .containsExactly("ar");
        assertThat(texts.text("ar", "feedback.answer.YES").direction()).isEqualTo("rtl");
    }

    @Test
    void thePersonsRecordedLanguageIsChosenUnlessAnotherIsAskedFor() {
        // the platform records languages in ISO 639-2, some of them under two codes
        assertThat(texts.choose(null, List.of("ukr"), Locale.ENGLISH)).isEqualTo("uk");
        assertThat(texts.choose(null, List.of("rum"), Locale.ENGLISH)).isEqualTo("ro");
        assertThat(texts.choose(null, List.of("alb"), Locale.ENGLISH)).isEqualTo("sq");
        assertThat(texts.choose(null, List.of("tur", "ara"), Locale.ENGLISH)).isEqualTo("ar");
        assertThat(texts.choose("vi", List.of("ukr"), Locale.ENGLISH)).isEqualTo("vi");
        // nothing recorded that is offered: the page's language, else English
        assertThat(texts.choose(null, List.of("tur"), Locale.forLanguageTag("de")))
                .isEqualTo("de");
        assertThat(texts.choose("zz", List.of(), Locale.forLanguageTag("tr"))).isEqualTo("en");
    }

    @Test
    void anNrmAddsALanguageByAddingAFileAndATextItLacksIsShownInEnglish(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("tr.properties"), """
                meta.name=Türkçe
                meta.direction=ltr
                meta.source=Translated by the NRM's interpreter service
                meta.status=REVIEWED
                meta.reviewedBy=A. Yılmaz, sworn translator
                meta.reviewedOn=2026-11-30
                feedback.answer.YES=Evet
                """);
        Files.writeString(folder.resolve("not-a-language.properties"), "meta.status=REVIEWED\n");
        var added = texts(folder.toString());

        assertThat(added.offers("tr")).isTrue();
        assertThat(added.offers("not-a-language")).isFalse();
        assertThat(added.language("tr").orElseThrow().reviewedBy()).isEqualTo("A. Yılmaz, sworn translator");
        assertThat(added.text("tr", "feedback.answer.YES").value()).isEqualTo("Evet");
        var missing = added.text("tr", "feedback.answer.NO");
        assertThat(missing.value()).isEqualTo("No");
        assertThat(missing.inEnglish()).isTrue();
        assertThat(missing.language()).isEqualTo("en");
        assertThat(added.choose(null, List.of("tur"), Locale.ENGLISH)).isEqualTo("tr");
    }

    private static SurvivorTexts texts(String directory) {
        try {
            return new SurvivorTexts(directory);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
