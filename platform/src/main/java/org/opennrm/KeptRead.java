package org.opennrm;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Records read from the database and kept in memory, read again only when a fingerprint of them (a cheap query:
 * a count, a hash of ids and versions) has changed. The fingerprint is checked at most once per check interval,
 * for changes made through other instances of the platform, and at once after a change that ended here (the
 * module's {@link ChangeCount}). For records that change seldom and are read on every page: the organisation
 * registry, the cases with an override.
 *
 * <p>{@link #ifCurrent} and {@link #checked} are apart so that a caller can run the check, and only the check, in a
 * transaction of its own; {@link #get} is both.
 */
public final class KeptRead<T> {

    private final ChangeCount changes;
    private final long checkIntervalNanos;
    private final Supplier<?> fingerprint;
    private final Supplier<T> read;
    private volatile Kept<T> kept;

    private record Kept<T>(Object fingerprint, T value, ChangeCount.Mark checked) {}

    public KeptRead(ChangeCount changes, Duration checkInterval, Supplier<?> fingerprint, Supplier<T> read) {
        this.changes = changes;
        this.checkIntervalNanos = checkInterval.toNanos();
        this.fingerprint = fingerprint;
        this.read = read;
    }

    /** What is kept, checked or not, or null when it must be checked first. */
    public T ifCurrent() {
        var current = kept;
        return current != null && changes.current(current.checked(), checkIntervalNanos) ? current.value() : null;
    }

    /** Reads the fingerprint, and the records again if it has changed since they were read. */
    public T checked() {
        var previous = kept;
        var checked = changes.mark();
        Object now = fingerprint.get();
        // read after the fingerprint: a change in between makes the next check read again
        T value = previous != null && Objects.equals(previous.fingerprint(), now) ? previous.value() : read.get();
        kept = new Kept<>(now, value, checked);
        return value;
    }

    /** What is kept if it is current, else what {@link #checked} gives. */
    public T get() {
        var current = ifCurrent();
        return current != null ? current : checked();
    }
}
