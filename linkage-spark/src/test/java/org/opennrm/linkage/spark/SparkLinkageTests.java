package org.opennrm.linkage.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opennrm.linkage.encoding.Encodings;
import org.opennrm.linkage.matching.Linkage;
import org.opennrm.linkage.matching.Match;
import org.opennrm.linkage.matching.Mode;
import org.opennrm.linkage.spark.SparkLinkage.Plan;
import org.opennrm.linkage.spark.SparkLinkage.Strategy;

/**
 * The Spark job against an all-pairs loop and against the library's exact mode, with A split over three files
 * and both sides cut into chunks that do not line up with the files.
 */
class SparkLinkageTests {

    static JavaSparkContext spark;
    static Path directory;
    static Encodings a;
    static Encodings b;
    static EncodingSet setA;
    static EncodingSet setB;

    @BeforeAll
    static void start() throws Exception {
        spark = Fixtures.localSpark();
        directory = Files.createTempDirectory("linkage-spark");
        a = Fixtures.random(2000, 1, "a");
        b = Fixtures.withNoisyCopies(a, 600, 900, 2, "b");
        setA = EncodingSet.open(Fixtures.writeSplit(a, directory, "a", 700, 1600));
        setB = EncodingSet.open(Fixtures.writeSplit(b, directory, "b"));
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    @Test
    void exactPairsEqualTheAllPairsLoopWithEitherStrategy() {
        SparkLinkage linkage = new SparkLinkage(spark);
        for (double threshold : new double[] {0.6, 0.8}) {
            long[] expected = Fixtures.naivePairs(a, b, threshold);
            assertThat(expected.length).isGreaterThan(300);
            for (Strategy strategy : Strategy.values()) {
                long[] found =
                        Fixtures.sortedKeys(linkage.pairs(setA, setB, new Plan(threshold, Mode.EXACT, 256, strategy)));
                assertThat(found).as("%s at %s", strategy, threshold).isEqualTo(expected);
            }
        }
    }

    @Test
    void exactMatchesEqualTheLibrarysExactModeWhicheverSideIsBroadcast() {
        SparkLinkage linkage = new SparkLinkage(spark);
        Linkage library = new Linkage(2);
        for (Strategy strategy : Strategy.values()) {
            List<Match> ab = linkage.link(setA, setB, new Plan(0.8, Mode.EXACT, 300, strategy))
                    .matches();
            assertThat(ab).isEqualTo(library.link(a, b, 0.8, Mode.EXACT)).hasSizeGreaterThan(300);
            List<Match> ba = linkage.link(setB, setA, new Plan(0.8, Mode.EXACT, 300, strategy))
                    .matches();
            assertThat(ba).isEqualTo(library.link(b, a, 0.8, Mode.EXACT));
        }
    }

    @Test
    void chunksLargerThanTheFilesGiveOneTaskPerFile() {
        SparkLinkage.Linked linked =
                new SparkLinkage(spark).link(setA, setB, new Plan(0.8, Mode.EXACT, 1_000_000, Strategy.GRID));
        assertThat(linked.tasks()).isEqualTo(3);
        assertThat(linked.matches()).isEqualTo(new Linkage(2).link(a, b, 0.8, Mode.EXACT));
    }

    @Test
    void blockedPairsAreExactPairsAndNearlyAllOfThem() {
        long[] exact = Fixtures.naivePairs(a, b, 0.8);
        long[] blocked = Fixtures.sortedKeys(
                new SparkLinkage(spark).pairs(setA, setB, new Plan(0.8, Mode.BLOCKED, 500, Strategy.GRID)));
        assertThat(blocked).isNotEmpty().doesNotHaveDuplicates();
        for (long pair : blocked) {
            assertThat(Arrays.binarySearch(exact, pair)).isGreaterThanOrEqualTo(0);
        }
        assertThat((double) blocked.length / exact.length).isGreaterThanOrEqualTo(0.98);
    }
}
