package org.opennrm.linkage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennrm.linkage.population.RealisticLists;

class MainTests {

    static final String HEADER = "id,given_name,family_name,date_of_birth,sex,citizenship";

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void secretAndLists() throws IOException {
        Files.writeString(dir.resolve("secret"), "a test secret of enough length\n");
        Files.writeString(
                dir.resolve("police.csv"),
                HEADER + "\n"
                        + "p1,Oleksandr,Shevchenko,1990-04-12,M,UKR\n"
                        + "p2,Grace,Okafor,1975-01-30,F,NGA\n"
                        + "p3,Iryna,Melnyk,,F,\n");
        Files.writeString(
                dir.resolve("ngo.csv"),
                HEADER + "\n"
                        + "n1,Grace,Okafor,1975-01-30,F,NGA\n"
                        + "n2,Aleksandr,Shevchenko,1990-04-12,M,UKR\n"
                        + "n3,Олександр,Шевченко,1990-04-12,M,UKR\n"
                        + "n4,Tran,Van Minh,2001-07-07,M,VNM\n");
    }

    @Test
    void encodesLinksAndDeduplicatesWithTheDefaultSchema() throws IOException {
        assertThat(run("encode", "--secret-file", path("secret"), "--in", path("police.csv"), "--out", path("police")))
                .isZero();
        assertThat(run("encode", "--secret-file", path("secret"), "--in", path("ngo.csv"), "--out", path("ngo")))
                .isZero();
        assertThat(Files.size(dir.resolve("police.clk"))).isEqualTo(3 * 128);
        assertThat(Files.readAllLines(dir.resolve("ngo.ids"))).containsExactly("n1", "n2", "n3", "n4");

        assertThat(run("link", "--a", path("police"), "--b", path("ngo"), "--threshold", "0.8", "--out", path("m.csv")))
                .isZero();
        List<String> matches = Files.readAllLines(dir.resolve("m.csv"));
        assertThat(matches).first().isEqualTo("a_id,b_id,similarity");
        // n2 and n3 are the same person in two scripts and tie at 1.0; the tie goes to the earlier B record.
        assertThat(matches).containsExactly("a_id,b_id,similarity", "p1,n2,1.000000", "p2,n1,1.000000");

        assertThat(run("dedup", "--in", path("ngo"), "--threshold", "0.85", "--out", path("c.csv")))
                .isZero();
        assertThat(Files.readAllLines(dir.resolve("c.csv")))
                .containsExactly("id,cluster", "n1,0", "n2,1", "n3,1", "n4,2");
    }

    @Test
    void blockedModeWritesTheSameMatchesOnASmallList() throws IOException {
        run("encode", "--secret-file", path("secret"), "--in", path("police.csv"), "--out", path("police"));
        run("encode", "--secret-file", path("secret"), "--in", path("ngo.csv"), "--out", path("ngo"));
        run("link", "--a", path("police"), "--b", path("ngo"), "--threshold", "0.8", "--out", path("exact.csv"));
        assertThat(run(
                        "link",
                        "--a",
                        path("police"),
                        "--b",
                        path("ngo"),
                        "--threshold",
                        "0.8",
                        "--mode",
                        "blocked",
                        "--out",
                        path("blocked.csv")))
                .isZero();
        assertThat(Files.readAllLines(dir.resolve("blocked.csv")))
                .isEqualTo(Files.readAllLines(dir.resolve("exact.csv")));
    }

