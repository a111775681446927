package org.opennrm.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.screening.Element.*;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The combination rule as settings under {@code opennrm.screening.rule}: defaults, overrides, mistakes. */
class RuleSettingsTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RuleSettings.class)
    static class Settings {}

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void withoutSettingsTheRulesOfTheSharedNotesApply() {
        runner.run(context -> {
            var settings = context.getBean(RuleSettings.class);
            assertThat(settings.version()).isEqualTo("ilo-ec-2009/rules-r1");
            assertThat(settings.verification()).isEqualTo(Verification.UNVERIFIED);
            assertThat(settings.ageUnknownAs()).isEqualTo(AgeGroup.CHILD);
            var rule = settings.rule();
            assertThat(rule.elementRule().clauses())
                    .containsExactly(
                            new Clause(2, 0, 0, 0),
                            new Clause(1, 0, 0, 1),
                            new Clause(0, 3, 0, 0),
                            new Clause(0, 2, 1, 0));
            assertThat(rule.adult().requirements()).hasSize(3);
            assertThat(rule.child().requirements()).hasSize(2);
        });
    }

    @Test
    void anInstallationSetsItsOwnRulesByProperties() {
        runner.withPropertyValues(
                        "opennrm.screening.rule.version=national-2026/r2",
                        "opennrm.screening.rule.verification=VERIFIED",
                        "opennrm.screening.rule.element-present[0]=2 strong",
                        "opennrm.screening.rule.element-present[1]=1 strong + 2 medium",
                        "opennrm.screening.rule.child[0]=EXPLOITATION",
                        "opennrm.screening.rule.adult[0]=DECEPTIVE_RECRUITMENT | COERCIVE_RECRUITMENT",
                        "opennrm.screening.rule.adult[1]=EXPLOITATION",
                        "opennrm.screening.rule.adult[2]=COERCION_AT_DESTINATION",
                        "opennrm.screening.rule.age-unknown-as=ADULT")
                .run(context -> {
                    var rule = context.getBean(RuleSettings.class).rule();
                    assertThat(rule.version()).isEqualTo("national-2026/r2");
                    assertThat(rule.verification()).isEqualTo(Verification.VERIFIED);
                    assertThat(rule.elementRule().matched(1, 1, 0)).isEmpty();
                    assertThat(rule.child().metBy(EnumSet.of(EXPLOITATION))).isTrue();
                    assertThat(rule.adult()
                                    .metBy(EnumSet.of(
                                            RECRUITMENT_BY_ABUSE_OF_VULNERABILITY,
                                            EXPLOITATION,
                                            COERCION_AT_DESTINATION)))
                            .isFalse();
                    assertThat(rule.ageUnknownAs()).isEqualTo(AgeGroup.ADULT);
                });
    }

    @Test
    void aRuleThatIsNotUnderstoodStopsTheStart() {
        runner.withPropertyValues("opennrm.screening.rule.age-unknown-as=UNKNOWN")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("opennrm.screening.rule.adult[0]=EXPLOITATION | MEANS")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("MEANS"));
        runner.withPropertyValues("opennrm.screening.rule.element-present[0]=two strong")
                .run(context -> assertThat(context).hasFailed());
    }
}
