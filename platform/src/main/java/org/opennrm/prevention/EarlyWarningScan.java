package org.opennrm.prevention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.RuleViolation;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The early warning of the national response: the watched trend series (referrals in total and by form, sector,
 * region, citizenship, sex, age group and referring sector; decisions by outcome; services by type) scanned for
 * sudden shifts in their recent quarters, the flags kept for the co-ordinator's home page until someone reviews them
 * with a comment. Reviews are audited.
 */
@Service
class EarlyWarningScan {

    /** What is watched: event and breakdown (null for the total). */
    record Watched(String event, String breakdown) {}

    static final List<Watched> WATCHED = List.of(
            new Watched("referral", null),
            new Watched("referral", "exploitation-form"),
            new Watched("referral", "sector"),
            new Watched("referral", "region"),
            new Watched("referral", "citizenship"),
            new Watched("referral", "sex"),
            new Watched("referral", "age-group"),
            new Watched("referral", "referring-sector"),
            new Watched("identification-decision", "decision-outcome"),
            new Watched("service-delivered", "service"));

    /** Flags older than this many quarters are history, not warnings: the scan keeps only recent ones. */
    static final int RECENT_QUARTERS = 4;

    static final int MAX_COMMENT = 2000;

    private final Trends trends;
    private final ChangeFlags flags;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration interval;

    EarlyWarningScan(
            Trends trends,
            ChangeFlags flags,
            AuditTrail audit,
            Clock clock,
            @Value("${opennrm.prevention.scan-interval:P1D}") Duration interval) {
        this.trends = trends;
        this.flags = flags;
        this.audit = audit;
        this.clock = clock;
        this.interval = interval;
    }

    /** Scans every watched series over the last ten years of complete quarters; returns how many flags it kept. */
    @Transactional
    @PreAuthorize(PreventionAccess.READ)
    int scan() {
        Period last = trends.lastCompleteQuarter();
        Period first = trends.defaultStart();
        int recentFrom = last.index() - RECENT_QUARTERS + 1;
        Instant now = clock.instant();
        int kept = 0;
        for (Watched watched : WATCHED) {
            Trend trend = trends.trend(watched.event(), watched.breakdown(), first.toString(), last.toString());
            for (Trend.Flagged flagged : trend.flags()) {
                if (Period.parse(flagged.flag().period()).index() >= recentFrom) {
                    flags.keep(watched.event(), watched.breakdown(), flagged.category(), flagged.flag(), now);
                    kept++;
                }
            }
        }
        flags.scanned(now);
        return kept;
    }

    /** Scans when the last scan is older than the interval (a day by default), as the home panel asks. */
    @Transactional
    @PreAuthorize(PreventionAccess.READ)
    void scanIfDue() {
        var last = flags.lastScan();
        if (last.isEmpty() || last.get().plus(interval).isBefore(clock.instant())) {
            scan();
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize(PreventionAccess.READ)
    List<StoredFlag> open() {
        return flags.open();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(PreventionAccess.READ)
    List<StoredFlag> all() {
        return flags.all();
    }

    /**
     * Marks a flag reviewed with what the reviewer found (a known cause, a recording change, a matter to follow up).
     * The comment is about a statistic, never about a person.
     */
    @Transactional
    @PreAuthorize("hasAuthority('statistics:read:all')")
    void review(UUID id, String comment) {
        String text = comment == null ? "" : comment.strip();
        if (text.isEmpty()) {
            throw new RuleViolation(
                    "prevention.problem.reviewEmpty",
                    "Write what you found: a known cause, a change in recording, or what will be done.");
        }
        if (text.length() > MAX_COMMENT) {
            throw new RuleViolation(
                    "prevention.problem.reviewTooLong",
                    "The comment is longer than " + MAX_COMMENT + " characters.",
                    MAX_COMMENT);
        }
        flags.find(id).orElseThrow(() -> new RecordNotFound("change flag", id));
        UUID by = Actor.current().map(Actor::accountId).orElseThrow();
        if (!flags.review(id, by, clock.instant(), text)) {
            throw new RuleViolation("prevention.problem.reviewedAlready", "This flag was already reviewed.");
        }
        audit.record(AuditAction.UPDATE, "change_flag", id, "reviewed");
    }
}
