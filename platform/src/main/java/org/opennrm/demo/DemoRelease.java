package org.opennrm.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opennrm.access.AccountManagement;
import org.opennrm.access.Actor;
import org.opennrm.access.Role;
import org.opennrm.statistics.publishing.ReturnReleases;
import org.opennrm.statistics.publishing.ReturnReleases.ReleaseTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One published release in the demo, so that the statistics pages, the ledger and the joint disclosure check of the
 * next release have something published to stand on: referrals by quarter and sex, and by quarter and age group, over
 * the eight quarters the synthetic cases span, assembled by one statistician and approved by the second, through the
 * same disclosure control, joint check and audit as any release. Made once, after the synthetic cases, when the
 * installation has two statisticians and nothing has been released yet.
 */
@Component
class DemoRelease {

    private static final Logger log = LoggerFactory.getLogger(DemoRelease.class);
    static final String TITLE = "Referrals by quarter, sex and age group (demo release)";

    private final ReturnReleases releases;
    private final AccountManagement accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoRelease(ReturnReleases releases, AccountManagement accounts, JdbcClient jdbc, Clock clock) {
        this.releases = releases;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Publishes the demo release; nothing when a release exists or fewer than two statisticians do. */
    void publish() {
        var statisticians = accounts.all().stream()
                .filter(account -> account.enabled() && account.roles().contains(Role.STATISTICIAN))
                .map(DemoActors::actorOf)
                .toList();
        if (statisticians.size() < 2 || releases.any()) {
            log.info(
                    "Demo release: not made ({} statisticians; releases exist: {})",
                    statisticians.size(),
                    releases.any());
            return;
        }
        try {
            publish(statisticians);
        } catch (RuntimeException refused) {
            // a demo without its release still starts: the statistics pages then show no published release
            log.warn("Demo release not published: {}", refused.getMessage());
        }
    }

    private void publish(List<Actor> statisticians) {
        // the facts come from the cases' events after their commits: wait until the statistics module has them all
        awaitEventsDelivered();
        var today = LocalDate.now(clock);
        var lastQuarter = today.withDayOfMonth(1).minusMonths((today.getMonthValue() - 1) % 3 + 1);
        var firstQuarter = lastQuarter.minusMonths(21);
        String from = quarter(firstQuarter);
        String to = quarter(lastQuarter);
        UUID id = DemoActors.as(statisticians.get(0), () -> releases.assemble(
                        TITLE,
                        List.of(
                                new ReleaseTable("quarter", "sex", null, from, to),
                                new ReleaseTable("quarter", "age-group", null, from, to)))
                .id());
        DemoActors.as(statisticians.get(1), () -> releases.approve(id));
        log.info("Demo release published: {} to {}", from, to);
    }

    private void awaitEventsDelivered() {
        for (int i = 0; i < 600; i++) {
            long waiting = jdbc.sql("select count(*) from event_publication where completion_date is null")
                    .query(Long.class)
                    .single();
            if (waiting == 0) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String quarter(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }
}
