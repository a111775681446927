package org.opennrm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The platform's clock: the system's UTC time, except on a thread that seeds a demonstration, which may see the
 * time of a past day ({@link #at}) so that invented cases are referred, decided and closed over past quarters as
 * they would have been (references of their year, deadlines of their day, facts in their month). Every other
 * thread, and every thread in an installation that seeds nothing, sees the system time: the shift is held per
 * thread and only for the work passed to {@link #at}.
 */
public final class SeedingClock extends Clock {

    private static final ThreadLocal<Duration> BACK = new ThreadLocal<>();

    private final Clock system;

    SeedingClock(Clock system) {
        this.system = system;
    }

    /** Runs {@code work} on this thread as if it were {@code moment} (a past instant). */
    public static <T> T at(Instant moment, Supplier<T> work) {
        var previous = BACK.get();
        BACK.set(Duration.between(moment, Instant.now()));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                BACK.remove();
            } else {
                BACK.set(previous);
            }
        }
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SeedingClock(system.withZone(zone));
    }

    @Override
    public Instant instant() {
        var back = BACK.get();
        return back == null ? system.instant() : system.instant().minus(back);
    }
}
