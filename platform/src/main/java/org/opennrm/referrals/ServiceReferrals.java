package org.opennrm.referrals;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennrm.EventMonth;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.access.Permission;
import org.opennrm.access.Scope;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.SharingScope;
import org.opennrm.cases.documents.CaseDocument;
import org.opennrm.cases.documents.CaseDocuments;
import org.opennrm.cases.documents.DocumentContent;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.OrganisationStatus;
import org.opennrm.referrals.events.CaseTransferred;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals of cases to services and transfers of cases. The NRM refers a case to an active service provider
 * with a purpose and need-to-know scopes, only with the person's consent to sharing with that organisation, or
 * with an override (child protection, risk to life) that needs its own permission and a reason, and is audited.
 * The receiver sees the case through the scopes only while the referral is in force and consent (or the override)
 * stands: a withdrawn consent stops access at once. Every view is audited.
 */
@Service
public class ServiceReferrals {

    static final String RECORD_TYPE = "service-referral";

    private final ServiceReferralStore store;
    private final CaseManagement cases;
    private final OrganisationRegistry organisations;
    private final AuditTrail audit;
    private final Clock clock;
    private final OverriddenCases overriddenCases;
    private final ApplicationEventPublisher events;
    private final CaseDocuments documents;

    ServiceReferrals(
            ServiceReferralStore store,
            CaseManagement cases,
            OrganisationRegistry organisations,
            AuditTrail audit,
            Clock clock,
            OverriddenCases overriddenCases,
            ApplicationEventPublisher events,
            CaseDocuments documents) {
        this.store = store;
        this.cases = cases;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
        this.overriddenCases = overriddenCases;
        this.events = events;
        this.documents = documents;
    }

