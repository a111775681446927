package org.opennrm.assistance;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PagesSlice;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The assistance API as a web slice ({@link PagesSlice}): assistance is a stand-in. The web layer's part: a service
 * recorded answers 201 and a decision 200 with the service as the stand-in returns it, the form passed on as sent; a
 * date that is not one is a problem before assistance is asked; assistance's refusal is a problem naming its rule;
 * and who is refused. Which results a service may have, and the journey from the plan to the decided permit on the
 * page, are {@code AssistanceTests}' and {@code AssistanceWebTests}'.
 */
@PagesSlice
class AssistanceApiSliceTests {

    static final UUID OFFICE = UUID.randomUUID();
    static final LocalDate TODAY = LocalDate.of(2026, 4, 1);

    @Autowired
    MockMvc mvc;

    @Autowired
    Assistance assistance;

    static DeliveredService permit(UUID id, ServiceResult result, LocalDate expiresOn) {
        return new DeliveredService(
                id, null, ServiceType.TEMPORARY_RESIDENCE_PERMIT, OFFICE, TODAY, null, null, expiresOn, result);
    }

    @Test
    void aPermitAppliedForIsCreatedAndItsDecisionAnsweredAsAssistanceRecordsIt() throws Exception {
        var caseId = CaseId.of(UUID.randomUUID());
        var serviceId = UUID.randomUUID();
        when(assistance.recordService(eq(caseId), any())).thenReturn(permit(serviceId, ServiceResult.APPLIED, null));
        when(assistance.recordResult(eq(caseId), eq(serviceId), any()))
                .thenReturn(permit(serviceId, ServiceResult.GRANTED, TODAY.plusYears(1)));

        mvc.perform(post("/api/v1/assistance/cases/{id}/services", caseId.value())
                        .with(as(Role.CASE_MANAGER, OFFICE))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"TEMPORARY_RESIDENCE_PERMIT\",\"startedOn\":\"" + TODAY
                                + "\",\"result\":\"APPLIED\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(serviceId.toString()))
                .andExpect(jsonPath("$.result").value("APPLIED"));
        verify(assistance)
                .recordService(
                        caseId, new ServiceForm("TEMPORARY_RESIDENCE_PERMIT", TODAY, null, null, null, "APPLIED"));

        mvc.perform(post("/api/v1/assistance/cases/{id}/services/{serviceId}/result", caseId.value(), serviceId)
                        .with(as(Role.CASE_MANAGER, OFFICE))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"result\":\"GRANTED\",\"decidedOn\":\"" + TODAY + "\",\"expiresOn\":\""
                                + TODAY.plusYears(1) + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("GRANTED"))
                .andExpect(jsonPath("$.expiresOn").value(TODAY.plusYears(1).toString()));
        verify(assistance).recordResult(caseId, serviceId, new ResultForm("GRANTED", TODAY, TODAY.plusYears(1)));
    }

    @Test
    void aDateThatIsNotOneIsAProblemBeforeAssistanceIsAskedAndAssistancesRefusalIsAProblemNamingItsRule()
            throws Exception {
        var caseId = CaseId.of(UUID.randomUUID());
        var serviceId = UUID.randomUUID();
        String decide = "/api/v1/assistance/cases/{id}/services/{serviceId}/result";

        mvc.perform(post(decide, caseId.value(), serviceId)
                        .with(as(Role.CASE_MANAGER, OFFICE))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"result\":\"GRANTED\",\"decidedOn\":\"yesterday\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verify(assistance, never()).recordResult(any(), any(), any());

        when(assistance.recordResult(eq(caseId), eq(serviceId), any()))
                .thenThrow(new AssistanceRuleViolation("assist.result.choose", "Choose the decision.", "result"));
        mvc.perform(post(decide, caseId.value(), serviceId)
                        .with(as(Role.CASE_MANAGER, OFFICE))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"result\":\"AWARDED\",\"decidedOn\":\"" + TODAY + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:opennrm:problem:AssistanceRuleViolation"))
                .andExpect(jsonPath("$.detail").value(containsString("Choose the decision")));
    }

    @Test
    void onlyCaseWorkersAndServiceProvidersRecordServices() throws Exception {
        var caseId = UUID.randomUUID();
        mvc.perform(post("/api/v1/assistance/cases/{id}/services", caseId)
                        .with(as(Role.STATISTICIAN, OFFICE))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"MEDICAL_CARE\",\"startedOn\":\"" + TODAY + "\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/assistance/cases/{id}/services/{serviceId}/result", caseId, UUID.randomUUID())
                        .with(as(Role.REFERRER, OFFICE))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"result\":\"GRANTED\",\"decidedOn\":\"" + TODAY + "\"}"))
                .andExpect(status().isForbidden());
        verify(assistance, never()).recordService(any(), any());
        verify(assistance, never()).recordResult(any(), any(), any());
    }
}
