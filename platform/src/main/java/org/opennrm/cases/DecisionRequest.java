package org.opennrm.cases;

import java.time.LocalDate;

/** An identification decision as an identification officer records it. */
public record DecisionRequest(DecisionOutcome outcome, LocalDate decidedOn, String reasons, String evidence) {

    @Override
    public String toString() {
        return "DecisionRequest[" + outcome + ", " + decidedOn + "]";
    }
}
