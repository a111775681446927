package org.opennrm.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** The id of a case. Carries no meaning; the reference ({@code NRM-2026-000123}) is what people quote. */
@NamedInterface("events")
public record CaseId(@JsonValue UUID value) {

    public CaseId {
        if (value == null) {
            throw new IllegalArgumentException("A case id needs a value");
        }
    }

    @JsonCreator
    public static CaseId of(UUID value) {
        return new CaseId(value);
    }

    static CaseId random() {
        return new CaseId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
