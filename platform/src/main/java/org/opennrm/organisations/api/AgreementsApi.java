package org.opennrm.organisations.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opennrm.RecordNotFound;
import org.opennrm.organisations.Agreement;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.PartnershipAgreements;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Partnership agreements over HTTP. A token whose owner reads only their organisation's agreements
 * gets 404 for any other agreement, exactly as for one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/agreements")
@Tag(name = "Agreements", description = "Partnership agreements between organisations and their reviews")
class AgreementsApi {

    private static final String READ = "hasAnyAuthority('agreements:read:all','agreements:read:organisation')";
    private static final String MANAGE = "hasAuthority('agreements:manage:all')";

    private final PartnershipAgreements agreements;
    private final OrganisationRegistry registry;

    AgreementsApi(PartnershipAgreements agreements, OrganisationRegistry registry) {
        this.agreements = agreements;
        this.registry = registry;
    }

    @GetMapping
    @PreAuthorize(READ)
    @Operation(
            summary = "List the agreements you may read",
            description = "Overdue reviews first, then by next review date.")
    List<AgreementSummary> list() {
        return summaries(agreements.list());
    }

    @GetMapping("/overdue")
    @PreAuthorize(READ)
    @Operation(summary = "Agreements whose review date has passed, among those you may read")
    List<AgreementSummary> overdue() {
        return summaries(agreements.reviewOverdue());
    }

    @GetMapping("/{id}")
    @PreAuthorize(READ)
    @Operation(summary = "Read one agreement", description = "404 when it does not exist or is not shared with you.")
    AgreementProfile read(@PathVariable UUID id) {
        return profile(agreements.find(id).orElseThrow(() -> new RecordNotFound("agreement", id)));
    }

    @PostMapping
    @PreAuthorize(MANAGE)
    @Operation(
            summary = "Register a signed agreement",
            description = "At least two different organisations; the next review is not before the signing date.")
    ResponseEntity<AgreementProfile> register(@Valid @RequestBody RegisterAgreementRequest request) {
        var agreement = agreements.register(request.details());
        var location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(agreement.id())
                .toUri();
        return ResponseEntity.created(location).body(profile(agreement));
    }

    @PutMapping("/{id}")
    @PreAuthorize(MANAGE)
    @Operation(
            summary = "Change an agreement or record a review",
            description = "Send the version you read; 409 when someone changed it since.")
    AgreementProfile change(@PathVariable UUID id, @Valid @RequestBody ChangeAgreementRequest request) {
        return profile(agreements.change(id, request.version(), request.details()));
    }

    private List<AgreementSummary> summaries(List<Agreement> list) {
        var names = names();
        var today = agreements.today();
        return list.stream()
                .map(agreement -> new AgreementSummary(
                        agreement.id(),
                        agreement.title(),
                        parties(agreement, names),
                        agreement.signedOn(),
                        agreement.nextReviewOn(),
                        agreement.reviewOverdue(today),
                        agreement.version()))
                .toList();
    }

    private AgreementProfile profile(Agreement agreement) {
        return new AgreementProfile(
                agreement.id(),
                agreement.title(),
                agreement.scope(),
                parties(agreement, names()),
                agreement.signedOn(),
                agreement.nextReviewOn(),
                agreement.reviewOverdue(agreements.today()),
                agreement.version(),
                agreement.createdAt(),
                agreement.updatedAt());
    }

    private static List<PartyEntry> parties(Agreement agreement, Map<UUID, String> names) {
        return agreement.parties().stream()
                .map(party ->
                        new PartyEntry(party.organisationId(), names.get(party.organisationId()), party.nrmRole()))
                .toList();
    }

    private Map<UUID, String> names() {
        return registry.all().stream().collect(Collectors.toMap(Organisation::id, Organisation::name));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return UnreadableBody.problem(e);
    }
}
