package org.opennrm.assistance;

import java.util.UUID;
import org.opennrm.cases.CaseId;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Assistance in JSON: the assistance file of a case, services delivered, and decisions on permits and claims. */
@RestController
@RequestMapping("/api/v1/assistance/cases/{id}")
class AssistanceApi {

    private final Assistance assistance;

    AssistanceApi(Assistance assistance) {
        this.assistance = assistance;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('cases:read:all','services:record:organisation')")
    AssistanceFile read(@PathVariable UUID id) {
        return assistance.read(CaseId.of(id));
    }

    @PostMapping("/services")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyAuthority('cases:write:all','services:record:organisation')")
    DeliveredService recordService(@PathVariable UUID id, @RequestBody ServiceForm form) {
        return assistance.recordService(CaseId.of(id), form);
    }

    /** The decision on a permit applied for or a compensation claim: {@code {"result":"GRANTED",...}}. */
    @PostMapping("/services/{serviceId}/result")
    @PreAuthorize("hasAnyAuthority('cases:write:all','services:record:organisation')")
    DeliveredService recordResult(@PathVariable UUID id, @PathVariable UUID serviceId, @RequestBody ResultForm form) {
        return assistance.recordResult(CaseId.of(id), serviceId, form);
    }
}
