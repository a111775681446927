package org.opennrm.linkage.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.opennrm.linkage.encoding.Encodings;
import org.opennrm.linkage.matching.Match;
import org.opennrm.linkage.matching.Mode;
import org.opennrm.linkage.matching.PartitionJoin;
import org.opennrm.linkage.matching.PartitionJoin.Pairs;

/**
 * Links two sides of partitioned encodings as a Spark job, with the linkage library's kernels and matching:
 *
 * <ul>
 *   <li>{@link Strategy#BROADCAST}: the smaller side is read once on the driver and broadcast; each task joins one
 *       chunk of the larger side with all of it (in exact mode the broadcast side is sorted and laid out for the
 *       kernel once per executor, see {@link PreparedSides});
 *   <li>{@link Strategy#GRID}: each task joins one chunk of A with one chunk of B, both read by the task, so
 *       neither side has to fit in one executor's memory;
 *   <li>the pairs of all tasks are gathered on the driver and matched one-to-one, greedily, as the library does.
 * </ul>
 *
 * In exact mode every pair at or above the threshold is found in exactly one task, so the pairs and the matching
 * equal the library's exact mode on the same records. In blocked mode each task sizes its LSH tables from its own
 * two chunks; pairs are still verified exactly, so they are a subset of the exact pairs.
 */
public final class SparkLinkage {

    /** How the work is cut into tasks. */
    public enum Strategy {
        BROADCAST,
        GRID
    }

    /** What a run does: mode, threshold, how big a chunk is and how chunks meet. */
    public record Plan(double threshold, Mode mode, int partitionSize, Strategy strategy) {

        public Plan {
            if (!(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException("the threshold must be above 0 and at most 1, not " + threshold);
            }
            if (partitionSize < 1) {
                throw new IllegalArgumentException("partition size must be at least 1");
            }
        }
    }

    /** The matching (record indices within each whole side), the number of pairs and tasks, and the times. */
    public record Linked(List<Match> matches, long candidatePairs, int tasks, long searchNanos, long matchNanos) {}

    private final JavaSparkContext spark;

    public SparkLinkage(JavaSparkContext spark) {
        this.spark = spark;
    }

    public Linked link(EncodingSet a, EncodingSet b, Plan plan) {
        long start = System.nanoTime();
        List<Pairs> parts = pairs(a, b, plan);
        long found = System.nanoTime();
        List<Match> matches = PartitionJoin.match(parts, a.size(), b.size());
        long pairs = parts.stream().mapToLong(Pairs::size).sum();
        return new Linked(matches, pairs, parts.size(), found - start, System.nanoTime() - found);
    }

    /** The pairs at or above the threshold, one element per task. */
    public List<Pairs> pairs(EncodingSet a, EncodingSet b, Plan plan) {
        double threshold = plan.threshold();
        Mode mode = plan.mode();
        return switch (plan.strategy()) {
            case GRID -> {
                List<Chunk[]> tasks = new ArrayList<>();
                for (Chunk chunkA : a.chunks(plan.partitionSize())) {
                    for (Chunk chunkB : b.chunks(plan.partitionSize())) {
                        tasks.add(new Chunk[] {chunkA, chunkB});
                    }
                }
                yield spark.parallelize(tasks, Math.max(1, tasks.size()))
                        .map(task -> PartitionJoin.pairs(
                                task[0].read(), task[0].offset(), task[1].read(), task[1].offset(), threshold, mode))
                        .collect();
            }
            case BROADCAST -> {
                boolean broadcastA = a.size() <= b.size();
                EncodingSet small = broadcastA ? a : b;
                EncodingSet large = broadcastA ? b : a;
                int smallSize = small.size();
                Broadcast<long[]> words = spark.broadcast(small.words());
                try {
                    List<Chunk> chunks = large.chunks(plan.partitionSize());
                    yield spark.parallelize(chunks, Math.max(1, chunks.size()))
                            .map(chunk -> {
                                Encodings part = chunk.read();
                                if (mode == Mode.EXACT) {
                                    long[] bits = words.value();
                                    PartitionJoin.PreparedSide whole = PreparedSides.get(
                                            bits,
                                            () -> PartitionJoin.prepare(
                                                    new Encodings(Collections.nCopies(smallSize, ""), bits)));
                                    return PartitionJoin.exactPairs(whole, broadcastA, part, chunk.offset(), threshold);
                                }
                                Encodings whole = new Encodings(Collections.nCopies(smallSize, ""), words.value());
                                return broadcastA
                                        ? PartitionJoin.pairs(whole, 0, part, chunk.offset(), threshold, mode)
                                        : PartitionJoin.pairs(part, chunk.offset(), whole, 0, threshold, mode);
                            })
                            .collect();
                } finally {
                    PreparedSides.forget();
                    words.destroy();
                }
            }
        };
    }
}
