package org.opennrm.linkage.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldEncodingsTests {

    @TempDir
    Path dir;

    static final String CSV = Fixtures.HEADER + "\n"
            + "r1,Olena,Kovalenko,1990-04-12,F,UKR\n"
            + "r2,Olena,Kovalenko,1990-04-12,F,UKR\n"
            + "r3,Kovalenko,Olena,1990-12-04,,\n"
            + "r4,Ion,Rusu,,M,MDA\n";

    @Test
    void fieldEncodingsWrittenByEncodeReadBackAsEncodedInMemory() throws IOException {
        Path csv = dir.resolve("people.csv");
        Files.writeString(csv, CSV);
        Encoder encoder = new Encoder(Schema.defaultSchema(), EncoderTests.SECRET);
        encoder.encode(csv, dir.resolve("people"));
        FieldEncodings read = EncodingFiles.readFields(dir.resolve("people"), 4);
        FieldEncodings inMemory = encoder.encodeWithFields(csv).fields();
        assertThat(read).isNotNull();
        assertThat(read.parts()).isEqualTo(inMemory.parts());
        assertThat(read.words()).isEqualTo(inMemory.words());
        assertThat(read.check()).isEqualTo(inMemory.check());
        assertThat(read.noise()).isEqualTo(Schema.DEFAULT_FIELD_NOISE);

        EncodingFiles.writeFields(dir.resolve("copy"), read);
        assertThat(EncodingFiles.readFields(dir.resolve("copy"), 4).words()).isEqualTo(read.words());
        assertThatThrownBy(() -> EncodingFiles.readFields(dir.resolve("copy"), 5))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("does not belong to the .clk and .ids beside it");
        assertThat(EncodingFiles.readFields(dir.resolve("absent"), 4)).isNull();
    }

    @Test
    void theSameNameInTwoRecordsGetsDifferentButSimilarFiltersAndMissingValuesStayEmpty() throws IOException {
        FieldEncodings fields = encode(Schema.defaultSchema());
        int given = 0;
        int[] offsets = fields.offsets();
        long[] first = part(fields, 0, offsets[given], 4);
        long[] second = part(fields, 1, offsets[given], 4);
        assertThat(first).isNotEqualTo(second);
        assertThat(dice(first, second)).isGreaterThan(0.5);
        int sex = fields.parts().indexOf(new FieldEncodings.Part("sex", "sex", PartKind.CODE));
        assertThat(part(fields, 2, offsets[sex], 1)).containsOnly(0L);
        assertThat(part(fields, 0, offsets[sex], 1)).isEqualTo(part(fields, 1, offsets[sex], 1));
        int year =
                fields.parts().indexOf(new FieldEncodings.Part("date_of_birth.year", "date_of_birth", PartKind.YEAR));
        assertThat(part(fields, 3, offsets[year], 3)).containsOnly(0L);
        // The swapped record's month filter is the others' day filter: one key for both parts of a date.
        assertThat(part(fields, 2, offsets[year + 1], 1)).isEqualTo(part(fields, 0, offsets[year + 2], 1));
        // Encoding is repeatable: the noise comes from the secret and the record, not from the clock.
        assertThat(encode(Schema.defaultSchema()).words()).isEqualTo(fields.words());
    }

    @Test
    void withoutNoiseTheSameNameGivesTheSameFilter() throws IOException {
        FieldEncodings fields = encode(Schema.defaultSchema().withFieldNoise(0));
        assertThat(part(fields, 0, 0, 4)).isEqualTo(part(fields, 1, 0, 4));
        // Given and family name share a key, so a swapped name still compares.
        assertThat(part(fields, 2, fields.offsets()[1], 4)).isEqualTo(part(fields, 0, 0, 4));
    }

    @Test
    void noiseFlipsTheConfiguredShareOfNameBitsAndNothingElse() throws IOException {
        String csv = String.join(
                "\n",
                new org.opennrm.linkage.population.RealisticLists(
                                1, org.opennrm.linkage.population.RealisticLists.Errors.none())
                        .generate(400, 0)
                        .a());
        FieldEncodings clear = new Encoder(Schema.defaultSchema().withFieldNoise(0), EncoderTests.SECRET)
                .encodeWithFields(new BufferedReader(new StringReader(csv)))
                .fields();
        FieldEncodings noisy = new Encoder(Schema.defaultSchema().withFieldNoise(0.2), EncoderTests.SECRET)
                .encodeWithFields(new BufferedReader(new StringReader(csv)))
                .fields();
        long flipped = 0;
        long nameBits = 0;
        for (int r = 0; r < clear.size(); r++) {
            for (int w = 0; w < clear.wordsPerRecord(); w++) {
                int index = r * clear.wordsPerRecord() + w;
                int changed = Long.bitCount(clear.words()[index] ^ noisy.words()[index]);
                if (w < 8) {
                    flipped += changed;
                    nameBits += 64;
                } else {
                    assertThat(changed)
                            .as("bits flipped outside the name parts")
                            .isZero();
                }
            }
        }
        assertThat((double) flipped / nameBits).isBetween(0.19, 0.21);
    }

    @Test
    void listsEncodedWithOtherSecretsOrSchemasAreIncompatible() throws IOException {
        FieldEncodings fields = encode(Schema.defaultSchema());
        Path other = dir.resolve("other-secret");
        Files.writeString(other, "another deployment's secret, not this one");
        FieldEncodings otherSecret = new Encoder(Schema.defaultSchema(), DeploymentSecret.read(other))
                .encodeWithFields(new BufferedReader(new StringReader(CSV)))
                .fields();
        assertThat(fields.incompatibility(fields)).isNull();
        assertThat(fields.incompatibility(otherSecret)).contains("different secrets");
        assertThat(fields.incompatibility(encode(Schema.defaultSchema().withFieldNoise(0.1))))
                .contains("different noise");
    }

    private static FieldEncodings encode(Schema schema) throws IOException {
        return new Encoder(schema, EncoderTests.SECRET)
                .encodeWithFields(new BufferedReader(new StringReader(CSV)))
                .fields();
    }

    private static long[] part(FieldEncodings fields, int record, int offset, int words) {
        int start = record * fields.wordsPerRecord() + offset;
        return Arrays.copyOfRange(fields.words(), start, start + words);
    }

    private static double dice(long[] x, long[] y) {
        int common = 0;
        int sum = 0;
        for (int w = 0; w < x.length; w++) {
            common += Long.bitCount(x[w] & y[w]);
            sum += Long.bitCount(x[w]) + Long.bitCount(y[w]);
        }
        return 2.0 * common / sum;
    }
}
