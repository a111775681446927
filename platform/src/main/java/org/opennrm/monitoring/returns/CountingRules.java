package org.opennrm.monitoring.returns;

/**
 * How a return counts where the receiving bodies differ, chosen per return and written into it.
 *
 * @param forms a person with several forms of exploitation: under each form mentioned (forms then add up to more than
 *     the persons, and the return says so) or once, under the one form recorded or as "several forms"
 * @param year which year a person belongs to: the year the person was registered (referred into the NRM or notified
 *     anonymously) or the year of the decision on them (a positive preliminary decision, the "reasonable grounds")
 */
record CountingRules(FormRule forms, YearBasis year) {

    static final CountingRules DEFAULT = new CountingRules(FormRule.MAIN_FORM, YearBasis.REGISTRATION);

    CountingRules {
        forms = forms == null ? FormRule.MAIN_FORM : forms;
        year = year == null ? YearBasis.REGISTRATION : year;
    }

    enum FormRule {
        /* the facts keep no ranking of forms: "main" is the one form recorded, or "several forms" */
        MAIN_FORM,
        EACH_FORM_MENTIONED
    }

    enum YearBasis {
        REGISTRATION,
        DECISION
    }

    String describe() {
        return (forms == FormRule.MAIN_FORM ? "main form" : "each form mentioned") + ", year of "
                + (year == YearBasis.REGISTRATION ? "registration" : "decision");
    }
}
