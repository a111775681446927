package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a registration fact becomes a CTDC record: the fixed mapping of HTCDS codes onto CTDC's 27 variables. */
class CtdcCodingTests {

    static Fact referral(
            String sex,
            String ageBand,
            Set<String> forms,
            Set<String> methods,
            Set<String> sectors,
            String recruiter,
            Set<String> countries) {
        return Fact.of(EventKind.REFERRAL, YearMonth.of(2025, 4))
                .origin("NORTH", "NGO")
                .person(sex, ageBand, false, "MDA")
                .exploitationForms(forms)
                .profile(methods, sectors, recruiter, countries)
                .build();
    }

    @Test
    void aReferralBecomesOneRecordInCtdcsCodes() {
        var record = CtdcCoding.record(referral(
                "TRANSGENDER_FEMININE",
                "30-38",
                Set.of("CHILD_LABOUR", "SEXUAL_EXPLOITATION"),
                Set.of("TAKES_EARNINGS", "THREATS_LAW_ENFORCEMENT", "RESTRICTS_MEDICAL_CARE", "OTHER"),
                Set.of("T", "C"),
                "ACQUAINTED",
                Set.of("DEU")));

        assertThat(record.get(CtdcVariable.YEAR_OF_REGISTRATION)).isEqualTo("2025");
        assertThat(record.get(CtdcVariable.GENDER)).isEqualTo("Trans/Transgender/NonConforming");
        assertThat(record.get(CtdcVariable.AGE_BROAD)).isEqualTo("30--38");
        assertThat(record.get(CtdcVariable.CITIZENSHIP)).isEqualTo("MDA");
        assertThat(record.get(CtdcVariable.COUNTRY_OF_EXPLOITATION)).isEqualTo("DEU");
        assertThat(record.get(CtdcVariable.IS_FORCED_LABOUR)).isEqualTo("1");
        assertThat(record.get(CtdcVariable.IS_SEXUAL_EXPLOIT)).isEqualTo("1");
        assertThat(record.get(CtdcVariable.IS_OTHER_EXPLOIT)).isNull();
        assertThat(record.get(CtdcVariable.MEANS_DEBT_BONDAGE_EARNINGS)).isEqualTo("1");
        assertThat(record.get(CtdcVariable.MEANS_THREATS)).isEqualTo("1");
        assertThat(record.get(CtdcVariable.MEANS_DENY_BASIC_NEEDS)).isEqualTo("1");
        assertThat(record.get(CtdcVariable.MEANS_FALSE_PROMISES)).isNull();
        assertThat(record.get(CtdcVariable.TYPE_OF_LABOUR_DOMESTIC_WORK)).isEqualTo("1");
        assertThat(record.get(CtdcVariable.TYPE_OF_LABOUR_CONSTRUCTION)).isNull();
        assertThat(record.get(CtdcVariable.RECRUITER_RELATION_FRIEND)).isEqualTo("1");
        assertThat(record.get(CtdcVariable.RECRUITER_RELATION_FAMILY)).isNull();
        // not recorded by the platform in HTCDS codes
        assertThat(record.get(CtdcVariable.TRAFFICK_MONTHS)).isNull();
        assertThat(record.get(CtdcVariable.TYPE_OF_SEX_PROSTITUTION)).isNull();
        assertThat(record.get(CtdcVariable.RECRUITER_RELATION_INTIMATE_PARTNER)).isNull();
    }

    @Test
    void unknownValuesAndSeveralCountriesOfExploitationAreNull() {
        var record = CtdcCoding.record(referral(null, null, Set.of(), Set.of(), Set.of(), null, Set.of("DEU", "FRA")));

        assertThat(record.values()).filteredOn(value -> value != null).containsExactlyInAnyOrder("2025", "MDA");
    }

    @Test
    void onlyRegistrationsAreRecords() {
        var decision = Fact.of(EventKind.IDENTIFICATION_DECISION, YearMonth.of(2025, 4))
                .exploitationForms(Set.of())
                .decision("IDENTIFIED", 30)
                .build();

        assertThatThrownBy(() -> CtdcCoding.record(decision)).isInstanceOf(IllegalArgumentException.class);
    }
}
