package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A fact holds codes only: anything that is not a code (a name, free text) is refused. */
class FactTests {

    static Fact referral(String sex, String citizenship) {
        return Fact.of(EventKind.REFERRAL, YearMonth.of(2025, 2))
                .origin("NORTH", "POLICE")
                .person(sex, "18-20", false, citizenship)
                .exploitationForms(Set.of("LABOUR"))
                .build();
    }

    @Test
    void codesAreAccepted() {
        var fact = referral("FEMALE", "MDA");

        assertThat(fact.exploitationForms()).containsExactly("LABOUR");
    }

    @Test
    void aNameInACodeFieldIsRefused() {
        assertThatThrownBy(() -> referral("Maria Ivanova", "MDA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sex must be a code");
    }

    @Test
    void citizenshipMustBeAnIsoAlpha3Code() {
        assertThatThrownBy(() -> referral("FEMALE", "Moldova"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("citizenship");
    }

    @Test
    void anAgeBandOutsideTheCtdcBandsIsRefused() {
        assertThatThrownBy(() -> Fact.of(EventKind.REFERRAL, YearMonth.of(2025, 2))
                        .person(null, "1990-04-12", null, null)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("age band");
    }

    @Test
    void negativeDaysToDecisionAreRefused() {
        assertThatThrownBy(() -> Fact.of(EventKind.IDENTIFICATION_DECISION, YearMonth.of(2025, 2))
                        .decision("POSITIVE", -3)
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChecklistVersionIsACodeOfTheFormChecklistSlashRevision() {
        var fact = Fact.of(EventKind.SCREENING, YearMonth.of(2025, 2))
                .screeningChecklistVersion("border/r2")
                .build();
        assertThat(fact.screeningChecklistVersion()).isEqualTo("border/r2");
        assertThat(Fact.of(EventKind.SCREENING, YearMonth.of(2025, 2)).build().screeningChecklistVersion())
                .isNull();
        assertThatThrownBy(() -> Fact.of(EventKind.SCREENING, YearMonth.of(2025, 2))
                        .screeningChecklistVersion("Border checklist as of 2 May")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checklist version must be a code");
    }
}
