package org.opennrm.statistics;

import java.time.Clock;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import org.opennrm.cases.AgeCategory;
import org.opennrm.cases.AnonymousNotificationReceived;
import org.opennrm.cases.CaseClosed;
import org.opennrm.cases.CaseOpened;
import org.opennrm.cases.IdentificationDecided;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts what happens to cases from the cases module's events: referrals (a case opened) with the person's
 * coded characteristics and trafficking profile, anonymous notifications, identification decisions with the
 * days they took, and closures with their reason. The events name cases by id; no id is kept, and the month
 * stands for every date.
 */
@Component
class CaseFacts {

    private final NationalStatistics statistics;
    private final Regions regions;
    private final Clock clock;

    CaseFacts(NationalStatistics statistics, Regions regions, Clock clock) {
        this.statistics = statistics;
        this.regions = regions;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CaseOpened opened) {
        var origin = regions.of(opened.referringOrganisationId());
        statistics.record(Fact.of(EventKind.REFERRAL, YearMonth.from(opened.referredOn()))
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
                .statisticsConsent(opened.statisticsConsent())
                .build());
    }

    @ApplicationModuleListener
    void on(AnonymousNotificationReceived notification) {
        statistics.record(Fact.of(EventKind.ANONYMOUS_NOTIFICATION, YearMonth.from(notification.notifiedOn()))
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
        Integer days = decided.referredOn() == null
                ? null
                : (int) ChronoUnit.DAYS.between(decided.referredOn(), decided.decidedOn());
        statistics.record(Fact.of(EventKind.IDENTIFICATION_DECISION, YearMonth.from(decided.decidedOn()))
                .child(child(decided.ageCategory()))
                .decision(decided.outcome().name(), days == null || days < 0 ? null : days)
                .build());
    }

    @ApplicationModuleListener
    void on(CaseClosed closed) {
        statistics.record(
                Fact.of(EventKind.CLOSURE, YearMonth.from(closed.closedAt().atZone(clock.getZone())))
                        .closureReason(closed.reason().name())
                        .build());
    }

    /* the children's procedure applies to a person whose age is in doubt, but they are counted as not known */
    private static Boolean child(AgeCategory category) {
        if (category == null || category == AgeCategory.AGE_IN_DOUBT) {
            return null;
        }
        return category == AgeCategory.CHILD;
    }
}
