package org.opennrm.cases;

import java.time.LocalDate;

/** The conclusion of a multi-agency panel on a negative decision. */
public record ReviewRequest(ReviewOutcome outcome, LocalDate reviewedOn, String reasons) {

    @Override
    public String toString() {
        return "ReviewRequest[" + outcome + ", " + reviewedOn + "]";
    }
}