    // --- the NRM's side

    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public ServiceReferral send(CaseId caseId, ServiceReferralRequest request) {
        var actor = actor();
        var summary = cases.summary(caseId).orElseThrow(() -> new RecordNotFound("case", caseId));
        if (summary.status() != CaseStatus.OPEN) {
            throw new ServiceReferralRefused("serviceReferral.caseClosed", "A closed case is not referred.");
        }
        requireServiceProvider(request.receiverId());
        boolean consent = cases.sharingAllowed(caseId, request.receiverId());
        if (!consent) {
            if (request.overrideGround() == null) {
                throw new ServiceReferralRefused(
                        "serviceReferral.consentMissing",
                        "The person has not consented to sharing with this organisation: record the consent first,"
                                + " or override for a child's protection or a risk to life.");
            }
            if (!actor.can(Permission.SHARING_OVERRIDE, Scope.ALL)) {
                throw new ServiceReferralRefused(
                        "serviceReferral.overrideNotAllowed",
                        "You may not share without consent: ask someone with the override permission.");
            }
            if (request.overrideReason() == null || request.overrideReason().isBlank()) {
                throw new ServiceReferralRefused(
                        "serviceReferral.overrideReason.missing", "Sharing without consent needs a reason.");
            }
        }
        var referral = ServiceReferral.send(
                caseId,
                summary.reference(),
                actor.organisationId(),
                actor.accountId(),
                request.receiverId(),
                request.purpose(),
                request.scopes(),
                request.healthNeeds(),
                consent ? null : request.overrideGround(),
                consent ? null : request.overrideReason(),
                now());
        store.insert(referral);
        audit.record(AuditAction.CREATE, RECORD_TYPE, referral.id(), "scopes=" + referral.scopes());
        referral.takeDomainEvents().forEach(events::publishEvent);
        if (referral.overridden()) {
            overriddenCases.changed();
            audit.record(AuditAction.SHARE, "case", caseId, "consent override=" + referral.overrideGround());
        }
        return referral;
    }

    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public ServiceReferral withdraw(UUID referralId) {
        var referral = load(referralId);
        referral.withdraw(now());
        return saved(referral, "WITHDRAWN");
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('cases:read:all')")
    public List<ServiceReferral> ofCase(CaseId caseId) {
        return store.ofCase(caseId);
    }

    /**
     * The referrals of a case sent without consent (override), for the case page. The database is asked only
     * for a case that has any ({@link OverriddenCases}); then in one statement, so no transaction: a read-only
     * one added a round trip to the database on every view of a case.
     */
    @PreAuthorize("hasAuthority('cases:read:all')")
    public List<ServiceReferral> overridesOf(CaseId caseId) {
        if (!overriddenCases.mayHave(caseId)) {
            return List.of();
        }
        return store.ofCase(caseId).stream().filter(ServiceReferral::overridden).toList();
    }

    /** Hands the case to another active organisation as its owner, with a reason. */
    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public Transfer transfer(CaseId caseId, UUID toOrganisationId, String reason) {
        var actor = actor();
        var summary = cases.summary(caseId).orElseThrow(() -> new RecordNotFound("case", caseId));
        if (summary.status() != CaseStatus.OPEN) {
            throw new ServiceReferralRefused("serviceReferral.caseClosed", "A closed case is not referred.");
        }
        var to = organisations
                .find(toOrganisationId == null ? new UUID(0, 0) : toOrganisationId)
                .filter(organisation -> organisation.status() == OrganisationStatus.ACTIVE)
                .orElseThrow(() -> new ServiceReferralRefused(
                        "transfer.receiverNotActive", "A case is transferred to an active organisation."));
        var from = owner(caseId).orElse(actor.organisationId());
        if (from.equals(to.id())) {
            throw new ServiceReferralRefused("transfer.sameOwner", "The case already belongs to this organisation.");
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new ServiceReferralRefused(
                    "transfer.reasonMissing", "A transfer states its reason (at most 2000 characters).");
        }
        var transfer = new Transfer(UUID.randomUUID(), caseId, from, to.id(), reason.strip(), now(), actor.accountId());
        store.insert(transfer);
        audit.record(AuditAction.UPDATE, "case", caseId, "transferred");
        events.publishEvent(new CaseTransferred(caseId, from, to.id(), EventMonth.of(transfer.transferredAt())));
        return transfer;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('cases:read:all')")
    public List<Transfer> transfersOf(CaseId caseId) {
        return store.transfersOf(caseId);
    }

    /** The organisation that owns the case after its latest transfer; empty before any transfer (the NRM). */
    @Transactional(readOnly = true)
    public Optional<UUID> owner(CaseId caseId) {
        var transfers = store.transfersOf(caseId);
        return transfers.isEmpty()
                ? Optional.empty()
                : Optional.of(transfers.getLast().toOrganisationId());
    }

    // --- the receiver's side

    /** The referrals received by the current actor's organisation, newest first. */
    @Transactional
    @PreAuthorize("hasAuthority('cases:read:organisation')")
    public List<ServiceReferral> incoming() {
        var actor = actor();
        audit.record(AuditAction.READ, RECORD_TYPE, actor.organisationId(), "incoming");
        return store.receivedBy(actor.organisationId());
    }

    /**
     * How many referrals the current actor's organisation received, per status, for its home page. Counts only
     * (no case, no purpose), so unlike {@link #incoming()} this is not a read of anyone's referral.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('cases:read:organisation')")
    public java.util.Map<ServiceReferralStatus, Long> incomingCounts() {
        return store.receivedCounts(actor().organisationId());
    }

    /**
     * A received referral with the case through its scopes, while access is in force. Any other organisation is
     * told the referral does not exist. The read is audited (and the case read by the cases module).
     */
    @Transactional
    @PreAuthorize("hasAuthority('cases:read:organisation')")
    public ServiceReferralView view(UUID referralId) {
        var referral = received(referralId);
        audit.record(AuditAction.READ, RECORD_TYPE, referral.id());
        var shared = accessInForce(referral) ? cases.readShared(referral.caseId(), referral.scopes()) : null;
        return new ServiceReferralView(referral, shared);
    }

    /**
     * The case's documents for the receiving organisation, when its referral shares them ({@link
     * SharingScope#DOCUMENTS}) and access is in force; the list read is logged by the cases module. Any other
     * referral, or one that does not share documents, is told there are none to see (not found).
     */
    @Transactional
    @PreAuthorize("hasAuthority('cases:read:organisation')")
    public List<CaseDocument> documents(UUID referralId) {
        return documents.shared(sharingDocuments(referralId).caseId());
    }

    /** One shared document's bytes, on the same conditions as {@link #documents}; the download is logged first. */
    @Transactional
    @PreAuthorize("hasAuthority('cases:read:organisation')")
    public DocumentContent document(UUID referralId, UUID documentId) {
        return documents.sharedDownload(sharingDocuments(referralId).caseId(), documentId);
    }

    private ServiceReferral sharingDocuments(UUID referralId) {
        var referral = received(referralId);
        if (!referral.scopes().contains(SharingScope.DOCUMENTS) || !accessInForce(referral)) {
            throw new RecordNotFound("case_document", referralId);
        }
        return referral;
    }

    @Transactional
    @PreAuthorize("hasAuthority('services:record:organisation')")
    public ServiceReferral accept(UUID referralId) {
        var referral = received(referralId);
        if (!accessInForce(referral) && referral.status() == ServiceReferralStatus.SENT) {
            throw new ServiceReferralRefused(
                    "serviceReferral.consentWithdrawn",
                    "The person's consent to sharing with your organisation is no longer in force.");
        }
        referral.accept(now());
        return saved(referral, "ACCEPTED");
    }

    @Transactional
    @PreAuthorize("hasAuthority('services:record:organisation')")
    public ServiceReferral decline(UUID referralId, String reason) {
        var referral = received(referralId);
        if (reason != null && reason.length() > 2000) {
            throw new ServiceReferralRefused(
                    "serviceReferral.declineReason.missing", "A reason has at most 2000 characters.");
        }
        referral.decline(reason, now());
        return saved(referral, "DECLINED");
    }

    @Transactional
    @PreAuthorize("hasAuthority('services:record:organisation')")
    public ServiceReferral complete(UUID referralId) {
        var referral = received(referralId);
        referral.complete(now());
        return saved(referral, "COMPLETED");
    }

    /**
     * Whether an organisation holds an accepted referral of the case with access in force (consent or override):
     * what a service provider needs to record services for the case.
     */
    @Transactional(readOnly = true)
    public boolean acceptedFor(CaseId caseId, UUID organisationId) {
        return organisationId != null
                && store.ofCase(caseId).stream()
                        .anyMatch(referral -> referral.status() == ServiceReferralStatus.ACCEPTED
                                && referral.receiverOrganisationId().equals(organisationId)
                                && accessInForce(referral));
    }

    // --- helpers

    private boolean accessInForce(ServiceReferral referral) {
        return referral.status().inForce()
                && (referral.overridden()
                        || cases.sharingAllowed(referral.caseId(), referral.receiverOrganisationId()));
    }

    private ServiceReferral received(UUID referralId) {
        var actor = actor();
        return store.find(referralId)
                .filter(found -> found.receiverOrganisationId().equals(actor.organisationId()))
                .orElseThrow(() -> new RecordNotFound(RECORD_TYPE, referralId));
    }

    private ServiceReferral load(UUID referralId) {
        return store.find(referralId).orElseThrow(() -> new RecordNotFound(RECORD_TYPE, referralId));
    }

    private ServiceReferral saved(ServiceReferral referral, String detail) {
        store.update(referral);
        audit.record(AuditAction.UPDATE, RECORD_TYPE, referral.id(), "status=" + detail);
        referral.takeDomainEvents().forEach(events::publishEvent);
        return referral;
    }

    private void requireServiceProvider(UUID organisationId) {
        var organisation = organisationId == null
                ? null
                : organisations.find(organisationId).orElse(null);
        if (organisation == null
                || organisation.status() != OrganisationStatus.ACTIVE
                || !organisation.nrmRoles().contains(NrmRole.SERVICE_PROVIDER)) {
            throw new ServiceReferralRefused(
                    "serviceReferral.notAServiceProvider",
                    "A case is referred to an active organisation with the service provider role.");
        }
    }

    private static Actor actor() {
        return Actor.current().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
