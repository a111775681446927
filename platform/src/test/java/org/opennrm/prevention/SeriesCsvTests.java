package org.opennrm.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeriesCsvTests {

    @Test
    void quartersAreReadInOrderWhateverTheirRowOrder() {
        Series series = SeriesCsv.parse("period,value\n2021-Q4,7\n2021-Q3,5\n2022-Q1,0\n");

        assertThat(series.start()).hasToString("2021-Q3");
        assertThat(series.values()).containsExactly(5, 7, 0);
        assertThat(series.period(2)).hasToString("2022-Q1");
    }

    @Test
    void monthsAcrossAYearAreConsecutive() {
        Series series = SeriesCsv.parse("\uFEFFPeriod, Value\r\n2021-11,3\r\n2021-12,4\r\n2022-01,5\r\n");

        assertThat(series.periods()).extracting(Period::toString).containsExactly("2021-11", "2021-12", "2022-01");
    }

    @Test
    void aMissingPeriodIsNamed() {
        assertThatThrownBy(() -> SeriesCsv.parse("period,value\n2021-Q1,1\n2021-Q3,2\n"))
                .isInstanceOf(SeriesInvalid.class)
                .hasMessageContaining("2021-Q2 is missing");
    }

    @Test
    void badRowsAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> SeriesCsv.parse("period,value\n2021-Q1,1\n2021-Q2,-3\n"))
                .hasMessageContaining("Line 3")
                .hasMessageContaining("zero or more");
        assertThatThrownBy(() -> SeriesCsv.parse("period,value\n2021-Q1,1\n2021-13,3\n"))
                .hasMessageContaining("Line 3");
        assertThatThrownBy(() -> SeriesCsv.parse("period,value\n2021-Q1,1\n2021-04,3\n"))
                .hasMessageContaining("mixes quarters and months");
        assertThatThrownBy(() -> SeriesCsv.parse("period,value\n2021-Q1,1\n2021-Q1,3\n"))
                .hasMessageContaining("repeats the period 2021-Q1");
        assertThatThrownBy(() -> SeriesCsv.parse("period,value\n2021-Q1,NaN\n")).hasMessageContaining("Line 2");
        assertThatThrownBy(() -> SeriesCsv.parse("quarter,count\n2021-Q1,1\n")).hasMessageContaining("header");
        assertThatThrownBy(() -> SeriesCsv.parse("period,value\n")).hasMessageContaining("no rows");
        assertThatThrownBy(() -> SeriesCsv.parse("  ")).hasMessageContaining("empty");
    }
}
