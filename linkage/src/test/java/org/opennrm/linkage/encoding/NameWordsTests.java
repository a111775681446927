package org.opennrm.linkage.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameWordsTests {

    @Test
    void spellingsOfOneNameGiveTheSameWords() {
        assertThat(NameWords.of("Oleksandr KOVALENKO"))
                .isEqualTo(NameWords.of("Aleksandr Kovalenko"))
                .isEqualTo(NameWords.of("Олександр Коваленко"));
        assertThat(NameWords.of("Nguyễn Thị Lan")).isEqualTo(NameWords.of("nguyen thi lan"));
    }

    @Test
    void differentNamesStayDifferentAndBlankHasNoWords() {
        assertThat(NameWords.of("Olena Kovalenko")).isNotEqualTo(NameWords.of("Olena Shevchenko"));
        assertThat(NameWords.of("  ")).isEmpty();
        assertThat(NameWords.of(null)).isEmpty();
        assertThat(NameWords.of("Anna-Maria  O'Brien")).hasSize(4);
    }

    @Test
    void similarityIsHighForSpellingVariantsAndLowForUnrelatedNames() {
        assertThat(NameWords.similarity("Oleksandr Kovalenko", "Олександр Коваленко"))
                .isEqualTo(1.0);
        assertThat(NameWords.similarity("Sunrise Textiles", "Sunrise Textile")).isGreaterThan(0.9);
        assertThat(NameWords.similarity("Kovalenko Agro", "Kowalenko Agro")).isGreaterThan(0.8);
        assertThat(NameWords.similarity("Blue Ocean Fisheries", "Green Valley Farms"))
                .isLessThan(0.4);
        assertThat(NameWords.similarity("", "Anything")).isZero();
        assertThat(NameWords.similarity(null, "Anything")).isZero();
    }
}
