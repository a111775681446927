package org.opennrm.monitoring.returns;

import java.time.Year;
import org.opennrm.RuleViolation;

/**
 * Which return, for which year, under which counting rules: the form of the returns page and the body of the API.
 *
 * @param forms {@code MAIN_FORM} or {@code EACH_FORM_MENTIONED}; empty for the main form
 * @param basis {@code REGISTRATION} or {@code DECISION}; empty for the year of registration
 * @param estimate SDG 16.2.2 only: the id of a completed hidden-number estimate to stand as the total; empty for none
 */
record ReturnForm(String template, Integer year, String forms, String basis, String estimate) {

    ReturnForm {
        template = template == null || template.isBlank() ? EurostatReturn.ID : template.strip();
        year = year == null ? Year.now().getValue() - 1 : year;
    }

    CountingRules rules() {
        try {
            return new CountingRules(
                    forms == null || forms.isBlank() ? null : CountingRules.FormRule.valueOf(forms.strip()),
                    basis == null || basis.isBlank() ? null : CountingRules.YearBasis.valueOf(basis.strip()));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(
                    "returns.refused.rules",
                    "Choose the counting rules from the list: MAIN_FORM or EACH_FORM_MENTIONED, REGISTRATION or"
                            + " DECISION.");
        }
    }
}
