package org.opennrm.prevention.ads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lexicon is versioned, cites a source for every phrase and finds its phrases in six languages. */
class LexiconTests {

    private final Lexicon lexicon = Lexicon.standard();

    @Test
    void everyCategoryHasPhrasesInSixLanguagesWithASource() {
        assertThat(lexicon.version()).isNotBlank();
        for (Indicator category : Indicator.values()) {
            Set<String> languages = new HashSet<>();
            lexicon.phrases().stream()
                    .filter(phrase -> phrase.category() == category)
                    .forEach(phrase -> {
                        languages.add(phrase.language());
                        assertThat(lexicon.sources()).containsKey(phrase.source());
                    });
            assertThat(languages).as(category.name()).contains("en", "fr", "de", "it", "es", "ru");
        }
    }

    @Test
    void findsPhrasesInSeveralLanguagesWhateverTheCaseAndAccents() {
        assertThat(lexicon.match("Work in Germany", "Travel costs DEDUCTED from salary, no days off."))
                .extracting(Lexicon.Match::category)
                .containsExactlyInAnyOrder(Indicator.DEBT, Indicator.RESTRICTED_MOVEMENT);
        assertThat(lexicon.match("Travail", "Frais d'inscription: 200 euros. Logement sur place."))
                .extracting(Lexicon.Match::category)
                .containsExactlyInAnyOrder(Indicator.FEES, Indicator.RESTRICTED_MOVEMENT);
        assertThat(lexicon.match("Neue Mädchen", "Wir behalten den Pass bis zur Abreise"))
                .extracting(Lexicon.Match::category, Lexicon.Match::field)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Indicator.THIRD_PARTY, Lexicon.Field.TITLE),
                        org.assertj.core.groups.Tuple.tuple(Indicator.DOCUMENTS, Lexicon.Field.TEXT));
        assertThat(lexicon.match(null, "Lavoro all'estero senza esperienza, alloggio sul posto"))
                .extracting(Lexicon.Match::category)
                .containsExactlyInAnyOrder(Indicator.JOB_ABROAD, Indicator.RESTRICTED_MOVEMENT);
        assertThat(lexicon.match("", "Trabajo en el extranjero sin experiencia. Cuota de inscripción 300 €"))
                .extracting(Lexicon.Match::category)
                .containsExactlyInAnyOrder(Indicator.JOB_ABROAD, Indicator.FEES);
        assertThat(lexicon.match("Работа", "Работа за границей без опыта, проживание на месте, без выходных"))
                .extracting(Lexicon.Match::category)
                .containsExactlyInAnyOrder(
                        Indicator.JOB_ABROAD, Indicator.RESTRICTED_MOVEMENT, Indicator.RESTRICTED_MOVEMENT);
    }

    @Test
    void wordsInsideOtherWordsDoNotMatchAndInnocentAdsShowNothing() {
        assertThat(lexicon.match("Bakery", "Fresh bread, young team, we pay the travel to our shop."))
                .isEmpty();
        // "nos filles" only as whole words
        assertThat(lexicon.match("", "Chaussures pour nos fillettes")).isEmpty();
        var categories = EnumSet.noneOf(Indicator.class);
        lexicon.match("", "Registration fee waived").forEach(match -> categories.add(match.category()));
        assertThat(categories).containsExactly(Indicator.FEES);
    }

    @Test
    void aMatchIsStoredAndReadBack() {
        var match = new Lexicon.Match(Indicator.DEBT, "fr", "rembourser le billet", Lexicon.Field.TEXT);
        assertThat(Lexicon.Match.parse(match.stored())).isEqualTo(match);
    }
}
