package org.opennrm.screening;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The ILO/EC combination rule as settings ({@code opennrm.screening.rule.*}), so that an NRM can correct it
 * once the publication has been checked, or adopt its own, without a new release. Unset values take the
 * defaults of the shared rule notes (Rule 1; Rule 2 version 3.1 for adults; Palermo art. 3(c) for
 * children). A wrong word stops the start with a message naming it.
 *
 * @param version recorded with every screening, so that a result can be explained after the rule changes
 * @param verification how far the rule has been checked against ILO/EC 2009: shown with every result
 * @param elementPresent clauses of Rule 1, e.g. {@code 1 strong + 1 medium-or-weak}
 * @param adult requirements of Rule 2 for adults, each {@code ELEMENT | ELEMENT} (any one of)
 * @param child requirements of Rule 2 for children
 * @param ageUnknownAs whose rule applies when the age is not known: CHILD (presumption of minority) or ADULT
 */
@ConfigurationProperties("opennrm.screening.rule")
record RuleSettings(
        String version,
        Verification verification,
        List<String> elementPresent,
        List<String> adult,
        List<String> child,
        AgeGroup ageUnknownAs) {

    static final String DEFAULT_VERSION = "ilo-ec-2009/rules-r1";

    RuleSettings {
        version = version == null || version.isBlank() ? DEFAULT_VERSION : version;
        verification = verification == null ? Verification.UNVERIFIED : verification;
        elementPresent = elementPresent == null || elementPresent.isEmpty() ? ElementRule.ILO_EC_2009 : elementPresent;
        adult = adult == null || adult.isEmpty() ? CombinationRule.ADULT_DEFAULT : adult;
        child = child == null || child.isEmpty() ? CombinationRule.CHILD_DEFAULT : child;
        ageUnknownAs = ageUnknownAs == null ? AgeGroup.CHILD : ageUnknownAs;
        if (ageUnknownAs == AgeGroup.UNKNOWN) {
            throw new IllegalArgumentException("opennrm.screening.rule.age-unknown-as must be CHILD or ADULT");
        }
        // read every rule now, so that a wrong word stops the start rather than the first screening
        ElementRule.of(elementPresent);
        CombinationRule.of(adult);
        CombinationRule.of(child);
    }

    static RuleSettings defaults() {
        return new RuleSettings(null, null, null, null, null, null);
    }

    ScreeningRule rule() {
        return new ScreeningRule(
                version,
                verification,
                ElementRule.of(elementPresent),
                CombinationRule.of(adult),
                CombinationRule.of(child),
                ageUnknownAs);
    }
}
