package org.opennrm.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a {@code timestamptz} from PostgreSQL's JSON gives the same instant as the general ISO parser. */
class StoredRowsTests {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** The text PostgreSQL writes for a timestamptz in JSON: fraction without trailing zeros, offset +hh:mm. */
    private static String asPostgresWritesIt(OffsetDateTime time) {
        var text = new StringBuilder(SECONDS.format(time));
        if (time.getNano() != 0) {
            var micros = String.format("%06d", time.getNano() / 1000).replaceAll("0+$", "");
            text.append('.').append(micros);
        }
        var offset = time.getOffset().getTotalSeconds();
        text.append(offset < 0 ? '-' : '+')
                .append(String.format("%02d:%02d", Math.abs(offset) / 3600, Math.abs(offset) / 60 % 60));
        return text.toString();
    }

    @Test
    void readsWhatPostgresWritesAsTheGeneralParserDoes() {
        var random = new Random(20261123);
        int[] offsets = {0, 3600, -3600, 19_800, -12_600, 45_900, -36_000, 50_400};
        for (int i = 0; i < 20_000; i++) {
            var instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 4_000_000_000L))
                    .plusNanos(random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000) * 1000L);
            var time = instant.atOffset(ZoneOffset.ofTotalSeconds(offsets[random.nextInt(offsets.length)]));
            var text = asPostgresWritesIt(time);

            assertThat(StoredRows.instantOf(text))
                    .as(text)
                    .isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-03-02T10:11:12+00:00",
                "2026-03-02T10:11:12.1+00:00",
                "2026-03-02T10:11:12.123456789+02:00",
                "2024-02-29T23:59:59.999999-05:30",
                "2026-12-31T00:00:00+14:00",
                "1970-01-01T00:00:00-12:00",
                // shapes read by the general parser: an offset with seconds, Z, no colon in the offset
                "1890-01-01T00:00:00+01:39:49",
                "2026-03-02T10:11:12Z",
                "2026-03-02T10:11:12.5Z",
                "2026-03-02T10:11:12.+00:00",
                "+12026-03-02T10:11:12+00:00"
            })
    void agreesWithTheGeneralParserOnEveryShapeItAccepts(String text) {
        assertThat(StoredRows.instantOf(text))
                .isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-30T10:11:12+00:00",
                "2026-13-02T10:11:12+00:00",
                "2026-03-02T24:11:12+00:00",
                "2026-03-02T10:11:1x+00:00",
                "2026-03-02 10:11:12+00:00",
                "2026-03-02T10:11:12*00:00",
                "2026-03-02T10:11:12+19:00",
                "not a time at all, really"
            })
    void refusesWhatIsNoTimestampAsTheGeneralParserDoes(String text) {
        assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StoredRows.instantOf(text)).isInstanceOf(DateTimeParseException.class);
    }
}
