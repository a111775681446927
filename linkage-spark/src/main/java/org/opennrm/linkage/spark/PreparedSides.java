package org.opennrm.linkage.spark;

import java.util.function.Supplier;
import org.opennrm.linkage.matching.PartitionJoin.PreparedSide;

/**
 * The broadcast side as the exact kernel wants it, prepared once per executor JVM and shared by the tasks that
 * run there (at the same time or one after the other), rather than once per task. Keyed by the identity of the
 * broadcast array, which Spark keeps once per JVM: if Spark drops and reloads the broadcast, or another job
 * broadcasts another side, the side is prepared again. Holds one side at a time: a job links one pair of sides.
 */
final class PreparedSides {

    private static long[] source;
    private static PreparedSide side;

    private PreparedSides() {}

    static synchronized PreparedSide get(long[] words, Supplier<PreparedSide> prepare) {
        if (source != words) {
            side = null;
            source = null;
            side = prepare.get();
            source = words;
        }
        return side;
    }

    /** Releases the prepared side in this JVM (the driver's, which is also the executor in local mode). */
    static synchronized void forget() {
        side = null;
        source = null;
    }
}
