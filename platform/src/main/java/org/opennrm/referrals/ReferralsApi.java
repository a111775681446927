package org.opennrm.referrals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.AnonymousNotification;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.ConsentStatement;
import org.opennrm.cases.EventEntry;
import org.opennrm.cases.PersonIdentity;
import org.opennrm.cases.TraffickingProfile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referrals into the NRM through the API: send one (the case opens at once), follow your organisation's
 * referrals, and count an adult who declines with an anonymous notification.
 */
@RestController
@Tag(name = "Referrals", description = "Referrals into the NRM, my referrals, anonymous notifications")
class ReferralsApi {

    private final Referrals referrals;
    private final CaseManagement cases;

    ReferralsApi(Referrals referrals, CaseManagement cases) {
        this.referrals = referrals;
        this.cases = cases;
    }

    @PostMapping("/api/v1/referrals")
    @PreAuthorize("hasAuthority('referrals:create:organisation')")
    @Operation(
            summary = "Refer a person into the NRM",
            description = "An adult needs consent to ASSISTANCE; a child (under 18, or ageInDoubt) needs"
                    + " guardianAccountId and no consent. Codes: HTCDS v2 lists, ISO 3166 alpha-3, ISO 639-2.")
    ResponseEntity<ReferralReceipt> refer(@Valid @RequestBody CreateReferralRequest request) {
        var receipt = referrals.refer(request.referral());
        return ResponseEntity.created(URI.create("/api/v1/referrals/mine")).body(receipt);
    }

    @GetMapping("/api/v1/referrals/mine")
    @PreAuthorize("hasAnyAuthority('referrals:read:organisation','referrals:read:all')")
    @Operation(
            summary = "Your organisation's referrals",
            description = "NRM reference and status only, never the case.")
    MyReferrals mine() {
        return new MyReferrals(referrals.mine(), referrals.monthlyCounts());
    }

    @PostMapping("/api/v1/notifications/anonymous")
    @PreAuthorize("hasAuthority('referrals:create:organisation')")
    @Operation(
            summary = "Count an adult who declines referral",
            description = "Codes only: gender, age group, nationality, forms of exploitation, region. No identity.")
    ResponseEntity<Map<String, UUID>> notifyAnonymously(@Valid @RequestBody AnonymousNotificationRequest request) {
        var id = cases.notifyAnonymously(request.notification());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    record CreateReferralRequest(
            @NotNull(message = "Give the person") PersonIdentity person,
            Boolean ageInDoubt,

            @Size(max = 5000, message = "At most 5000 characters")
            String circumstances,

            TraffickingProfile profile,
            List<ConsentStatement> consents,
            List<EventEntry> events,
            UUID guardianAccountId,
            UUID screeningId) {

        ReferralRequest referral() {
            return new ReferralRequest(
                    person,
                    Boolean.TRUE.equals(ageInDoubt),
                    circumstances,
                    profile,
                    consents,
                    events,
                    guardianAccountId,
                    screeningId);
        }

        @Override
        public String toString() {
            return "CreateReferralRequest[masked]";
        }
    }

    record MyReferrals(List<MyReferral> referrals, List<MonthlyCount> monthlyCounts) {}

    record AnonymousNotificationRequest(
            String gender,
            @NotNull(message = "Choose an age group") AgeGroup ageGroup,
            String nationality,
            Set<String> exploitationForms,

            @Size(max = 100, message = "At most 100 characters")
            String region) {

        AnonymousNotification notification() {
            return new AnonymousNotification(gender, ageGroup, nationality, exploitationForms, region);
        }
    }
}
