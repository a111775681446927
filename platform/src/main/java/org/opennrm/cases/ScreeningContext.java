package org.opennrm.cases;

import java.util.Set;

/**
 * What a referrer already stated in a screening, carried over to the referral form so that it is not asked
 * twice: the forms of exploitation they suspected (as HTCDS codes) and whether the age was unknown (then in
 * doubt). Never a default: only the referrer's own earlier answers.
 */
public record ScreeningContext(Set<String> exploitationForms, boolean ageInDoubt) {}
