package org.opennrm.assistance;

import java.time.Instant;
import java.util.UUID;

/** A goal or an action of an assistance plan. */
public record PlanItem(UUID id, PlanItemKind kind, String text, Instant createdAt) {

    @Override
    public String toString() {
        return "PlanItem[" + id + " " + kind + "]";
    }
}
