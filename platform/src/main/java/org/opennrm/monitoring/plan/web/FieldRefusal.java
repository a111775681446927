package org.opennrm.monitoring.plan.web;

import org.opennrm.RuleViolation;
import org.springframework.validation.BindingResult;

/**
 * A refusal of the plan shown at the form field it is about, in its own words: the page resolves its message key and
 * arguments in the reader's language, and shows its English where the bundle has no words for it.
 */
final class FieldRefusal {

    private FieldRefusal() {}

    static void at(BindingResult errors, String field, RuleViolation refusal) {
        errors.rejectValue(field, refusal.messageKey(), refusal.messageArguments(), refusal.getMessage());
    }
}
