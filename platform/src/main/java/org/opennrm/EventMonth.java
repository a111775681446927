package org.opennrm;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The month an event that leaves its module is dated in: events carry months, never exact dates or times, so that
 * what statistics and analytics receive cannot pick out one person's day. The platform's clock is UTC
 * ({@link PlatformConfiguration}), and so is every month a fact is counted in.
 */
public final class EventMonth {

    private EventMonth() {}

    public static YearMonth of(Instant instant) {
        return YearMonth.from(instant.atOffset(ZoneOffset.UTC));
    }
}
