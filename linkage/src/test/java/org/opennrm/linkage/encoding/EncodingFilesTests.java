package org.opennrm.linkage.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodingFilesTests {

    @TempDir
    Path dir;

    @Test
    void writesAndReadsBackTheSameEncodings() {
        Encodings encodings = Fixtures.encode(Schema.defaultSchema(), EncoderTests.SECRET, Fixtures.people(20, 9));
        EncodingFiles.write(dir.resolve("list"), encodings);
        Encodings back = EncodingFiles.read(dir.resolve("list"));
        assertThat(back.ids()).isEqualTo(encodings.ids());
        assertThat(back.words()).isEqualTo(encodings.words());
    }

    @Test
    void bitZeroIsTheHighBitOfTheFirstByteAsInAnonlink() throws IOException {
        byte[] clk = new byte[2 * Encodings.BYTES];
        clk[0] = (byte) 0x80;
        clk[Encodings.BYTES + 1] = 0x01;
        Files.write(dir.resolve("x.clk"), clk);
        Files.write(dir.resolve("x.ids"), List.of("r1", "r2"));
        Encodings encodings = EncodingFiles.read(dir.resolve("x"));
        assertThat(encodings.bit(0, 0)).isTrue();
        assertThat(encodings.popcount(0)).isEqualTo(1);
        assertThat(encodings.bit(1, 15)).isTrue();
        assertThat(encodings.popcount(1)).isEqualTo(1);
    }

    @Test
    void sizeThatIsNotAMultipleOf128IsRefused() throws IOException {
        Files.write(dir.resolve("x.clk"), new byte[Encodings.BYTES + 5]);
        Files.write(dir.resolve("x.ids"), List.of("r1"));
        assertThatThrownBy(() -> EncodingFiles.read(dir.resolve("x")))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("not a multiple of 128");
    }

    @Test
    void idsThatDoNotMatchTheRecordCountAreRefused() throws IOException {
        Files.write(dir.resolve("x.clk"), new byte[2 * Encodings.BYTES]);
        Files.write(dir.resolve("x.ids"), List.of("r1", "r2", "r3"));
        assertThatThrownBy(() -> EncodingFiles.read(dir.resolve("x")))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("holds 2 encodings but")
                .hasMessageContaining("3 ids");
    }

    @Test
    void missingFilesAreRefusedByName() {
        assertThatThrownBy(() -> EncodingFiles.read(dir.resolve("absent")))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("absent.clk");
    }

    @Test
    void writingLeavesNoTemporaryFilesBehind() throws IOException {
        EncodingFiles.writeAtomically(dir.resolve("out.csv"), out -> out.write("a,b\n"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("out.csv");
        }
    }

    @Test
    void failedWriteLeavesNoFile() throws IOException {
        assertThatThrownBy(() -> EncodingFiles.writeAtomically(dir.resolve("out.csv"), out -> {
                    out.write("half");
                    throw new IOException("disk full");
                }))
                .hasRootCauseMessage("disk full");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
