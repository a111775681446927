package org.opennrm.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opennrm.linkage.encoding.Encodings;
import org.opennrm.linkage.matching.Linkage;
import org.opennrm.linkage.scoring.FieldLinkage;

/** The overlap count over three synthetic lists encoded with the library, against their known ground truth. */
class LinkageOverlapTests {

    static final String SECRET = "synthetic test secret, never used in production";

    final List<SyntheticLists.EncodedList> lists = SyntheticLists.encoded(SECRET);

    private OverlapCount.Result count(boolean mergeWithinLists) {
        List<Encodings> encodings = lists.stream()
                .map(list -> ListUpload.read(list.clk(), list.ids()))
                .toList();
        return OverlapCount.count(
                SyntheticLists.LABELS,
                encodings,
                List.of(),
                0.8,
                mergeWithinLists,
                new Linkage(2),
                new FieldLinkage(2));
    }

    @Test
    void threeListsGiveTheKnownOverlapTable() {
        var result = count(true);

        assertThat(result.table().csv()).isEqualTo(SyntheticLists.EXPECTED_CSV);
        assertThat(result.personsPerList()).containsExactly(SyntheticLists.PERSONS_PER_LIST);
        assertThat(result.table().total()).isEqualTo(22);
    }

    @Test
    void withoutMergingWithinListsARecordedTwicePersonCountsTwiceOnItsList() {
        var result = count(false);

        assertThat(result.table().rows().getFirst().on()).containsExactly(true, false, false);
        assertThat(result.table().rows().getFirst().count()).isEqualTo(7);
        assertThat(result.personsPerList()[0]).isEqualTo(15);
    }

    @Test
    void theTableHoldsNoRecordId() {
        var csv = count(true).table().csv();

        for (var list : lists) {
            for (String id : SyntheticLists.recordIds(list)) {
                assertThat(csv).doesNotContain(id);
            }
        }
        assertThat(lists.getFirst().records()).isEqualTo(15);
    }

    @Test
    void aDifferentSecretOnOneListFindsNoOverlap() {
        var other = SyntheticLists.encode("NGO", SyntheticLists.csv(1), "another secret, as a careless agency might");
        List<Encodings> encodings = List.of(
                ListUpload.read(lists.get(0).clk(), lists.get(0).ids()), ListUpload.read(other.clk(), other.ids()));

        var result = OverlapCount.count(
                List.of("Police", "NGO"), encodings, List.of(), 0.8, true, new Linkage(2), new FieldLinkage(2));

        assertThat(result.table().csv()).isEqualTo("\"Police\",\"NGO\",\"count\"\n1,0,14\n0,1,11\n");
    }
}
