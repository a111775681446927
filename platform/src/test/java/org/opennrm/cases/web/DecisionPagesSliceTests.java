package org.opennrm.cases.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PagesSlice;
import org.opennrm.access.Role;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseFile;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseRuleFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The identification decision forms as a web slice: the controller, the platform's security and the layout run; case
 * management is a stand-in. The web layer's part: only those who take decisions reach the form, a form that breaks a
 * field rule never reaches the case, and a refusal by the case (a decision out of order, a case changed meanwhile)
 * comes back on the form with everything typed. What may be decided when is the aggregate's rule, tested in
 * {@code CaseTests}.
 */
@PagesSlice
class DecisionPagesSliceTests {

    static final UUID PANEL = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseManagement cases;

    Case details;

    @BeforeEach
    void aCaseAwaitingItsPreliminaryDecision() {
        details = CaseFixtures.openedAdultCase();
        when(cases.read(details.id())).thenReturn(new CaseFile(details, CaseFixtures.adult()));
    }

    String decisionPath() {
        return "/cases/" + details.id().value() + "/decisions/preliminary";
    }

    /** The preliminary decision form posted by an identification officer, as the browser sends it. */
    private org.springframework.test.web.servlet.ResultActions decide(
            String outcome, String decidedOn, String reasons, String version) throws Exception {
        return mvc.perform(post(decisionPath())
                .with(as(Role.IDENTIFICATION_OFFICER, PANEL))
                .with(csrf())
                .param("outcome", outcome)
                .param("decidedOn", decidedOn)
                .param("reasons", reasons)
                .param("version", version));
    }

    @Test
    void theFormOffersOutcomesInWordsToThoseWhoDecideAndToNobodyElse() throws Exception {
        mvc.perform(get(decisionPath()).with(as(Role.IDENTIFICATION_OFFICER, PANEL)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"2026-04-01\"")))
                .andExpect(content().string(not(containsString(">PRESUMED_VICTIM<"))));

        mvc.perform(get(decisionPath()).with(as(Role.CASE_MANAGER, PANEL))).andExpect(status().isForbidden());
        mvc.perform(post(decisionPath())
                        .with(as(Role.REFERRER, PANEL))
                        .with(csrf())
                        .param("outcome", "PRESUMED_VICTIM")
                        .param("decidedOn", "2026-03-30")
                        .param("reasons", "Indicators of forced labour")
                        .param("version", "0"))
                .andExpect(status().isForbidden());
        verify(cases, never()).decidePreliminary(any(), anyInt(), any());
    }

    @Test
    void reasonsMissingOrTooLongOrAFormalOutcomeOnThePreliminaryFormNeverReachTheCase() throws Exception {
        decide("PRESUMED_VICTIM", "2026-03-30", "", "0")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Give the reasons.")));
        decide("PRESUMED_VICTIM", "2026-03-30", "x".repeat(Case.TEXT_LIMIT + 1), "0")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "reasons"))
                .andExpect(content().string(containsString("At most 5000 characters.")));
        decide("IDENTIFIED", "2026-03-30", "Conclusive grounds", "0")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "outcome"));
        // the validator's "present" is the system clock's, not the fixed clock of this slice
        decide("PRESUMED_VICTIM", java.time.LocalDate.now().plusDays(2).toString(), "Dated after today", "0")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "decidedOn"));
        verify(cases, never()).decidePreliminary(any(), anyInt(), any());
    }

    @Test
    void aDecisionOutOfOrderComesBackWithItsMessageAndTheTypedReasons() throws Exception {
        when(cases.decidePreliminary(eq(details.id()), eq(0), any())).thenThrow(CaseRuleFixtures.secondPreliminary());

        decide("PRESUMED_VICTIM", "2026-03-30", "Indicators of forced labour on the farm", "0")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A preliminary decision was already taken")))
                .andExpect(content().string(containsString("Indicators of forced labour on the farm")));
    }

    @Test
    void aCaseChangedMeanwhileIsShownAsAConflictAndARecordedDecisionLeadsToTheCase() throws Exception {
        when(cases.decidePreliminary(eq(details.id()), eq(7), any()))
                .thenThrow(new OptimisticLockingFailureException("changed"));
        // sent against version 7; the case now stands at its own version: the form comes back with that one and
        // with the reasons as typed
        decide("PRESUMED_VICTIM", "2026-03-30", "Typed before the change", "7")
                .andExpect(status().isOk())
                .andExpect(model().attribute("conflict", true))
                .andExpect(content().string(containsString("id=\"conflict\"")))
                .andExpect(content().string(containsString("Typed before the change")))
                .andExpect(content().string(containsString("name=\"version\" value=\"" + details.version() + "\"")));

        decide("PRESUMED_VICTIM", "2026-03-30", "Indicators of forced labour", "1")
                .andExpect(redirectedUrl("/cases/" + details.id().value()));
    }

    @Test
    void anUnknownKindOfDecisionIsNotFoundAndReadsNothing() throws Exception {
        mvc.perform(get("/cases/" + details.id().value() + "/decisions/final")
                        .with(as(Role.IDENTIFICATION_OFFICER, PANEL)))
                .andExpect(status().isNotFound());
        verifyNoInteractions(cases);
    }
}
