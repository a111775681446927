package org.opennrm.linkage.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennrm.linkage.encoding.EncodingFiles;
import org.opennrm.linkage.encoding.Encodings;
import org.opennrm.linkage.matching.Mode;

/** The command line: the same matches.csv as the linkage tool, exit codes, and nothing written on bad input. */
class MainTests {

    static Encodings a;
    static Encodings b;

    @TempDir
    Path directory;

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void encodings() {
        a = Fixtures.random(1500, 11, "person,a-");
        b = Fixtures.withNoisyCopies(a, 500, 800, 12, "b\"");
    }

    @Test
    void writesTheSameMatchesCsvAsTheLinkageTool() throws Exception {
        EncodingFiles.write(directory.resolve("a"), a);
        EncodingFiles.write(directory.resolve("b"), b);
        Path expected = directory.resolve("expected.csv");
        org.opennrm.linkage.cli.Main.main(new String[] {
            "link",
            "--a",
            directory.resolve("a").toString(),
            "--b",
            directory.resolve("b").toString(),
            "--threshold",
            "0.8",
            "--out",
            expected.toString()
        });
        List<Path> namesA = Fixtures.writeSplit(a, directory, "split-a", 600);
        List<Path> namesB = Fixtures.writeSplit(b, directory, "split-b", 100, 900);
        Path actual = directory.resolve("matches.csv");

        int code = run(
                "link",
                "--a",
                join(namesA),
                "--b",
                join(namesB),
                "--threshold",
                "0.8",
                "--partition-size",
                "400",
                "--master",
                "local[2]",
                "--out",
                actual.toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readAllLines(expected)).hasSizeGreaterThan(300);
        assertThat(Files.readString(actual)).isEqualTo(Files.readString(expected));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("linked 1500 x 1300 encodings (exact, spark local[2]");
    }

    @Test
    void refusesATruncatedEncodingFileAndWritesNothing() throws Exception {
        List<Path> names = Fixtures.writeSplit(a, directory, "a", 700);
        Path clk = EncodingFiles.clkFile(names.get(1));
        byte[] bytes = Files.readAllBytes(clk);
        Files.write(clk, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        Path target = directory.resolve("matches.csv");

        int code =
                run("link", "--a", join(names), "--b", join(names), "--threshold", "0.8", "--out", target.toString());

        assertThat(code).isEqualTo(Main.REJECTED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not a multiple of 128");
        assertThat(target).doesNotExist();
    }

    @Test
    void refusesIdsThatDoNotMatchTheEncodings() throws Exception {
        List<Path> names = Fixtures.writeSplit(a, directory, "a");
        Files.writeString(EncodingFiles.idsFile(names.get(0)), "only-one\n");

        int code = run("link", "--a", join(names), "--b", join(names), "--threshold", "0.8", "--out", "x.csv");

        assertThat(code).isEqualTo(Main.REJECTED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("holds 1500 encodings but")
                .contains("1 ids");
    }

    @Test
    void wrongCommandLinesExitWithTwo() {
        assertThat(run("link", "--a", "x", "--b", "y", "--out", "z.csv")).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing option --threshold");
        assertThat(run("link", "--a", "x", "--b", "y", "--threshold", "0.8", "--strategy", "fast", "--out", "z"))
                .isEqualTo(Main.USAGE);
        assertThat(run("link", "--colour", "red")).isEqualTo(Main.USAGE);
        assertThat(run("link", "--a", "x", "--b", "y", "--threshold", "1.5", "--out", "z"))
                .isEqualTo(Main.USAGE);
        assertThat(run("link", "--a", "x", "--b", "y", "--threshold", "0.8", "--partition-size", "0", "--out", "z"))
                .isEqualTo(Main.USAGE);
        assertThat(run("merge")).isEqualTo(Main.USAGE);
        assertThat(run()).isEqualTo(Main.USAGE);
    }

    @Test
    void blockedModeDefaultsToOneChunkPerCoreAndExactModeToTwentyThousandRecords() {
        assertThat(Main.defaultPartitionSize(Mode.BLOCKED, 100_000, 2)).isEqualTo(50_000);
        assertThat(Main.defaultPartitionSize(Mode.BLOCKED, 100_001, 2)).isEqualTo(50_001);
        assertThat(Main.defaultPartitionSize(Mode.BLOCKED, 3, 8)).isEqualTo(1);
        assertThat(Main.defaultPartitionSize(Mode.EXACT, 100_000, 2)).isEqualTo(20_000);
    }

    @Test
    void helpDescribesTheOptions() {
        assertThat(run("--help")).isZero();
        assertThat(run("link", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--partition-size")
                .contains("--strategy")
                .contains("spark-submit");
    }

    private int run(String... args) {
        return Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String join(List<Path> names) {
        return String.join(",", names.stream().map(Path::toString).toList());
    }
}
