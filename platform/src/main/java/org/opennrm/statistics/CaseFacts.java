package org.opennrm.statistics;

import org.opennrm.cases.AgeCategory;
import org.opennrm.cases.events.AgeAssessed;
import org.opennrm.cases.events.AnonymousNotificationReceived;
import org.opennrm.cases.events.AssistanceStarted;
import org.opennrm.cases.events.CaseClosed;
import org.opennrm.cases.events.CaseOpened;
import org.opennrm.cases.events.CaseReopened;
import org.opennrm.cases.events.ConsentGiven;
import org.opennrm.cases.events.ConsentWithdrawn;
import org.opennrm.cases.events.DecisionReviewed;
import org.opennrm.cases.events.GuardianAppointed;
import org.opennrm.cases.events.IdentificationDecided;
import org.opennrm.cases.events.ProfileChanged;
import org.opennrm.cases.events.RecoveryPeriodGranted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts what happens to cases from the cases module's events: referrals (a case opened) with the person's coded
 * characteristics and trafficking profile, anonymous notifications, identification decisions with the days they
 * took, recovery and reflection periods granted with their length, their reviews, consents given and withdrawn,
 * guardians appointed, age assessments, assistance started, closures with their reason and reopenings, and profiles
 * changed after the referral (the referral's fact takes the new codes). The events name cases by id; no id is kept in
 * a fact (only {@code statistics.referral_case} links a case to its referral's fact, for profile changes).
 */
@Component
class CaseFacts {

    private final NationalStatistics statistics;
    private final Regions regions;

    CaseFacts(NationalStatistics statistics, Regions regions) {
        this.statistics = statistics;
        this.regions = regions;
    }

    @ApplicationModuleListener
    void on(CaseOpened opened) {
        var origin = regions.of(opened.referringOrganisationId());
        statistics.recordReferral(
                opened.caseId().value(),
                opened.referringOrganisationId(),
                Fact.of(EventKind.REFERRAL, opened.referredIn())
                        .origin(origin.region(), origin.sector())
                        .person(
                                Codes.code(opened.gender()),
                                Codes.ageBand(opened.ageGroup()),
                                child(opened.ageCategory()),
                                Codes.citizenship(opened.citizenships()))
                        .exploitationForms(Codes.codes(opened.exploitationForms()))
                        .profile(
                                Codes.codes(opened.methodsOfControl()),
                                Codes.sections(opened.sectors()),
                                Codes.code(opened.recruiterRelationship()),
                                Codes.countries(opened.exploitationCountries()))
                        .vulnerabilities(Codes.codes(opened.vulnerabilities()))
                        .recruitment(
                                Codes.codes(opened.recruitmentMethods()), Codes.codes(opened.recruitmentPlatforms()))
                        .statisticsConsent(opened.statisticsConsent())
                        .build());
    }

    /**
     * A profile changed after the referral: the case's referral fact takes the new codes (its month, region, person and
     * consent stay). A referral recorded before facts followed profiles has nothing to change.
     */
    @ApplicationModuleListener
    void on(ProfileChanged changed) {
        statistics.changeReferralProfile(
                changed.caseId().value(),
                Fact.of(EventKind.REFERRAL, changed.changedIn())
                        .exploitationForms(Codes.codes(changed.exploitationForms()))
                        .profile(
                                Codes.codes(changed.methodsOfControl()),
                                Codes.sections(changed.sectors()),
                                Codes.code(changed.recruiterRelationship()),
                                Codes.countries(changed.exploitationCountries()))
                        .vulnerabilities(Codes.codes(changed.vulnerabilities()))
                        .recruitment(
                                Codes.codes(changed.recruitmentMethods()), Codes.codes(changed.recruitmentPlatforms()))
                        .build());
    }

    @ApplicationModuleListener
    void on(AnonymousNotificationReceived notification) {
        statistics.record(Fact.of(EventKind.ANONYMOUS_NOTIFICATION, notification.notifiedIn())
                .origin(regions.known(notification.region()), null)
                .person(
                        Codes.code(notification.gender()),
                        Codes.ageBand(notification.ageGroup()),
                        notification.ageGroup() == null
                                ? null
                                : notification.ageGroup().child(),
                        Codes.country(notification.nationality()))
                .exploitationForms(Codes.codes(notification.exploitationForms()))
                .build());
    }

    @ApplicationModuleListener
    void on(IdentificationDecided decided) {
        statistics.record(Fact.of(EventKind.IDENTIFICATION_DECISION, decided.decidedIn())
                .child(child(decided.ageCategory()))
                .decision(decided.outcome().name(), decided.daysSinceReferral())
                .build());
    }

    @ApplicationModuleListener
    void on(RecoveryPeriodGranted granted) {
        statistics.record(Fact.of(EventKind.RECOVERY_PERIOD_GRANTED, granted.grantedIn())
                .child(child(granted.ageCategory()))
                .periodBand(Fact.periodBand(granted.days()))
                .build());
    }

    @ApplicationModuleListener
    void on(DecisionReviewed reviewed) {
        statistics.record(Fact.of(EventKind.DECISION_REVIEWED, reviewed.reviewedIn())
                .decision(reviewed.outcome().name(), null)
                .build());
    }

    @ApplicationModuleListener
    void on(ConsentGiven given) {
        statistics.record(Fact.of(EventKind.CONSENT_GIVEN, given.givenIn())
                .consentPurpose(given.purpose().name())
                .build());
    }

    @ApplicationModuleListener
    void on(ConsentWithdrawn withdrawn) {
        statistics.record(Fact.of(EventKind.CONSENT_WITHDRAWN, withdrawn.withdrawnIn())
                .consentPurpose(withdrawn.purpose().name())
                .build());
    }

    @ApplicationModuleListener
    void on(GuardianAppointed appointed) {
        statistics.record(Fact.of(EventKind.GUARDIAN_APPOINTED, appointed.appointedIn())
                .child(true)
                .build());
    }

    @ApplicationModuleListener
    void on(AgeAssessed assessed) {
        statistics.record(Fact.of(EventKind.AGE_ASSESSED, assessed.assessedIn())
                .child(child(assessed.outcome()))
                .build());
    }

    @ApplicationModuleListener
    void on(AssistanceStarted started) {
        statistics.record(
                Fact.of(EventKind.ASSISTANCE_STARTED, started.startedIn()).build());
    }

    @ApplicationModuleListener
    void on(CaseClosed closed) {
        statistics.record(Fact.of(EventKind.CLOSURE, closed.closedIn())
                .closureReason(closed.reason().name())
                .build());
    }

    @ApplicationModuleListener
    void on(CaseReopened reopened) {
        statistics.record(
                Fact.of(EventKind.CASE_REOPENED, reopened.reopenedIn()).build());
    }

    /* the children's procedure applies to a person whose age is in doubt, but they are counted as not known */
    private static Boolean child(AgeCategory category) {
        if (category == null || category == AgeCategory.AGE_IN_DOUBT) {
            return null;
        }
        return category == AgeCategory.CHILD;
    }
}
