package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Reading list-overlap tables: the published layout, and clear refusals of tables that cannot be used. */
class ListOverlapTableTests {

    static ListOverlapTable parse(String csv) {
        return ListOverlapTable.parse(new StringReader(csv));
    }

    @Test
    void readsThePublishedLayoutWithAnyCountColumnName() {
        var ned = MseFixtures.table("Ned");
        var newOrleans = MseFixtures.table("NewOrl");

        assertThat(ned.lists()).containsExactly("I", "K", "O", "P", "R", "Z");
        assertThat(ned.observed()).isEqualTo(8234);
        assertThat(newOrleans.listCount()).isEqualTo(8);
        assertThat(newOrleans.observed()).isEqualTo(185);
        assertThat(MseFixtures.table("UKdat").observed()).isEqualTo(2744);
        assertThat(MseFixtures.table("Western").observed()).isEqualTo(345);
    }

    @Test
    void combinationsLeftOutCountZero() {
        var table = parse("A,B,C,n\n1,0,0,4\n0,1,0,3\n0,0,1,2\n");

        assertThat(table.count(0b011)).isZero();
        assertThat(table.count(0b001)).isEqualTo(4);
        assertThat(table.count(0b100)).isEqualTo(2);
    }

    @Test
    void fewerThanThreeListsAreRefused() {
        assertThatThrownBy(() -> parse("A,B,count\n1,0,4\n0,1,3\n1,1,2\n"))
                .isInstanceOf(MseInputInvalid.class)
                .hasMessageContaining("At least three lists");
    }

    @Test
    void anEmptyTableIsRefused() {
        assertThatThrownBy(() -> parse("A,B,C,count\n"))
                .isInstanceOf(MseInputInvalid.class)
                .hasMessageContaining("no rows");
        assertThatThrownBy(() -> parse("A,B,C,count\n1,0,0,0\n0,1,0,0\n"))
                .isInstanceOf(MseInputInvalid.class)
                .hasMessageContaining("counts nobody");
    }

    @Test
    void valuesOtherThanZeroOrOneAreRefused() {
        assertThatThrownBy(() -> parse("A,B,C,count\n1,0,2,4\n"))
                .isInstanceOf(MseInputInvalid.class)
                .hasMessageContaining("\"2\" is not 0 or 1");
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> parse("A,B,C,count\n1,0,0,-4\n"))
                .isInstanceOf(MseInputInvalid.class)
                .hasMessageContaining("negative");
    }

    @Test
    void countsThatAreNotWholeNumbersAreRefused() {
        assertThatThrownBy(() -> parse("A,B,C,count\n1,0,0,4.5\n"))
                .isInstanceOf(MseInputInvalid.class)
                .hasMessageContaining("not a whole number");
    }

    @Test
    void aTableWithoutACountColumnIsRefused() {
        assertThatThrownBy(() -> parse("A,B,C,D\n1,0,0,4\n"))
                .isInstanceOf(MseInputInvalid.class)
                .hasMessageContaining("count column");
    }

    @Test
    void aRowOnNoListIsRefused() {
        assertThatThrownBy(() -> parse("A,B,C,count\n1,0,0,4\n0,0,0,7\n"))
                .isInstanceOf(MseInputInvalid.class)
                .hasMessageContaining("on no list");
    }

    @Test
    void aRepeatedCombinationIsRefused() {
        assertThatThrownBy(() -> parse("A,B,C,count\n1,0,0,4\n1,0,0,7\n"))
                .isInstanceOf(MseInputInvalid.class)
                .hasMessageContaining("repeats");
    }

    @Test
    void aListWithNobodyIsRefused() {
        assertThatThrownBy(() -> parse("A,B,C,count\n1,0,0,4\n0,1,0,7\n1,1,0,2\n"))
                .isInstanceOf(MseInputInvalid.class)
                .hasMessageContaining("List C has nobody");
    }

    @Test
    void aRowWithTooFewValuesIsRefused() {
        assertThatThrownBy(() -> parse("A,B,C,count\n1,0,4\n"))
                .isInstanceOf(MseInputInvalid.class)
                .hasMessageContaining("has 3 values");
    }
}
