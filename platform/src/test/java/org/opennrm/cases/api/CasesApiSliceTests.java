package org.opennrm.cases.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PagesSlice;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Role;
import org.opennrm.cases.AgeCategory;
import org.opennrm.cases.CaseFile;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseRuleFixtures;
import org.opennrm.cases.ConsentPurpose;
import org.opennrm.cases.Decision;
import org.opennrm.cases.DecisionOutcome;
import org.opennrm.cases.DecisionRequest;
import org.opennrm.cases.DueKind;
import org.opennrm.cases.Review;
import org.opennrm.cases.ReviewOutcome;
import org.opennrm.cases.Stage;
import org.opennrm.cases.queue.QueueEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The cases API as a web slice ({@link PagesSlice}): case management is a stand-in. The web layer's part: what a case
 * file, a decision, a review and a queue page look like in JSON, which call each request makes, who is refused before
 * any call, and that every refusal - invalid fields, a rule the aggregate names, an overtaken version, a case not
 * shared - is a problem document (RFC 9457). That the rules hold and the database confines and logs each read is
 * {@code CasesModuleTests}' and {@code CasesApiTests}'.
 */
@PagesSlice
class CasesApiSliceTests {

    static final UUID OFFICE = UUID.randomUUID();
    static final UUID PANEL = UUID.randomUUID();
    static final UUID INSPECTORATE = UUID.randomUUID();
    static final LocalDate TODAY = LocalDate.of(2026, 4, 1);

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseManagement cases;

    static String decision(String outcome, Integer version) {
        return "{\"outcome\": \"" + outcome + "\", \"decidedOn\": \"" + TODAY
                + "\", \"reasons\": \"Indicators of forced labour\""
                + (version == null ? "" : ", \"version\": " + version)
                + "}";
    }

    static Decision taken(DecisionOutcome outcome) {
        return new Decision(
                UUID.randomUUID(),
                outcome.kind(),
                outcome,
                TODAY,
                CaseFixtures.at(TODAY),
                UUID.randomUUID(),
                PANEL,
                "Indicators of forced labour",
                null,
                null,
                outcome == DecisionOutcome.PRESUMED_VICTIM ? 30 : null,
                outcome == DecisionOutcome.PRESUMED_VICTIM);
    }

