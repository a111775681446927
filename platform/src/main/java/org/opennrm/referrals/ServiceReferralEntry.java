package org.opennrm.referrals;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.opennrm.cases.SharingScope;

/** A referral to a service in JSON, without the health needs (those travel only in the shared view). */
public record ServiceReferralEntry(
        UUID id,
        UUID caseId,
        String caseReference,
        UUID senderOrganisationId,
        UUID receiverOrganisationId,
        String purpose,
        Set<SharingScope> scopes,
        ServiceReferralStatus status,
        String declineReason,
        OverrideGround overrideGround,
        Instant sentAt,
        Instant updatedAt) {

    static ServiceReferralEntry of(ServiceReferral referral) {
        return new ServiceReferralEntry(
                referral.id(),
                referral.caseId().value(),
                referral.caseReference(),
                referral.senderOrganisationId(),
                referral.receiverOrganisationId(),
                referral.purpose(),
                referral.scopes(),
                referral.status(),
                referral.declineReason(),
                referral.overrideGround(),
                referral.sentAt(),
                referral.updatedAt());
    }
}
