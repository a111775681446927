package org.opennrm;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts the changes to some records that have ended, so that what a module keeps in memory from them (a
 * rendered page, a checked session) knows when it is out of date. A module extends it as a component of its
 * own ({@code CaseFileChanges}, {@code AccountChanges}) and its repository reports each write.
 *
 * <p>The count moves when the writing transaction has ended, never before: a reader that sees the old count
 * may already see the new rows (and keeps them under a count that is about to move), but a reader that sees
 * the new count always sees the new rows. A rolled-back change moves it too, which costs one needless read.
 * The count is of this process only: other instances of the platform learn of a change when what they keep
 * expires.
 */
public class ChangeCount {

    private final AtomicLong count = new AtomicLong();
    private volatile Consumer<String> notices;
    private volatile BooleanSupplier hearing;

    /**
     * The count and the moment of a read. Taken before reading, so that a change ending during the read leaves
     * what was read out of date rather than current.
     */
    public record Mark(long count, long nanos) {}

    /** Marks a read about to be made. */
    public Mark mark() {
        return new Mark(count.get(), System.nanoTime());
    }

    /**
     * Whether what was read at {@code mark} is still current: no change has ended here since, and less than
     * {@code timeToLiveNanos} has passed (the limit for changes made by other instances).
     */
    public boolean current(Mark mark, long timeToLiveNanos) {
        return mark.count() == count.get() && System.nanoTime() - mark.nanos() < timeToLiveNanos;
    }

    /** The number of changes that have ended in this process. */
    public long count() {
        return count.get();
    }

    /**
     * Sends each change to the other nodes too (set once by {@link ChangeNotices}); {@code hearing} tells whether this
     * node hears the other nodes' notices now.
     */
    void sendNoticesTo(Consumer<String> notices, BooleanSupplier hearing) {
        this.notices = notices;
        this.hearing = hearing;
    }

    /**
     * Whether this node hears the notices of changes made through the other nodes now (false before the listening
     * connection is open, while it is lost, and where nothing listens at all).
     */
    boolean hearsOtherNodes() {
        var heard = hearing;
        return heard != null && heard.getAsBoolean();
    }

    /** A change made through another node has been committed (or one whose notice may have been missed). */
    void changedElsewhere() {
        count.incrementAndGet();
    }

    /**
     * A change to one record, named by {@code detail} as {@link #notice(String)} sent it, has been committed through
     * another node. Unless a count keeps things by record, it is a change like any other.
     */
    void changedElsewhere(String detail) {
        changedElsewhere();
    }

    /**
     * Sends the other nodes a notice of a change to one record, named by {@code detail} (never an identity or a
     * secret: notices can be read by whoever may listen on the database), within the current transaction. Nothing
     * is counted here: the caller counts its own change.
     */
    void notice(String detail) {
        var send = notices;
        if (send != null) {
            send.accept(ChangeNotices.topic(this) + " " + detail);
        }
    }

    /**
     * Called by a write; counted when its transaction ends (at once outside a transaction), and noticed by the
     * other nodes when its transaction commits.
     */
    public void changed() {
        var send = notices;
        if (send != null) {
            send.accept(ChangeNotices.topic(this));
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    count.incrementAndGet();
                }
            });
        } else {
            count.incrementAndGet();
        }
    }
}
