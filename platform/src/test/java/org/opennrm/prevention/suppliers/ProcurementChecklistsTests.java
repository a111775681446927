package org.opennrm.prevention.suppliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Role;
import org.opennrm.cases.SignedIn;
import org.opennrm.prevention.suppliers.ProcurementChecklist.Answer;
import org.opennrm.prevention.suppliers.ProcurementChecklist.Sector;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The procurement risk checklist: loads with its version and sources, asks each sector its own questions, refuses a
 * checklist with a question unanswered, sets the risk level from the answers and says which raised it, and keeps each
 * office's checklists to itself.
 */
@PlatformTest
class ProcurementChecklistsTests {

    @Autowired
    ProcurementChecklist checklist;

    @Autowired
    ProcurementChecklists checklists;

    final UUID office = UUID.randomUUID();

    @Test
    void theChecklistHasAVersionSourcesAndQuestionsPerSector() {
        assertThat(checklist.version()).isNotBlank();
        assertThat(checklist.sources())
                .extracting(ProcurementChecklist.Source::title)
                .contains("ILO Indicators of Forced Labour");
        assertThat(checklist.questions(Sector.TEXTILES))
                .extracting(ProcurementChecklist.Question::code)
                .contains("RAW_MATERIALS_TRACED", "DOCUMENTS_RETAINED")
                .doesNotContain("AGENCY_WORKFORCE");
        assertThat(checklist.questions(Sector.AGRICULTURE))
                .extracting(ProcurementChecklist.Question::code)
                .contains("AGENCY_WORKFORCE")
                .doesNotContain("RAW_MATERIALS_TRACED");
    }

    @Test
    void theRiskLevelComesFromTheAnswersThatRaisedIt() {
        Map<String, Answer> safe = new HashMap<>();
        checklist
                .questions(Sector.CONSTRUCTION)
                .forEach(question ->
                        safe.put(question.code(), question.riskAnswer() == Answer.YES ? Answer.NO : Answer.YES));
        var low = SignedIn.as(
                Role.PROCUREMENT_OFFICER,
                office,
                () -> checklists.fill(
                        new ProcurementChecklists.Filling("T-2026-001", null, Sector.CONSTRUCTION, safe)));
        assertThat(low.riskLevel()).isEqualTo(ProcurementChecklist.RiskLevel.LOW);
        assertThat(low.raising()).isEmpty();

        Map<String, Answer> risky = new HashMap<>(safe);
        risky.put("DOCUMENTS_RETAINED", Answer.YES);
        risky.put("RECRUITMENT_FEES", Answer.UNKNOWN);
        risky.put("SUBCONTRACTORS_KNOWN", Answer.NO);
        var high = SignedIn.as(
                Role.PROCUREMENT_OFFICER,
                office,
                () -> checklists.fill(
                        new ProcurementChecklists.Filling("T-2026-002", null, Sector.CONSTRUCTION, risky)));
        assertThat(high.score()).isEqualTo(4.0);
        assertThat(high.riskLevel()).isEqualTo(ProcurementChecklist.RiskLevel.HIGH);
        assertThat(high.raising())
                .extracting(FilledChecklist.Answered::question)
                .containsExactly("DOCUMENTS_RETAINED", "RECRUITMENT_FEES", "SUBCONTRACTORS_KNOWN");

        assertThatThrownBy(
                        () -> SignedIn.as(Role.PROCUREMENT_OFFICER, UUID.randomUUID(), () -> checklists.get(high.id())))
                .isInstanceOf(RecordNotFound.class);
    }

    @Test
    void aChecklistWithAQuestionUnansweredIsRefused() {
        assertThatThrownBy(() -> SignedIn.as(
                        Role.PROCUREMENT_OFFICER,
                        office,
                        () -> checklists.fill(new ProcurementChecklists.Filling(
                                "T-2026-003",
                                null,
                                Sector.TEXTILES,
                                Map.of("DOCUMENTS_RETAINED", Answer.NO, "AGENCY_WORKFORCE", Answer.NO)))))
                .isInstanceOfSatisfying(ScreeningInvalid.class, e -> assertThat(e.fields())
                        .containsEntry("answer-WAGES_WITHHELD", "finance.checklist.error.answer")
                        .containsEntry("answer-AGENCY_WORKFORCE", "finance.checklist.error.notAsked"));
    }
}
