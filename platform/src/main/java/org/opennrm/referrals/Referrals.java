package org.opennrm.referrals;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.opennrm.RuleViolation;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseProgress;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.OrganisationStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referrals module's facade. Any active organisation with the referrer role refers a person into the NRM
 * (the case opens in the same transaction, or nothing is kept), and follows its own referrals: NRM reference
 * and status, never the case file.
 */
@Service
public class Referrals {

    private final SentReferrals referrals;
    private final CaseManagement cases;
    private final OrganisationRegistry organisations;
    private final AuditTrail audit;
    private final Clock clock;

    Referrals(
            SentReferrals referrals,
            CaseManagement cases,
            OrganisationRegistry organisations,
            AuditTrail audit,
            Clock clock) {
        this.referrals = referrals;
        this.cases = cases;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Refers a person into the NRM on behalf of the current actor's organisation. */
    @Transactional
    @PreAuthorize("hasAuthority('referrals:create:organisation')")
    public ReferralReceipt refer(ReferralRequest request) {
        var actor = actor();
        requireReferrer(actor.organisationId());
        var opened = cases.open(request.toOpenCase());
        return recorded(opened.caseId(), opened.reference(), actor.organisationId(), actor.accountId(), request);
    }

    /**
     * Records a referral as if the given account of the given organisation had sent it, with no signed-in actor:
     * for installation seeds (demo data) and imports run by the operator, never for requests of users.
     */
    @Transactional
    public ReferralReceipt referFor(UUID organisationId, UUID accountId, ReferralRequest request) {
        requireReferrer(organisationId);
        var opened = cases.openFor(organisationId, accountId, request.toOpenCase());
        return recorded(opened.caseId(), opened.reference(), organisationId, accountId, request);
    }

    private ReferralReceipt recorded(
            org.opennrm.cases.CaseId caseId,
            String reference,
            UUID organisationId,
            UUID accountId,
            ReferralRequest request) {
        var referral = new Referral(
                UUID.randomUUID(),
                caseId,
                reference,
                organisationId,
                accountId,
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                request.screeningId());
        referrals.insert(referral);
        audit.record(AuditAction.CREATE, "referral", referral.id(), "case=" + caseId);
        return new ReferralReceipt(referral.id(), caseId, reference);
    }

    /** The current actor's organisation's referrals with their status, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyAuthority('referrals:read:organisation','referrals:read:all')")
    public List<MyReferral> mine() {
        var organisationId = actor().organisationId();
        var progress = cases.progressOfCasesReferredBy(organisationId);
        return referrals.from(organisationId).stream()
                .map(referral -> {
                    CaseProgress referred = progress.get(referral.caseId());
                    if (referred == null) {
                        return new MyReferral(
                                referral.id(),
                                referral.caseReference(),
                                referral.referredAt(),
                                ReferralStatus.SENT,
                                null,
                                null);
                    }
                    return new MyReferral(
                            referral.id(),
                            referral.caseReference(),
                            referral.referredAt(),
                            ReferralStatus.of(referred),
                            referred.decisionOutcome(),
                            referred.decidedOn());
                })
                .toList();
    }

    /** How many referrals the current actor's organisation sent per month, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyAuthority('referrals:read:organisation','referrals:read:all')")
    public List<MonthlyCount> monthlyCounts() {
        return referrals.monthlyCounts(actor().organisationId());
    }

    private void requireReferrer(UUID organisationId) {
        var organisation = organisationId == null
                ? null
                : organisations.find(organisationId).orElse(null);
        if (organisation == null
                || organisation.status() != OrganisationStatus.ACTIVE
                || !organisation.nrmRoles().contains(NrmRole.REFERRER)) {
            throw new ReferralRefused();
        }
    }

    private static Actor actor() {
        return Actor.current().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    /** A referral from an organisation that is not an active referrer of the NRM. */
    public static class ReferralRefused extends RuleViolation {

        ReferralRefused() {
            super(
                    "referral.refused.notReferrer",
                    "Only an active organisation with the referrer role can refer into the NRM.");
        }
    }
}