    @Test
    void helpIsShownForTheToolAndEachCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("encode", "link", "dedup", "Exit codes");
        for (String command : new String[] {"encode", "link", "dedup"}) {
            out.reset();
            assertThat(run(command, "--help")).isZero();
            assertThat(out.toString()).startsWith("Usage: " + command);
        }
    }

    @Test
    void wrongCommandLinesExitWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("merge")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown command \"merge\"");
        assertThat(run("link", "--a", "x", "--b", "y", "--threshold", "1.5", "--out", "z"))
                .isEqualTo(2);
        assertThat(run("link", "--a", "x", "--b", "y", "--threshold", "0.8", "--mode", "fast", "--out", "z"))
                .isEqualTo(2);
        assertThat(run("encode", "--in", path("police.csv"), "--out", path("x")))
                .isEqualTo(2);
        assertThat(err.toString()).contains("missing option --secret-file");
        assertThat(files()).doesNotContain("x.clk", "z");
    }

    @Test
    void missingSecretIsRejectedAndNothingIsWritten() {
        assertThat(run("encode", "--secret-file", path("nope"), "--in", path("police.csv"), "--out", path("out")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("secret file not found");
        assertThat(files()).noneMatch(name -> name.startsWith("out") || name.startsWith(".out"));
    }

    @Test
    void schemaNotMatchingTheHeaderIsRejected() throws IOException {
        Files.writeString(dir.resolve("other.csv"), "id,name,born\n1,Ana,1990-01-01\n");
        assertThat(run("encode", "--secret-file", path("secret"), "--in", path("other.csv"), "--out", path("out")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("header does not match the schema");
        Files.writeString(dir.resolve("s.json"), "{\"fields\": [{\"name\": \"name\", \"kind\": \"name\", \"k\": 20}]}");
        assertThat(run(
                        "encode",
                        "--schema",
                        path("s.json"),
                        "--secret-file",
                        path("secret"),
                        "--in",
                        path("other.csv"),
                        "--out",
                        path("out")))
                .isEqualTo(1);
        assertThat(files()).noneMatch(name -> name.contains("out"));
    }

    @Test
    void malformedDateIsRejectedWithItsLine() throws IOException {
        Files.writeString(
                dir.resolve("bad.csv"), HEADER + "\nx1,Ana,Rusu,1990-01-01,F,MDA\nx2,Ion,Rusu,01/02/1990,M,MDA\n");
        assertThat(run("encode", "--secret-file", path("secret"), "--in", path("bad.csv"), "--out", path("out")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("line 3").contains("date_of_birth").doesNotContain("Rusu");
        assertThat(files()).noneMatch(name -> name.contains("out"));
    }

    @Test
    void truncatedEncodingsAreRejectedAndNoMatchesWritten() throws IOException {
        run("encode", "--secret-file", path("secret"), "--in", path("police.csv"), "--out", path("police"));
        run("encode", "--secret-file", path("secret"), "--in", path("ngo.csv"), "--out", path("ngo"));
        byte[] clk = Files.readAllBytes(dir.resolve("ngo.clk"));
        Files.write(dir.resolve("ngo.clk"), java.util.Arrays.copyOf(clk, clk.length - 100));
        assertThat(run("link", "--a", path("police"), "--b", path("ngo"), "--threshold", "0.8", "--out", path("m.csv")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("not a multiple of 128");
        Files.write(dir.resolve("ngo.clk"), java.util.Arrays.copyOf(clk, clk.length - 128));
        assertThat(run("dedup", "--in", path("ngo"), "--threshold", "0.8", "--out", path("c.csv")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("holds 3 encodings but").contains("4 ids");
        assertThat(files()).doesNotContain("m.csv", "c.csv").noneMatch(name -> name.endsWith(".tmp"));
    }

    @Test
    void encodeWritesFieldEncodingsUnlessToldNotToAndRemovesStaleOnes() throws IOException {
        assertThat(run("encode", "--secret-file", path("secret"), "--in", path("ngo.csv"), "--out", path("ngo")))
                .isZero();
        assertThat(Files.readString(dir.resolve("ngo.fields"), StandardCharsets.ISO_8859_1))
                .startsWith("opennrm-fields 1 ");
        assertThat(run(
                        "encode",
                        "--secret-file",
                        path("secret"),
                        "--in",
                        path("ngo.csv"),
                        "--out",
                        path("ngo"),
                        "--fields",
                        "no"))
                .isZero();
        assertThat(files()).contains("ngo.clk", "ngo.ids").doesNotContain("ngo.fields");
        assertThat(run(
                        "encode",
                        "--secret-file",
                        path("secret"),
                        "--in",
                        path("ngo.csv"),
                        "--out",
                        path("x"),
                        "--fields",
                        "maybe"))
                .isEqualTo(2);
    }

    @Test
    void tooSmallListsFallBackToTheDiceScoreWithAWarning() throws IOException {
        run("encode", "--secret-file", path("secret"), "--in", path("police.csv"), "--out", path("police"));
        run("encode", "--secret-file", path("secret"), "--in", path("ngo.csv"), "--out", path("ngo"));
        assertThat(run("link", "--a", path("police"), "--b", path("ngo"), "--threshold", "0.5", "--out", path("m.csv")))
                .isZero();
        assertThat(err.toString())
                .contains("the field-aware model was not used: too few records to estimate the weights")
                .contains("falling back to the record-level Dice score at 0.8");
        assertThat(Files.readAllLines(dir.resolve("m.csv")))
                .containsExactly("a_id,b_id,similarity", "p1,n2,1.000000", "p2,n1,1.000000");
    }

    @Test
    void fieldModelWithoutFieldEncodingsIsRefusedAndUnknownModelIsAUsageError() {
        run(
                "encode",
                "--secret-file",
                path("secret"),
                "--in",
                path("police.csv"),
                "--out",
                path("police"),
                "--fields",
                "no");
        assertThat(run(
                        "link",
                        "--a",
                        path("police"),
                        "--b",
                        path("police"),
                        "--threshold",
                        "0.5",
                        "--model",
                        "field",
                        "--out",
                        path("m.csv")))
                .isEqualTo(1);
        assertThat(err.toString())
                .contains("--model field needs field encodings")
                .contains("police.fields");
        assertThat(run(
                        "dedup",
                        "--in",
                        path("police"),
                        "--threshold",
                        "0.5",
                        "--model",
                        "fuzzy",
                        "--out",
                        path("c.csv")))
                .isEqualTo(2);
        assertThat(files()).doesNotContain("m.csv", "c.csv");
    }

    @Test
    void linksRealisticListsWithTheFieldModelBetterThanWithTheDiceScore() throws IOException {
        RealisticLists.Lists lists = new RealisticLists(11, RealisticLists.Errors.typical()).generate(1000, 0.5);
        lists.write(dir.resolve("gen").toString());
        // the benchmarks' secret, so that the figures here can be compared with bench/README-linkage.md
        Files.writeString(dir.resolve("secret"), "opennrm benchmark secret - synthetic data only");
        for (String side : new String[] {"a", "b"}) {
            assertThat(run(
                            "encode",
                            "--secret-file",
                            path("secret"),
                            "--in",
                            path("gen_" + side + ".csv"),
                            "--out",
                            path(side)))
                    .as(err::toString)
                    .isZero();
        }
        assertThat(run("link", "--a", path("a"), "--b", path("b"), "--threshold", "0.5", "--out", path("field.csv")))
                .as(err::toString)
                .isZero();
        assertThat(out.toString())
                .contains("field-aware model")
                .containsPattern("expected precision 0\\.\\d+, expected recall 0\\.\\d+");
        assertThat(run(
                        "link",
                        "--a",
                        path("a"),
                        "--b",
                        path("b"),
                        "--threshold",
                        "0.85",
                        "--model",
                        "clk",
                        "--out",
                        path("clk.csv")))
                .isZero();
        double field = f1(dir.resolve("field.csv"), lists.truth());
        double clk = f1(dir.resolve("clk.csv"), lists.truth());
        assertThat(Files.readAllLines(dir.resolve("field.csv")).getFirst()).isEqualTo("a_id,b_id,probability");
        assertThat(field).isGreaterThan(0.88).isGreaterThan(clk + 0.05);
    }

    private static double f1(Path matches, Map<String, String> truth) throws IOException {
        List<String> lines = Files.readAllLines(matches);
        long correct = lines.stream()
                .skip(1)
                .map(line -> line.split(","))
                .filter(cells -> cells[1].equals(truth.get(cells[0])))
                .count();
        double precision = (double) correct / (lines.size() - 1);
        double recall = (double) correct / truth.size();
        return 2 * precision * recall / (precision + recall);
    }

    @Test
    void missingEncodingsAreRejected() {
        assertThat(run("link", "--a", path("none"), "--b", path("none"), "--threshold", "0.8", "--out", path("m.csv")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("none.clk");
    }

    private int run(String... args) {
        return Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private List<String> files() {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(path -> path.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
