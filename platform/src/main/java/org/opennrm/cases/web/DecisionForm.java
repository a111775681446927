package org.opennrm.cases.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.opennrm.cases.Case;
import org.opennrm.cases.DecisionOutcome;
import org.opennrm.cases.DecisionRequest;
import org.springframework.format.annotation.DateTimeFormat;

/** The form of a preliminary or formal identification decision. */
record DecisionForm(
        @NotNull(message = "{decision.outcome.required}") DecisionOutcome outcome,

        @NotNull(message = "{decision.decidedOn.required}")
        @PastOrPresent(message = "{decision.decidedOn.future}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate decidedOn,

        @NotBlank(message = "{decision.reasons.required}")
        @Size(max = Case.TEXT_LIMIT, message = "{decision.text.size}")
        String reasons,

        @Size(max = Case.TEXT_LIMIT, message = "{decision.text.size}")
        String evidence,

        Integer version) {

    static DecisionForm blank(LocalDate today, int version) {
        return new DecisionForm(null, today, null, null, version);
    }

    DecisionRequest request() {
        return new DecisionRequest(outcome, decidedOn, reasons, evidence);
    }

    DecisionForm withVersion(int current) {
        return new DecisionForm(outcome, decidedOn, reasons, evidence, current);
    }

    @Override
    public String toString() {
        return "DecisionForm[" + outcome + "]";
    }
}
