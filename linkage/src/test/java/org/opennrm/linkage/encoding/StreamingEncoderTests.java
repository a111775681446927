package org.opennrm.linkage.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingEncoderTests {

    /** More than two of the encoder's chunks of 4,096 lines, so that order across chunks is exercised. */
    static final int PEOPLE = 10_000;

    @TempDir
    Path dir;

    @Test
    void encodingToFilesGivesTheSameFilesAsEncodingInMemory() throws IOException {
        String csv = Fixtures.people(PEOPLE, 31);
        Path input = dir.resolve("people.csv");
        Files.writeString(input, csv, StandardCharsets.UTF_8);
        Encoder encoder = new Encoder(Schema.defaultSchema(), EncoderTests.SECRET);

        long records = encoder.encode(input, dir.resolve("streamed"));
        EncodingFiles.write(
                dir.resolve("in-memory"), Fixtures.encode(Schema.defaultSchema(), EncoderTests.SECRET, csv));

        assertThat(records).isEqualTo(PEOPLE);
        assertThat(Files.readAllBytes(dir.resolve("streamed.clk")))
                .hasSize(PEOPLE * Encodings.BYTES)
                .isEqualTo(Files.readAllBytes(dir.resolve("in-memory.clk")));
        assertThat(Files.readAllLines(dir.resolve("streamed.ids")))
                .hasSize(PEOPLE)
                .startsWith("p0", "p1")
                .isEqualTo(Files.readAllLines(dir.resolve("in-memory.ids")));
    }

    @Test
    void anIdRepeatedInALaterChunkIsRefusedWithItsLineAndNothingIsWritten() throws IOException {
        String csv = Fixtures.people(PEOPLE, 32).replace("\np9000,", "\np3,");
        Path input = dir.resolve("people.csv");
        Files.writeString(input, csv, StandardCharsets.UTF_8);

        assertThatThrownBy(() ->
                        new Encoder(Schema.defaultSchema(), EncoderTests.SECRET).encode(input, dir.resolve("out")))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("line 9002")
                .hasMessageContaining("repeats");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(input);
        }
    }

    @Test
    void aBadLineAfterManyGoodOnesLeavesNoFiles() throws IOException {
        String csv = Fixtures.people(PEOPLE, 33) + "p-last,Ana,Rusu,1990-13-45,F,MDA\n";
        Path input = dir.resolve("people.csv");
        Files.writeString(input, csv, StandardCharsets.UTF_8);

        assertThatThrownBy(() ->
                        new Encoder(Schema.defaultSchema(), EncoderTests.SECRET).encode(input, dir.resolve("out")))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("line " + (PEOPLE + 2));
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(input);
        }
    }

    @Test
    void inputThatIsNotUtf8IsRefused() throws IOException {
        Path input = dir.resolve("latin1.csv");
        Files.write(
                input, (Fixtures.HEADER + "\np1,J\u00fcrgen,M\u00fcller,,M,\n").getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() ->
                        new Encoder(Schema.defaultSchema(), EncoderTests.SECRET).encode(input, dir.resolve("out")))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("not UTF-8");
    }
}
