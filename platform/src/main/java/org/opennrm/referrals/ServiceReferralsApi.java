package org.opennrm.referrals;

import java.util.List;
import java.util.UUID;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.SharedCase;
import org.opennrm.cases.SharingScope;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Referrals to services in JSON: the NRM sends and withdraws, the receiver reads, accepts, declines, completes. */
@RestController
class ServiceReferralsApi {

    private final ServiceReferrals referrals;

    ServiceReferralsApi(ServiceReferrals referrals) {
        this.referrals = referrals;
    }

    record DeclineRequest(String reason) {}

    /** What the receiver sees: the referral, the health needs when shared, the case through its scopes. */
    record SharedReferral(ServiceReferralEntry referral, String healthNeeds, SharedCase sharedCase) {

        @Override
        public String toString() {
            return "SharedReferral[" + referral.id() + "]";
        }
    }

    @PostMapping("/api/v1/cases/{id}/service-referrals")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('cases:write:all')")
    ServiceReferralEntry send(@PathVariable UUID id, @RequestBody ServiceReferralRequest request) {
        return ServiceReferralEntry.of(referrals.send(CaseId.of(id), request));
    }

    @GetMapping("/api/v1/cases/{id}/service-referrals")
    @PreAuthorize("hasAuthority('cases:read:all')")
    List<ServiceReferralEntry> ofCase(@PathVariable UUID id) {
        return referrals.ofCase(CaseId.of(id)).stream()
                .map(ServiceReferralEntry::of)
                .toList();
    }

    @GetMapping("/api/v1/services/referrals")
    @PreAuthorize("hasAuthority('cases:read:organisation')")
    List<ServiceReferralEntry> incoming() {
        return referrals.incoming().stream().map(ServiceReferralEntry::of).toList();
    }

    @GetMapping("/api/v1/services/referrals/{referralId}")
    @PreAuthorize("hasAuthority('cases:read:organisation')")
    SharedReferral view(@PathVariable UUID referralId) {
        var view = referrals.view(referralId);
        var referral = view.referral();
        boolean health = view.accessInForce() && referral.scopes().contains(SharingScope.HEALTH_NEEDS);
        return new SharedReferral(
                ServiceReferralEntry.of(referral), health ? referral.healthNeeds() : null, view.sharedCase());
    }

    @PostMapping("/api/v1/services/referrals/{referralId}/accept")
    @PreAuthorize("hasAuthority('services:record:organisation')")
    ServiceReferralEntry accept(@PathVariable UUID referralId) {
        return ServiceReferralEntry.of(referrals.accept(referralId));
    }

    @PostMapping("/api/v1/services/referrals/{referralId}/decline")
    @PreAuthorize("hasAuthority('services:record:organisation')")
    ServiceReferralEntry decline(@PathVariable UUID referralId, @RequestBody DeclineRequest request) {
        return ServiceReferralEntry.of(referrals.decline(referralId, request.reason()));
    }

    @PostMapping("/api/v1/services/referrals/{referralId}/complete")
    @PreAuthorize("hasAuthority('services:record:organisation')")
    ServiceReferralEntry complete(@PathVariable UUID referralId) {
        return ServiceReferralEntry.of(referrals.complete(referralId));
    }
}
