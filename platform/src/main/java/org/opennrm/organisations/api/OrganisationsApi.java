package org.opennrm.organisations.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.OrganisationSearch;
import org.opennrm.organisations.OrganisationStatus;
import org.opennrm.organisations.Sector;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The registry of partner organisations over HTTP. */
@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations", description = "Partner organisations of the NRM: sector, NRM roles, services, contacts")
class OrganisationsApi {

    private static final String READ = "hasAuthority('organisations:read:all')";
    private static final String MANAGE = "hasAuthority('organisations:manage:all')";

    private final OrganisationRegistry registry;

    OrganisationsApi(OrganisationRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    @PreAuthorize(READ)
    @Operation(
            summary = "List organisations by name",
            description = "Filters combine: part of the name (any case), sector, NRM role, status.")
    List<OrganisationSummary> list(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Sector sector,
            @RequestParam(required = false) NrmRole nrmRole,
            @RequestParam(required = false) OrganisationStatus status) {
        return registry.search(new OrganisationSearch(name, sector, nrmRole, status)).stream()
                .map(OrganisationSummary::of)
                .toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize(READ)
    @Operation(summary = "Read one organisation with its contact points and version")
    OrganisationProfile read(@PathVariable UUID id) {
        return registry.find(id).map(OrganisationProfile::of).orElseThrow(() -> new RecordNotFound("organisation", id));
    }

    @PostMapping
    @PreAuthorize(MANAGE)
    @Operation(
            summary = "Register an organisation",
            description = "201 with its location; 400 with field errors, or when the name is taken (any case).")
    ResponseEntity<OrganisationProfile> register(@Valid @RequestBody RegisterOrganisationRequest request) {
        var organisation = registry.register(request.details());
        var location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(organisation.id())
                .toUri();
        return ResponseEntity.created(location).body(OrganisationProfile.of(organisation));
    }

    @PutMapping("/{id}")
    @PreAuthorize(MANAGE)
    @Operation(
            summary = "Change an organisation",
            description = "Send the version you read; 409 when someone changed it since (read it again and retry).")
    OrganisationProfile change(@PathVariable UUID id, @Valid @RequestBody ChangeOrganisationRequest request) {
        return OrganisationProfile.of(registry.change(id, request.version(), request.details()));
    }

    @PostMapping("/{id}/suspend")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Suspend an organisation", description = "It stays on record and visible, marked suspended.")
    OrganisationProfile suspend(@PathVariable UUID id) {
        return OrganisationProfile.of(registry.suspend(id));
    }

    @PostMapping("/{id}/reactivate")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Reactivate a suspended organisation")
    OrganisationProfile reactivate(@PathVariable UUID id) {
        return OrganisationProfile.of(registry.reactivate(id));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return UnreadableBody.problem(e);
    }
}