    @Test
    void aCaseFileIsTheCaseAsReadAndOneNotSharedIsANotFoundProblem() throws Exception {
        var opened = CaseFixtures.openedAdultCase();
        when(cases.read(opened.id())).thenReturn(new CaseFile(opened, CaseFixtures.adult()));

        mvc.perform(get("/api/v1/cases/{id}", opened.id().value()).with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(opened.id().value().toString()))
                .andExpect(jsonPath("$.reference").value(opened.reference()))
                .andExpect(jsonPath("$.person.givenName").value("Testa"))
                .andExpect(jsonPath("$.person.dateOfBirth").value("1990-05-17"))
                .andExpect(jsonPath("$.profile.exploitationForms[0]").value("ForcedLabour"))
                .andExpect(jsonPath("$.nextDueKind").value("PRELIMINARY_DECISION"))
                .andExpect(jsonPath("$.decisions").isEmpty())
                .andExpect(jsonPath("$.version").value(0));

        var notShared = CaseId.of(UUID.randomUUID());
        when(cases.read(notShared)).thenThrow(new RecordNotFound("case", notShared));
        mvc.perform(get("/api/v1/cases/{id}", notShared.value()).with(as(Role.REFERRER, INSPECTORATE)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.detail").value(containsString("not shared with you")));
        // an id that is not one is a bad request, never a server error
        mvc.perform(get("/api/v1/cases/{id}", "not-an-id").with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aDecisionIsCreatedAtItsCaseAndARuleBrokenOrAnOvertakenVersionIsAProblem() throws Exception {
        var id = CaseId.of(UUID.randomUUID());
        var path = "/api/v1/cases/" + id.value();
        when(cases.decidePreliminary(eq(id), eq(0), any())).thenReturn(taken(DecisionOutcome.PRESUMED_VICTIM));

        mvc.perform(post(path + "/decisions/preliminary")
                        .with(as(Role.IDENTIFICATION_OFFICER, PANEL))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(decision("PRESUMED_VICTIM", 0)))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, path))
                .andExpect(jsonPath("$.kind").value("PRELIMINARY"))
                .andExpect(jsonPath("$.outcome").value("PRESUMED_VICTIM"))
                .andExpect(jsonPath("$.recoveryPeriodDays").value(30))
                .andExpect(jsonPath("$.protectionFromRemoval").value(true))
                .andExpect(jsonPath("$.replaced").value(false));
        verify(cases)
                .decidePreliminary(
                        id,
                        0,
                        new DecisionRequest(
                                DecisionOutcome.PRESUMED_VICTIM, TODAY, "Indicators of forced labour", null));

        // the aggregate's refusal, named by its rule
        when(cases.decidePreliminary(eq(id), isNull(), any())).thenThrow(CaseRuleFixtures.secondPreliminary());
        mvc.perform(post(path + "/decisions/preliminary")
                        .with(as(Role.IDENTIFICATION_OFFICER, PANEL))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(decision("PRESUMED_VICTIM", null)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:opennrm:problem:DecisionOutOfOrder"))
                .andExpect(jsonPath("$.title").value("Not possible"))
                .andExpect(jsonPath("$.detail").value(containsString("already taken")));

        when(cases.decideFormal(eq(id), eq(0), any()))
                .thenThrow(new OptimisticLockingFailureException("version 0 is not current"));
        mvc.perform(post(path + "/decisions/formal")
                        .with(as(Role.IDENTIFICATION_OFFICER, PANEL))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(decision("NOT_IDENTIFIED", 0)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Changed by someone else"));

        var negative = UUID.randomUUID();
        when(cases.review(eq(id), eq(negative), isNull(), any()))
                .thenReturn(new Review(
                        UUID.randomUUID(),
                        negative,
                        PANEL,
                        ReviewOutcome.RECONSIDERED,
                        TODAY,
                        "Panel view",
                        CaseFixtures.at(TODAY),
                        UUID.randomUUID()));
        mvc.perform(post(path + "/decisions/{decisionId}/review", negative)
                        .with(as(Role.IDENTIFICATION_OFFICER, PANEL))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"RECONSIDERED\", \"reviewedOn\": \"" + TODAY
                                + "\", \"reasons\": \"Panel view\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.decisionId").value(negative.toString()))
                .andExpect(jsonPath("$.outcome").value("RECONSIDERED"));
    }

    @Test
    void anInvalidDecisionIsAProblemWithFieldErrorsAndOnlyDecisionMakersDecide() throws Exception {
        var id = CaseId.of(UUID.randomUUID());

        mvc.perform(post("/api/v1/cases/{id}/decisions/preliminary", id.value())
                        .with(as(Role.IDENTIFICATION_OFFICER, PANEL))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"PRESUMED_VICTIM\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("reasons")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("decidedOn")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("Give the reasons")));
        mvc.perform(post("/api/v1/cases/{id}/decisions/preliminary", id.value())
                        .with(as(Role.IDENTIFICATION_OFFICER, PANEL))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(decision("MAYBE_VICTIM", null)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/cases/{id}/decisions/preliminary", id.value())
                        .with(as(Role.CASE_MANAGER, OFFICE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(decision("PRESUMED_VICTIM", null)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verify(cases, never()).decidePreliminary(any(), any(), any());
    }

    @Test
    void consentIsWithdrawnForItsPurposeAndOrganisationAndOneNotInForceIsAProblem() throws Exception {
        var id = CaseId.of(UUID.randomUUID());

        mvc.perform(post("/api/v1/cases/{id}/consents/SHARING/withdraw", id.value())
                        .with(as(Role.CASE_MANAGER, OFFICE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organisationId\": \"" + OFFICE + "\", \"version\": 3}"))
                .andExpect(status().isNoContent());
        verify(cases).withdrawConsent(id, 3, ConsentPurpose.SHARING, OFFICE);

        // no body: sharing withdrawn with every organisation, at the version read now
        doThrow(CaseRuleFixtures.consentNotInForce())
                .when(cases)
                .withdrawConsent(id, null, ConsentPurpose.SHARING, null);
        mvc.perform(post("/api/v1/cases/{id}/consents/SHARING/withdraw", id.value())
                        .with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:opennrm:problem:ConsentMissing"));

        mvc.perform(post("/api/v1/cases/{id}/consents/GOSSIP/withdraw", id.value())
                        .with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/cases/{id}/consents/SHARING/withdraw", id.value())
                        .with(as(Role.REFERRER, INSPECTORATE)))
                .andExpect(status().isForbidden());
        // the two above only: neither an unknown purpose nor a referrer reached case management
        verify(cases, times(2)).withdrawConsent(any(), any(), any(ConsentPurpose.class), any());
    }

    @Test
    void theQueueComesInPagesOfFiftyWithoutIdentityAndOnlyToCaseWorkers() throws Exception {
        var entries = new ArrayList<QueueEntry>();
        for (int i = 0; i <= CaseManagement.QUEUE_PAGE; i++) {
            entries.add(new QueueEntry(
                    CaseId.of(UUID.randomUUID()),
                    "NRM-2026-%06d".formatted(i + 1),
                    Stage.REFERRED,
                    AgeCategory.ADULT,
                    DueKind.PRELIMINARY_DECISION,
                    TODAY.plusDays(i),
                    CaseFixtures.REFERRED_ON,
                    null,
                    i,
                    false));
        }
        // one more than a page: the page says there is more and shows fifty
        when(cases.queue(1)).thenReturn(entries);
        mvc.perform(get("/api/v1/cases/queue").param("page", "1").with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.more").value(true))
                .andExpect(jsonPath("$.entries.length()").value(CaseManagement.QUEUE_PAGE))
                .andExpect(jsonPath("$.entries[0].reference").value("NRM-2026-000001"))
                .andExpect(jsonPath("$.entries[0].dueKind").value("PRELIMINARY_DECISION"))
                .andExpect(jsonPath("$.entries[0].dueOn").value(TODAY.toString()))
                .andExpect(jsonPath("$.entries[0].person").doesNotExist())
                .andExpect(jsonPath("$.entries[0].givenName").doesNotExist());

        when(cases.queue(-3)).thenReturn(entries.subList(0, 2));
        mvc.perform(get("/api/v1/cases/queue").param("page", "-3").with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.more").value(false))
                .andExpect(jsonPath("$.entries.length()").value(2));

        mvc.perform(get("/api/v1/cases/queue").with(as(Role.REFERRER, INSPECTORATE)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verify(cases, never()).queue(0);
    }
}
