package org.opennrm.statistics;

import java.time.Clock;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Set;
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
        statistics.record(new Fact(
                EventKind.REFERRAL,
                YearMonth.from(opened.referredOn()),
                origin.region(),
                origin.sector(),
                Codes.code(opened.gender()),
                Codes.ageBand(opened.ageGroup()),
                child(opened.ageCategory()),
                Codes.citizenship(opened.citizenships()),
                Codes.codes(opened.exploitationForms()),
                null,
                null,
                null,
                Codes.codes(opened.methodsOfControl()),
                Codes.sections(opened.sectors()),
                Codes.code(opened.recruiterRelationship()),
                Codes.countries(opened.exploitationCountries()),
                null,
                null,
                null,
                opened.statisticsConsent()));
    }

    @ApplicationModuleListener
    void on(AnonymousNotificationReceived notification) {
        statistics.record(new Fact(
                EventKind.ANONYMOUS_NOTIFICATION,
                YearMonth.from(notification.notifiedOn()),
                regions.known(notification.region()),
                null,
                Codes.code(notification.gender()),
                Codes.ageBand(notification.ageGroup()),
                notification.ageGroup() == null ? null : notification.ageGroup().child(),
                Codes.country(notification.nationality()),
                Codes.codes(notification.exploitationForms()),
                null,
                null,
                null));
    }

    @ApplicationModuleListener
    void on(IdentificationDecided decided) {
        Integer days = decided.referredOn() == null
                ? null
                : (int) ChronoUnit.DAYS.between(decided.referredOn(), decided.decidedOn());
        statistics.record(new Fact(
                EventKind.IDENTIFICATION_DECISION,
                YearMonth.from(decided.decidedOn()),
                null,
                null,
                null,
                null,
                child(decided.ageCategory()),
                null,
                Set.of(),
                decided.outcome().name(),
                days == null || days < 0 ? null : days,
                null));
    }

    @ApplicationModuleListener
    void on(CaseClosed closed) {
        statistics.record(new Fact(
                EventKind.CLOSURE,
                YearMonth.from(closed.closedAt().atZone(clock.getZone())),
                null,
                null,
                null,
                null,
                null,
                null,
                Set.of(),
                null,
                null,
                null,
                Set.of(),
                Set.of(),
                null,
                Set.of(),
                null,
                closed.reason().name(),
                null));
    }

    /* the children's procedure applies to a person whose age is in doubt, but they are counted as not known */
    private static Boolean child(AgeCategory category) {
        if (category == null || category == AgeCategory.AGE_IN_DOUBT) {
            return null;
        }
        return category == AgeCategory.CHILD;
    }
}
