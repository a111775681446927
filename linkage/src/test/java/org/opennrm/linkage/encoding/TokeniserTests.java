package org.opennrm.linkage.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokeniserTests {

    static final Field NAME = new Field("given_name", FieldKind.NAME, 20, null, false);
    static final Field DATE = new Field("date_of_birth", FieldKind.DATE, 12, "yyyy-MM-dd", false);
    static final Field LENIENT_DATE = new Field("dob", FieldKind.DATE, 12, "yyyyMMdd", true);

    @Test
    void normalisationIgnoresCaseAccentsAndPunctuation() {
        assertThat(Tokeniser.normalise("  JOSÉ-María  ")).isEqualTo("jose maria");
        assertThat(Tokeniser.normalise("Łukasz Größe")).isEqualTo("lukasz grosse");
        assertThat(Tokeniser.normalise("Ærøskøbing")).isEqualTo("aeroskobing");
    }

    @Test
    void cyrillicAndLatinSpellingsOfOneNameGiveTheSameTokens() {
        List<String> cyrillic = Tokeniser.tokens(NAME, "Олександр", 2);
        assertThat(cyrillic).isEqualTo(Tokeniser.tokens(NAME, "Oleksandr", 2));
        assertThat(cyrillic).isEqualTo(Tokeniser.tokens(NAME, "Aleksandr", 2));
        assertThat(cyrillic).isEqualTo(Tokeniser.tokens(NAME, "Olexandr", 2));
    }

    @Test
    void romanisationVariantsAreFolded() {
        assertThat(Tokeniser.foldName("yulia")).isEqualTo(Tokeniser.foldName("julia"));
        assertThat(Tokeniser.foldName("mykhailo")).isEqualTo(Tokeniser.foldName("mihailo"));
        assertThat(Tokeniser.foldName("serhiy")).isEqualTo(Tokeniser.foldName("sergii"));
        assertThat(Tokeniser.foldName("hanna")).isEqualTo(Tokeniser.foldName("ganna"));
        assertThat(Tokeniser.foldName("wladimir")).isEqualTo(Tokeniser.foldName("vladimir"));
        assertThat(Tokeniser.foldName("anna")).isEqualTo("ana");
    }

    @Test
    void foldingKeepsDifferentNamesApart() {
        assertThat(Tokeniser.foldName("olga")).isNotEqualTo(Tokeniser.foldName("anna"));
        assertThat(Tokeniser.foldName("maria")).isEqualTo("maria");
    }

    @Test
    void bigramsMarkWordBoundaries() {
        assertThat(Tokeniser.bigrams("ana")).containsExactly("_a", "an", "na", "a_");
        assertThat(Tokeniser.bigrams("li na")).containsExactly("_l", "li", "i_", "_n", "na", "a_");
        assertThat(Tokeniser.bigrams("")).isEmpty();
    }

    @Test
    void emptyValuesGiveNoTokens() {
        assertThat(Tokeniser.tokens(NAME, "   ", 2)).isEmpty();
        assertThat(Tokeniser.tokens(DATE, "", 2)).isEmpty();
    }

    @Test
    void swappedDayAndMonthStillShareYearAndPair() {
        Set<String> right = new HashSet<>(Tokeniser.tokens(DATE, "1985-03-12", 2));
        Set<String> swapped = new HashSet<>(Tokeniser.tokens(DATE, "1985-12-03", 2));
        Set<String> shared = new HashSet<>(right);
        shared.retainAll(swapped);
        assertThat(shared).containsExactlyInAnyOrder("y1985", "y28", "y35", "p0312");
        assertThat(right).doesNotContain("y01", "y19");
    }

    @Test
    void malformedDatesAreRefusedWithTheLineAndField() {
        assertThatThrownBy(() -> Tokeniser.tokens(DATE, "12/03/1985", 7))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("line 7")
                .hasMessageContaining("date_of_birth");
        assertThatThrownBy(() -> Tokeniser.tokens(DATE, "1985-02-30", 7)).isInstanceOf(InputRejected.class);
        assertThatThrownBy(() -> Tokeniser.tokens(DATE, "1985-13-01", 7)).isInstanceOf(InputRejected.class);
    }

    @Test
    void lenientDatesEncodeImpossibleDatesAndDropUnreadableOnes() {
        assertThat(Tokeniser.tokens(LENIENT_DATE, "19851301", 2)).contains("m13");
        assertThat(Tokeniser.tokens(LENIENT_DATE, "1985", 2)).isEmpty();
    }

    @Test
    void digitsKeepTheirPositionAndDropLayout() {
        assertThat(Tokeniser.digitTokens("04 42-1")).containsExactly("0:0", "1:4", "2:4", "3:2", "4:1");
    }

    @Test
    void exactCodesIgnoreCaseAndSpace() {
        Field citizenship = new Field("citizenship", FieldKind.EXACT, 10, null, false);
        assertThat(Tokeniser.tokens(citizenship, " ukr ", 2)).containsExactly("UKR");
    }
}
