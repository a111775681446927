package org.opennrm.cases.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.ClosureReason;
import org.opennrm.cases.DecisionOutcome;
import org.opennrm.organisations.Sector;

/** The NRM's words as HTCDS v2.0 codes, the age bands, the events and the options of an export; no Spring. */
class HtcdsExportCodesTests {

    @Test
    void everyDecisionOutcomeAndEverySectorMapsOntoACodeOfTheStandard() throws Exception {
        var standards = HtcdsExportTests.fieldStandards();
        for (DecisionOutcome outcome : DecisionOutcome.values()) {
            assertThat(standards.get("vic_TraffickingStatus")).contains(HtcdsCodes.traffickingStatus(outcome));
        }
        assertThat(standards.get("vic_TraffickingStatus")).contains(HtcdsCodes.traffickingStatus(null));
        for (Sector sector : Sector.values()) {
            assertThat(standards.get("vic_TraffickingStatusDecisionMakingOrg"))
                    .contains(HtcdsCodes.decisionMakingOrganisation(sector));
        }
        for (CaseStatus status : CaseStatus.values()) {
            for (ClosureReason reason : ClosureReason.values()) {
                assertThat(standards.get("cas_Status")).contains(HtcdsCodes.caseStatus(status, reason));
            }
        }
    }

    @Test
    void formsOfTheNationalExtensionLeaveAsOtherAndStandardFormsAsThemselves() throws Exception {
        var standards = HtcdsExportTests.fieldStandards();
        assertThat(HtcdsCodes.exploitationForms(List.of("ForcedLabour", "ForcedCriminality", "OnlineScamCompound")))
                .containsExactly("ForcedLabour", "Other");
        assertThat(HtcdsCodes.exploitationForms(List.of("Other", "OnlineScamCompound")))
                .containsExactly("Other");
        for (String form : org.opennrm.cases.CodeLists.EXTENDED_EXPLOITATION_FORMS) {
            assertThat(standards.get("vic_TypeOfExploitation")).doesNotContain(form);
            assertThat(standards.get("vic_TypeOfExploitation"))
                    .containsAll(HtcdsCodes.exploitationForms(List.of(form)));
        }
    }

    @Test
    void theReasonForClosureIsTextAsHtcdsDefinesItNeverACode() {
        for (ClosureReason reason : ClosureReason.values()) {
            assertThat(HtcdsCodes.reasonForClosure(reason))
                    .isNotBlank()
                    .isNotEqualTo(reason.name())
                    .matches("[A-Z][a-z].*");
        }
        assertThat(HtcdsCodes.reasonForClosure(null)).isNull();
    }

    @Test
    void identificationDecidesTheTraffickingStatus() {
        assertThat(HtcdsCodes.traffickingStatus(null)).isEqualTo("PossibleVictimOfTrafficking");
        assertThat(HtcdsCodes.traffickingStatus(DecisionOutcome.PRESUMED_VICTIM))
                .isEqualTo("PossibleVictimOfTrafficking");
        assertThat(HtcdsCodes.traffickingStatus(DecisionOutcome.IDENTIFIED)).isEqualTo("ActualVictimOfTrafficking");
        assertThat(HtcdsCodes.traffickingStatus(DecisionOutcome.NOT_PRESUMED)).isEqualTo("NotAVictimOfTrafficking");
        assertThat(HtcdsCodes.traffickingStatus(DecisionOutcome.NOT_IDENTIFIED)).isEqualTo("NotAVictimOfTrafficking");
        assertThat(HtcdsCodes.decisionMakingOrganisation(Sector.POLICE)).isEqualTo("Police");
        assertThat(HtcdsCodes.decisionMakingOrganisation(Sector.JUDICIARY)).isEqualTo("CourtOrProsecution");
        assertThat(HtcdsCodes.decisionMakingOrganisation(null)).isNull();
    }

    @Test
    void theAgeBandIsTheCtdcBandOfTheAgeAtReferral() {
        var referred = LocalDate.of(2026, 3, 2);
        assertThat(HtcdsCodes.ageBand(LocalDate.of(2008, 3, 3), null, referred)).isEqualTo("9--17");
        assertThat(HtcdsCodes.ageBand(LocalDate.of(2008, 3, 2), null, referred)).isEqualTo("18--20");
        assertThat(HtcdsCodes.ageBand(null, 8, referred)).isEqualTo("0--8");
        assertThat(HtcdsCodes.ageBand(null, 38, referred)).isEqualTo("30--38");
        assertThat(HtcdsCodes.ageBand(null, 39, referred)).isEqualTo("39--47");
        assertThat(HtcdsCodes.ageBand(null, 48, referred)).isEqualTo("48+");
        assertThat(HtcdsCodes.ageBand(null, null, referred)).isNull();
    }

