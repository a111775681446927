package org.opennrm.statistics;

import java.time.YearMonth;
import java.util.UUID;
import org.opennrm.referrals.events.CaseTransferred;
import org.opennrm.referrals.events.ServiceReferralAccepted;
import org.opennrm.referrals.events.ServiceReferralCompleted;
import org.opennrm.referrals.events.ServiceReferralDeclined;
import org.opennrm.referrals.events.ServiceReferralSent;
import org.opennrm.referrals.events.ServiceReferralWithdrawn;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts each move of a referral to services and each transfer of a case from the referrals module's events, by
 * the sector of the organisation that received it (and, for a referral sent without consent, the override ground),
 * in the month it happened. No case, referral or organisation id is kept.
 */
@Component
class ReferralFacts {

    private final NationalStatistics statistics;
    private final Regions regions;

    ReferralFacts(NationalStatistics statistics, Regions regions) {
        this.statistics = statistics;
        this.regions = regions;
    }

    @ApplicationModuleListener
    void on(ServiceReferralSent sent) {
        var receiver = regions.of(sent.receiverOrganisationId());
        statistics.record(Fact.of(EventKind.SERVICE_REFERRAL_SENT, sent.sentIn())
                .receivedBy(receiver.sector(), Codes.name(sent.overrideGround()))
                .build());
    }

    @ApplicationModuleListener
    void on(ServiceReferralAccepted accepted) {
        record(EventKind.SERVICE_REFERRAL_ACCEPTED, accepted.acceptedIn(), accepted.receiverOrganisationId());
    }

    @ApplicationModuleListener
    void on(ServiceReferralDeclined declined) {
        record(EventKind.SERVICE_REFERRAL_DECLINED, declined.declinedIn(), declined.receiverOrganisationId());
    }

    @ApplicationModuleListener
    void on(ServiceReferralWithdrawn withdrawn) {
        record(EventKind.SERVICE_REFERRAL_WITHDRAWN, withdrawn.withdrawnIn(), withdrawn.receiverOrganisationId());
    }

    @ApplicationModuleListener
    void on(ServiceReferralCompleted completed) {
        record(EventKind.SERVICE_REFERRAL_COMPLETED, completed.completedIn(), completed.receiverOrganisationId());
    }

    @ApplicationModuleListener
    void on(CaseTransferred transferred) {
        record(EventKind.CASE_TRANSFERRED, transferred.transferredIn(), transferred.toOrganisationId());
    }

    private void record(EventKind kind, YearMonth month, UUID receiverOrganisationId) {
        statistics.record(Fact.of(kind, month)
                .receivedBy(regions.of(receiverOrganisationId).sector(), null)
                .build());
    }
}
