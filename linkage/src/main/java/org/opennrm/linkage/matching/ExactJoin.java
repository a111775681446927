package org.opennrm.linkage.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds every pair with Dice similarity at or above the threshold, exactly the pairs an all-pairs loop finds,
 * but without comparing most of them in full:
 *
 * <ul>
 *   <li>both sides are sorted by popcount, so the length filter is a window of B for each record of A, and
 *       their bits are laid out in {@link BitOrder}, the bits that best tell records apart first;
 *   <li>a block of A records runs against a tile of B that stays in the core's cache;
 *   <li>after 4 and after 6 of the 16 words, the intersection so far plus the smaller of the two unseen parts'
 *       popcounts bounds the final intersection; most non-matching pairs fall short of the needed intersection
 *       there and are dropped (an upper bound, so no qualifying pair is ever dropped);
 *   <li>blocks of A are shared out between all cores.
 * </ul>
 */
final class ExactJoin {

    private static final int A_BLOCK = 32;
    private static final int B_TILE = 512;

    private final int[] need;
    private final int threads;
    private final NativeKernel kernel;

    /** With the native kernel when it is available, see {@link NativeKernel}. */
    ExactJoin(double threshold, int threads) {
        this(threshold, threads, NativeKernel.instance());
    }

    /** With the given native kernel, or the Java kernel when {@code kernel} is null. */
    ExactJoin(double threshold, int threads, NativeKernel kernel) {
        Dice.checkThreshold(threshold);
        this.need = Dice.neededIntersections(threshold);
        this.threads = threads;
        this.kernel = kernel;
    }

    /** All pairs (a, b) of the two sets at or above the threshold, as file indices. */
    CandidatePairs link(SortedEncodings a, SortedEncodings b) {
        return run(a, b, false);
    }

    /** All pairs i < j (file order not implied) of one set at or above the threshold. */
    CandidatePairs selfJoin(SortedEncodings a) {
        return run(a, a, true);
    }

    private CandidatePairs run(SortedEncodings a, SortedEncodings b, boolean self) {
        int[] low = new int[org.opennrm.linkage.encoding.Encodings.BITS + 1];
        int[] high = new int[low.length];
        for (int p = 0; p < low.length; p++) {
            int min = Integer.MAX_VALUE;
            int max = -1;
            for (int q = 0; q < low.length; q++) {
                if (need[p + q] <= Math.min(p, q)) {
                    min = Math.min(min, q);
                    max = q;
                }
            }
            low[p] = max < 0 ? 0 : b.first[min];
            high[p] = max < 0 ? 0 : b.first[max + 1];
        }
        long[] bGroups = kernel == null ? null : NativeKernel.groups(b);
        int blocks = (a.size + A_BLOCK - 1) / A_BLOCK;
        AtomicInteger nextBlock = new AtomicInteger();
        List<CandidatePairs> results = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < Math.max(1, threads); t++) {
            CandidatePairs found = new CandidatePairs();
            results.add(found);
            workers.add(Thread.ofPlatform().start(() -> {
                NativeKernel.Buffers buffers = kernel == null ? null : new NativeKernel.Buffers(B_TILE);
                for (int block = nextBlock.getAndIncrement(); block < blocks; block = nextBlock.getAndIncrement()) {
                    if (kernel == null) {
                        joinBlock(a, b, self, block, low, high, found);
                    } else {
                        int from = block * A_BLOCK;
                        int to = Math.min(a.size, from + A_BLOCK);
                        kernel.joinBlock(a, b, bGroups, need, low, high, from, to, self, B_TILE, buffers, found);
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while linking", e);
            }
        }
        CandidatePairs all = new CandidatePairs();
        results.forEach(all::addAll);
        return all;
    }

    private void joinBlock(
            SortedEncodings a,
            SortedEncodings b,
            boolean self,
            int block,
            int[] low,
            int[] high,
            CandidatePairs found) {
        int from = block * A_BLOCK;
        int to = Math.min(a.size, from + A_BLOCK);
        int windowStart = low[a.popcount[from]];
        int windowEnd = high[a.popcount[to - 1]];
        if (self) {
            windowStart = Math.max(windowStart, from + 1);
        }
        long[] aw = a.words;
        long[] bw = b.words;
        int[] bMeta = b.meta;
        for (int tileStart = windowStart; tileStart < windowEnd; tileStart += B_TILE) {
            int tileEnd = Math.min(windowEnd, tileStart + B_TILE);
            for (int i = from; i < to; i++) {
                int pa = a.popcount[i];
                int aRest4 = a.meta[i * SortedEncodings.META + 1];
                int aRest6 = a.meta[i * SortedEncodings.META + 2];
                int start = Math.max(tileStart, low[pa]);
                if (self) {
                    start = Math.max(start, i + 1);
                }
                int end = Math.min(tileEnd, high[pa]);
                int ao = i * SortedEncodings.W;
                long a0 = aw[ao], a1 = aw[ao + 1], a2 = aw[ao + 2], a3 = aw[ao + 3];
                for (int j = start; j < end; j++) {
                    int bo = j * SortedEncodings.W;
                    int mo = j * SortedEncodings.META;
                    int common = Long.bitCount(a0 & bw[bo])
                            + Long.bitCount(a1 & bw[bo + 1])
                            + Long.bitCount(a2 & bw[bo + 2])
                            + Long.bitCount(a3 & bw[bo + 3]);
                    int sum = pa + bMeta[mo];
                    int needed = need[sum];
                    // Checked after 4 and 6 words, with the bits in BitOrder: on generated lists 89% of pairs stop
                    // at the first check and all but 0.2% at the second. On the shared benchmark machine this was
                    // within measurement noise of checks after 6 and 8 words in file order (bench/README-linkage.md).
                    if (common + Math.min(aRest4, bMeta[mo + 1]) < needed) {
                        continue;
                    }
                    common += Long.bitCount(aw[ao + 4] & bw[bo + 4]) + Long.bitCount(aw[ao + 5] & bw[bo + 5]);
                    if (common + Math.min(aRest6, bMeta[mo + 2]) < needed) {
                        continue;
                    }
                    common += Long.bitCount(aw[ao + 6] & bw[bo + 6])
                            + Long.bitCount(aw[ao + 7] & bw[bo + 7])
                            + Long.bitCount(aw[ao + 8] & bw[bo + 8])
                            + Long.bitCount(aw[ao + 9] & bw[bo + 9])
                            + Long.bitCount(aw[ao + 10] & bw[bo + 10])
                            + Long.bitCount(aw[ao + 11] & bw[bo + 11])
                            + Long.bitCount(aw[ao + 12] & bw[bo + 12])
                            + Long.bitCount(aw[ao + 13] & bw[bo + 13])
                            + Long.bitCount(aw[ao + 14] & bw[bo + 14])
                            + Long.bitCount(aw[ao + 15] & bw[bo + 15]);
                    if (common >= needed) {
                        found.add(a.original[i], b.original[j], common, sum);
                    }
                }
            }
        }
    }
}