    @Test
    void eventsKeepTheirDateAndCountryAndTheProfileAddsTheCountriesNoEventNames() {
        var events =
                HtcdsExport.events(List.of("Recruitment|2025-09-02|MDA", "Transit||"), CaseFixtures.labourProfile());

        assertThat(events)
                .containsExactly(
                        new HtcdsCaseRecord.Event("Recruitment", LocalDate.of(2025, 9, 2), "MDA"),
                        new HtcdsCaseRecord.Event("Transit", null, null),
                        new HtcdsCaseRecord.Event("Transit", null, "ROU"),
                        new HtcdsCaseRecord.Event("Exploitation", null, "DEU"));
    }

    @Test
    void optionsAreReadFromTextAndRefusedWithTheRuleTheyBreak() {
        var receiver = java.util.UUID.randomUUID().toString();
        var request = HtcdsExportRequest.of("CSV", "2026-01-01", "2026-03-31", "open", " North ", receiver, "true");
        assertThat(request.format()).isEqualTo(HtcdsFormat.CSV);
        assertThat(request.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(request.region()).isEqualTo("North");
        assertThat(request.identity()).isTrue();
        assertThat(HtcdsExportRequest.of(null, null, null, null, null, receiver, null))
                .satisfies(defaults -> {
                    assertThat(defaults.format()).isEqualTo(HtcdsFormat.JSON);
                    assertThat(defaults.identity()).isFalse();
                });

        assertThatThrownBy(() -> HtcdsExportRequest.of("xlsx", null, null, null, null, receiver, null))
                .isInstanceOfSatisfying(HtcdsExportInvalid.class, e -> assertThat(e.messageKey())
                        .isEqualTo("htcdsExport.invalid.format"));
        assertThatThrownBy(() -> HtcdsExportRequest.of(null, "2026-04-01", "2026-03-31", null, null, receiver, null))
                .isInstanceOfSatisfying(HtcdsExportInvalid.class, e -> assertThat(e.messageKey())
                        .isEqualTo("htcdsExport.invalid.periodOrder"));
        assertThatThrownBy(() -> HtcdsExportRequest.of(null, "1 March", null, null, null, receiver, null))
                .isInstanceOf(HtcdsExportInvalid.class);
        assertThatThrownBy(() -> HtcdsExportRequest.of(null, null, null, null, null, "not-an-id", null))
                .isInstanceOfSatisfying(HtcdsExportInvalid.class, e -> assertThat(e.messageKey())
                        .isEqualTo("htcdsExport.invalid.receiver"));
    }

    @Test
    void aPseudonymousFileHasNoIdentityColumnAndAnIdentifyingOneHasThree() {
        var pseudonymous =
                HtcdsLayout.fields(false).stream().map(HtcdsLayout.Field::name).toList();
        var identifying =
                HtcdsLayout.fields(true).stream().map(HtcdsLayout.Field::name).toList();

        assertThat(pseudonymous)
                .doesNotContainAnyElementsOf(Set.of("prs_FirstName", "prs_SecondName", "prs_Birthdate"));
        assertThat(identifying).containsAll(Set.of("prs_FirstName", "prs_SecondName", "prs_Birthdate"));
        assertThat(identifying).hasSize(pseudonymous.size() + 3);
    }

    @Test
    void aCsvCellThatASpreadsheetWouldTakeForAFormulaIsWrittenAsText() {
        assertThat(HtcdsLayout.CsvWriter.cell("=HYPERLINK(\"http://example.org\")"))
                .isEqualTo("'=HYPERLINK(\"http://example.org\")");
        assertThat(HtcdsLayout.CsvWriter.cell("+1")).isEqualTo("'+1");
        assertThat(HtcdsLayout.CsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(HtcdsLayout.CsvWriter.cell("Testa")).isEqualTo("Testa");
        assertThat(HtcdsLayout.CsvWriter.cell(LocalDate.of(2026, 3, 2))).isEqualTo("2026-03-02");
        assertThat(HtcdsLayout.CsvWriter.cell(List.of("DebtBondage", "WithholdsDocuments")))
                .isEqualTo("DebtBondage;WithholdsDocuments");
        assertThat(HtcdsLayout.CsvWriter.cell(null)).isEmpty();
    }
}
