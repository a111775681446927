package org.opennrm.screening;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** The id of a screening, by which a referral later names the screening it rests on. */
@NamedInterface("events")
public record ScreeningId(@JsonValue UUID value) {

    public ScreeningId {
        Objects.requireNonNull(value, "a screening id has a value");
    }

    public static ScreeningId of(UUID value) {
        return new ScreeningId(value);
    }

    static ScreeningId random() {
        return new ScreeningId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
