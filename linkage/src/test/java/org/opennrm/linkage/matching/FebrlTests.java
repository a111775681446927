package org.opennrm.linkage.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opennrm.linkage.encoding.DeploymentSecret;
import org.opennrm.linkage.encoding.Encoder;
import org.opennrm.linkage.encoding.Encodings;
import org.opennrm.linkage.encoding.FieldEncodings;
import org.opennrm.linkage.encoding.Schema;
import org.opennrm.linkage.scoring.FieldLinkage;

/**
 * FEBRL4 (synthetic, 5,000 x 5,000, one true pair per record; shipped with the tests, see
 * resources/org/opennrm/linkage/febrl/README.md for source and licence): exactness against the naive loop on real
 * encodings, and a safe lower bound on quality of the record-level score and of the field-aware model. The benchmark
 * target (F1 at least 0.996) is measured by bench/linkage/quality.sh and field-quality.sh; this test guards against
 * regressions below it.
 */
class FebrlTests {

    static Encodings a;
    static Encodings b;
    static FieldEncodings fieldsA;
    static FieldEncodings fieldsB;

    @BeforeAll
    static void encode() throws IOException, URISyntaxException {
        Path data = Path.of(FebrlTests.class
                        .getResource("/org/opennrm/linkage/febrl/dataset4a.csv")
                        .toURI())
                .getParent();
        Path secretFile = Files.createTempFile("secret", "");
        Files.writeString(secretFile, "febrl test secret, not for any deployment");
        DeploymentSecret secret = DeploymentSecret.read(secretFile);
        Files.delete(secretFile);
        String schemaJson = new String(
                FebrlTests.class.getResourceAsStream("febrl-schema.json").readAllBytes());
        Path schemaFile = Files.createTempFile("schema", ".json");
        Files.writeString(schemaFile, schemaJson);
        Encoder encoder = new Encoder(Schema.read(schemaFile), secret);
        Files.delete(schemaFile);
        Encoder.Encoded encodedA = encoder.encodeWithFields(withCleanHeader(data.resolve("dataset4a.csv")));
        Encoder.Encoded encodedB = encoder.encodeWithFields(withCleanHeader(data.resolve("dataset4b.csv")));
        a = encodedA.encodings();
        b = encodedB.encodings();
        fieldsA = encodedA.fields();
        fieldsB = encodedB.fields();
    }

    @Test
    void fieldAwareModelLinksFebrl4WithF1OfAtLeastTheTarget() {
        FieldLinkage.Linked linked = new FieldLinkage(2).link(a, fieldsA, b, fieldsB, 0.5, Mode.EXACT);
        long correct = linked.matches().stream()
                .filter(m -> entity(a.ids().get(m.a())).equals(entity(b.ids().get(m.b()))))
                .count();
        double precision = (double) correct / linked.matches().size();
        double recall = correct / 5000.0;
        assertThat(2 * precision * recall / (precision + recall)).isGreaterThanOrEqualTo(0.996);
        assertThat(linked.expectedPrecision()).isGreaterThan(0.99);
    }

    @Test
    void exactModeFindsTheNaivePairsOnFebrl4() {
        for (double threshold : new double[] {0.6, 0.8}) {
            long[] found = new ExactJoin(threshold, 2)
                    .link(new SortedEncodings(a), new SortedEncodings(b))
                    .sortedKeys();
            assertThat(found).isEqualTo(RandomEncodings.naivePairs(a, b, threshold, false));
        }
    }

    @Test
    void febrl4LinksWithF1AboveNinetyNinePercent() {
        List<Match> matches = new Linkage(2).link(a, b, 0.6, Mode.EXACT);
        long correct = matches.stream()
                .filter(m -> entity(a.ids().get(m.a())).equals(entity(b.ids().get(m.b()))))
                .count();
        double precision = (double) correct / matches.size();
        double recall = correct / 5000.0;
        double f1 = 2 * precision * recall / (precision + recall);
        assertThat(f1).isGreaterThan(0.99);
    }

    @Test
    void blockedModeKeepsNinetyNinePercentOfExactMatchesOnFebrl4() {
        Linkage linkage = new Linkage(2);
        List<Match> exact = linkage.link(a, b, 0.8, Mode.EXACT);
        List<Match> blocked = linkage.link(a, b, 0.8, Mode.BLOCKED);
        long kept = blocked.stream().filter(exact::contains).count();
        assertThat((double) kept / exact.size()).isGreaterThanOrEqualTo(0.99);
    }

    static String entity(String id) {
        return id.split("-")[1];
    }

    /** FEBRL puts a space after each comma; the encoder strips values, the header is cleaned here. */
    static BufferedReader withCleanHeader(Path csv) throws IOException {
        String text = Files.readString(csv);
        int end = text.indexOf('\n');
        return new BufferedReader(new StringReader(text.substring(0, end).replace(" ", "") + text.substring(end)));
    }
}
