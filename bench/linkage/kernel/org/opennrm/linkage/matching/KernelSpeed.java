package org.opennrm.linkage.matching;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.opennrm.linkage.encoding.EncodingFiles;
import org.opennrm.linkage.encoding.Encodings;

/**
 * The exact kernel alone, in pairs per CPU second of the whole process, so that kernel changes can be compared
 * on a shared machine where wall time says little: the Java kernel and the native one (when it loads) on the same
 * sorted, bit-ordered sides in the same run, alternately, checking that both find the same pairs. Compiled against linkage/target/classes into the kernel's
 * package (it uses package-private types). Usage: KernelSpeed A B SIZE THREADS ROUNDS
 */
public class KernelSpeed {
    public static void main(String[] args) {
        int n = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        Encodings a = first(EncodingFiles.read(Path.of(args[0])), n);
        Encodings b = first(EncodingFiles.read(Path.of(args[1])), n);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        BitOrder order = BitOrder.forPair(a, b);
        SortedEncodings[] laidOut = {new SortedEncodings(a, order), new SortedEncodings(b, order)};
        System.out.println("native kernel: " + NativeKernel.description());
        long[] reference = null;
        for (int round = 0; round < rounds; round++) {
            for (String variant : new String[] {"java", "native"}) {
                NativeKernel kernel = variant.equals("java") ? null : NativeKernel.instance();
                if (variant.equals("native") && kernel == null) {
                    continue;
                }
                long cpu = os.getProcessCpuTime();
                long wall = System.nanoTime();
                CandidatePairs pairs = new ExactJoin(0.8, threads, kernel).link(laidOut[0], laidOut[1]);
                double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
                double wallSeconds = (System.nanoTime() - wall) / 1e9;
                long[] keys = pairs.sortedKeys();
                if (reference == null) {
                    reference = keys;
                } else if (!Arrays.equals(reference, keys)) {
                    System.out.println("MISMATCH: the kernels found different pairs");
                }
                System.out.printf(Locale.ROOT, "round %d, %-6s kernel: %d pairs >= 0.8, %.0f M pairs per CPU second, %.0f M pairs/s wall%n",
                        round, variant, pairs.size, (double) n * n / cpuSeconds / 1e6, (double) n * n / wallSeconds / 1e6);
            }
        }
    }

    static Encodings first(Encodings encodings, int n) {
        int size = Math.min(n, encodings.size());
        return new Encodings(encodings.ids().subList(0, size), Arrays.copyOf(encodings.words(), size * Encodings.WORDS));
    }
}
