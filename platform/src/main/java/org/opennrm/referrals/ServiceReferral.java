package org.opennrm.referrals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opennrm.EventMonth;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.SharingScope;
import org.opennrm.referrals.events.ServiceReferralAccepted;
import org.opennrm.referrals.events.ServiceReferralCompleted;
import org.opennrm.referrals.events.ServiceReferralDeclined;
import org.opennrm.referrals.events.ServiceReferralSent;
import org.opennrm.referrals.events.ServiceReferralWithdrawn;

/**
 * A referral of a case to a service provider. Sent by the NRM with a purpose and the scopes it shares; the
 * receiver accepts it or declines it with a reason; the sender may withdraw it while it is sent or accepted; the
 * receiver completes an accepted one. Any other move is refused. A referral sent without the person's consent
 * carries the override ground and reason, which the case shows.
 *
 * <p>The health needs written on the referral are the only personal data it holds; {@code toString()} shows ids.
 */
public final class ServiceReferral {

    private final UUID id;
    private final CaseId caseId;
    private final String caseReference;
    private final UUID senderOrganisationId;
    private final UUID sentBy;
    private final UUID receiverOrganisationId;
    private final String purpose;
    private final Set<SharingScope> scopes;
    private final String healthNeeds;
    private final OverrideGround overrideGround;
    private final String overrideReason;
    private final Instant sentAt;
    private ServiceReferralStatus status;
    private String declineReason;
    private Instant updatedAt;
    private final List<Object> domainEvents = new ArrayList<>();

    ServiceReferral(
            UUID id,
            CaseId caseId,
            String caseReference,
            UUID senderOrganisationId,
            UUID sentBy,
            UUID receiverOrganisationId,
            String purpose,
            Set<SharingScope> scopes,
            String healthNeeds,
            OverrideGround overrideGround,
            String overrideReason,
            Instant sentAt,
            ServiceReferralStatus status,
            String declineReason,
            Instant updatedAt) {
        this.id = id;
        this.caseId = caseId;
        this.caseReference = caseReference;
        this.senderOrganisationId = senderOrganisationId;
        this.sentBy = sentBy;
        this.receiverOrganisationId = receiverOrganisationId;
        this.purpose = purpose;
        this.scopes = scopes.isEmpty() ? EnumSet.noneOf(SharingScope.class) : EnumSet.copyOf(scopes);
        this.healthNeeds = healthNeeds;
        this.overrideGround = overrideGround;
        this.overrideReason = overrideReason;
        this.sentAt = sentAt;
        this.status = status;
        this.declineReason = declineReason;
        this.updatedAt = updatedAt;
    }

    static ServiceReferral send(
            CaseId caseId,
            String caseReference,
            UUID senderOrganisationId,
            UUID sentBy,
            UUID receiverOrganisationId,
            String purpose,
            Set<SharingScope> scopes,
            String healthNeeds,
            OverrideGround overrideGround,
            String overrideReason,
            Instant now) {
        if (purpose == null || purpose.isBlank()) {
            throw new ServiceReferralRefused("serviceReferral.purposeMissing", "A referral states its purpose.");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new ServiceReferralRefused(
                    "serviceReferral.scopesMissing", "Choose what the referral shares (at least one scope).");
        }
        boolean health = scopes.contains(SharingScope.HEALTH_NEEDS);
        if (health && (healthNeeds == null || healthNeeds.isBlank())) {
            throw new ServiceReferralRefused(
                    "serviceReferral.healthNeedsMissing", "Describe the health needs you share, or do not share them.");
        }
        var sent = new ServiceReferral(
                UUID.randomUUID(),
                caseId,
                caseReference,
                senderOrganisationId,
                sentBy,
                receiverOrganisationId,
                purpose.strip(),
                scopes,
                health ? healthNeeds.strip() : null,
                overrideGround,
                overrideGround == null ? null : overrideReason.strip(),
                now,
                ServiceReferralStatus.SENT,
                null,
                now);
        sent.domainEvents.add(new ServiceReferralSent(
                sent.id, caseId, senderOrganisationId, receiverOrganisationId, overrideGround, EventMonth.of(now)));
        return sent;
    }

    void accept(Instant now) {
        require(status == ServiceReferralStatus.SENT, "serviceReferral.notSent", "Only a sent referral is accepted.");
        status = ServiceReferralStatus.ACCEPTED;
        updatedAt = now;
        domainEvents.add(new ServiceReferralAccepted(id, caseId, receiverOrganisationId, EventMonth.of(now)));
    }

    void decline(String reason, Instant now) {
        require(status == ServiceReferralStatus.SENT, "serviceReferral.notSent", "Only a sent referral is declined.");
        if (reason == null || reason.isBlank()) {
            throw new ServiceReferralRefused(
                    "serviceReferral.declineReason.missing", "A referral is declined with a reason.");
        }
        status = ServiceReferralStatus.DECLINED;
        declineReason = reason.strip();
        updatedAt = now;
        domainEvents.add(new ServiceReferralDeclined(id, caseId, receiverOrganisationId, EventMonth.of(now)));
    }

    void withdraw(Instant now) {
        require(status.inForce(), "serviceReferral.notInForce", "Only a sent or accepted referral is withdrawn.");
        status = ServiceReferralStatus.WITHDRAWN;
        updatedAt = now;
        domainEvents.add(new ServiceReferralWithdrawn(id, caseId, receiverOrganisationId, EventMonth.of(now)));
    }

    void complete(Instant now) {
        require(
                status == ServiceReferralStatus.ACCEPTED,
                "serviceReferral.notAccepted",
                "Only an accepted referral is completed.");
        status = ServiceReferralStatus.COMPLETED;
        updatedAt = now;
        domainEvents.add(new ServiceReferralCompleted(id, caseId, receiverOrganisationId, EventMonth.of(now)));
    }

    /** The events of the moves made since it was loaded, handed out once. */
    List<Object> takeDomainEvents() {
        var taken = List.copyOf(domainEvents);
        domainEvents.clear();
        return taken;
    }

    private static void require(boolean condition, String key, String message) {
        if (!condition) {
            throw new ServiceReferralRefused(key, message);
        }
    }

    public UUID id() {
        return id;
    }

    public CaseId caseId() {
        return caseId;
    }

    public String caseReference() {
        return caseReference;
    }

    public UUID senderOrganisationId() {
        return senderOrganisationId;
    }

    public UUID sentBy() {
        return sentBy;
    }

    public UUID receiverOrganisationId() {
        return receiverOrganisationId;
    }

    public String purpose() {
        return purpose;
    }

    public Set<SharingScope> scopes() {
        return Set.copyOf(scopes);
    }

    public String healthNeeds() {
        return healthNeeds;
    }

    public OverrideGround overrideGround() {
        return overrideGround;
    }

    public String overrideReason() {
        return overrideReason;
    }

    public boolean overridden() {
        return overrideGround != null;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public ServiceReferralStatus status() {
        return status;
    }

    public String declineReason() {
        return declineReason;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "ServiceReferral[" + id + " case=" + caseId + " " + status + "]";
    }
}
