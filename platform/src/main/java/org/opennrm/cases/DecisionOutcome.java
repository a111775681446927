package org.opennrm.cases;

import org.springframework.modulith.NamedInterface;

/** The outcome of an identification decision; each belongs to one kind of decision. */
@NamedInterface("events")
public enum DecisionOutcome {
    PRESUMED_VICTIM(DecisionKind.PRELIMINARY, true),
    NOT_PRESUMED(DecisionKind.PRELIMINARY, false),
    IDENTIFIED(DecisionKind.FORMAL, true),
    NOT_IDENTIFIED(DecisionKind.FORMAL, false);

    private final DecisionKind kind;
    private final boolean positive;

    DecisionOutcome(DecisionKind kind, boolean positive) {
        this.kind = kind;
        this.positive = positive;
    }

    public DecisionKind kind() {
        return kind;
    }

    public boolean positive() {
        return positive;
    }

    /** The positive outcome of the same kind, which a reconsideration gives. */
    DecisionOutcome reconsidered() {
        return kind == DecisionKind.PRELIMINARY ? PRESUMED_VICTIM : IDENTIFIED;
    }
}
