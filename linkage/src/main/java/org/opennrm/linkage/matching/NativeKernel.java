package org.opennrm.linkage.matching;

import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The exact kernel in C with AVX2 ({@code src/main/c/dice.c}), called through the FFM API on the Java arrays
 * themselves (critical downcalls, no copies). The library is built by the Maven build into the jar for Linux on
 * x86-64; {@link #instance()} is null when it is missing, cannot be loaded, the CPU lacks AVX2, or the system
 * property {@code opennrm.linkage.kernel} is {@code java}, and {@link ExactJoin} then runs its Java kernel. Both
 * find exactly the same pairs ({@code NativeKernelTests}).
 */
final class NativeKernel {

    static final String RESOURCE = "/org/opennrm/linkage/matching/linux-x86-64/libopennrm-dice.so";

    /** Longs per group of 4 B records: their first 6 words transposed, then their unseen popcounts after 6. */
    static final int GROUP_LONGS = 28;

    private static final NativeKernel INSTANCE = load();

    private final MethodHandle joinBlock;

    private NativeKernel(MethodHandle joinBlock) {
        this.joinBlock = joinBlock;
    }

    /** The native kernel, or null when the Java kernel must run (see the class comment). */
    static NativeKernel instance() {
        return INSTANCE;
    }

    /** Which kernel {@link ExactJoin} uses, for benchmarks and operators. */
    static String description() {
        return INSTANCE == null ? "java" : "native (AVX2)";
    }

    private static NativeKernel load() {
        String choice = System.getProperty("opennrm.linkage.kernel", "auto");
        if (choice.equals("java")
                || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                || !System.getProperty("os.arch", "").equals("amd64")) {
            return null;
        }
        try (InputStream library = NativeKernel.class.getResourceAsStream(RESOURCE)) {
            if (library == null) {
                return null;
            }
            Path file = Files.createTempFile("opennrm-dice", ".so");
            file.toFile().deleteOnExit();
            Files.copy(library, file, StandardCopyOption.REPLACE_EXISTING);
            Linker linker = Linker.nativeLinker();
            SymbolLookup symbols = SymbolLookup.libraryLookup(file, Arena.global());
            // loaded and mapped: on Linux the file can go at once, so that no copy is left behind by a process
            // that is killed (deleteOnExit runs only when the JVM exits normally)
            Files.deleteIfExists(file);
            MethodHandle available = linker.downcallHandle(
                    symbols.findOrThrow("opennrm_dice_available"), FunctionDescriptor.of(ValueLayout.JAVA_INT));
            if ((int) available.invokeExact() == 0) {
                return null;
            }
            MethodHandle joinBlock = linker.downcallHandle(
                    symbols.findOrThrow("opennrm_dice_join_block"),
                    FunctionDescriptor.of(
                            ValueLayout.JAVA_LONG,
                            ValueLayout.ADDRESS,
                            ValueLayout.ADDRESS,
                            ValueLayout.ADDRESS,
                            ValueLayout.ADDRESS,
                            ValueLayout.ADDRESS,
                            ValueLayout.ADDRESS,
                            ValueLayout.ADDRESS,
                            ValueLayout.ADDRESS,
                            ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT,
                            ValueLayout.ADDRESS,
                            ValueLayout.JAVA_LONG,
                            ValueLayout.ADDRESS),
                    Linker.Option.critical(true));
            return new NativeKernel(joinBlock);
        } catch (Throwable e) {
            // Any failure to load (no library, another libc, a JVM without FFM access) leaves the Java kernel.
            return null;
        }
    }

    /** B's first 6 words transposed in groups of 4 records, with the unseen popcounts after 6 words. */
    static long[] groups(SortedEncodings b) {
        int groups = (b.size + 3) / 4;
        long[] out = new long[groups * GROUP_LONGS];
        for (int j = 0; j < b.size; j++) {
            int base = (j / 4) * GROUP_LONGS;
            int lane = j % 4;
            for (int w = 0; w < SortedEncodings.SECOND_CHECK; w++) {
                out[base + 4 * w + lane] = b.words[j * SortedEncodings.W + w];
            }
            out[base + 4 * SortedEncodings.SECOND_CHECK + lane] = b.meta[j * SortedEncodings.META + 2];
        }
        return out;
    }

    /** Per thread: the output buffer and the survivor list of one A record against one tile. */
    static final class Buffers {
        int[] out = new int[3 * 4096];
        final int[] scratch;

        Buffers(int tile) {
            scratch = new int[tile + 16];
        }
    }

    /**
     * Joins one block of A against its window of B, as {@link ExactJoin} does, adding the pairs (file indices)
     * to {@code found}.
     */
    void joinBlock(
            SortedEncodings a,
            SortedEncodings b,
            long[] bGroups,
            int[] need,
            int[] low,
            int[] high,
            int from,
            int to,
            boolean self,
            int tile,
            Buffers buffers,
            CandidatePairs found) {
        long count = call(a, b, bGroups, need, low, high, from, to, self, tile, buffers);
        if (count > buffers.out.length / 3) {
            buffers.out = new int[Math.toIntExact(3 * count)];
            count = call(a, b, bGroups, need, low, high, from, to, self, tile, buffers);
        }
        int[] out = buffers.out;
        for (int k = 0; k < count; k++) {
            int i = out[3 * k];
            int j = out[3 * k + 1];
            found.add(a.original[i], b.original[j], out[3 * k + 2], a.popcount[i] + b.popcount[j]);
        }
    }

    private long call(
            SortedEncodings a,
            SortedEncodings b,
            long[] bGroups,
            int[] need,
            int[] low,
            int[] high,
            int from,
            int to,
            boolean self,
            int tile,
            Buffers buffers) {
        try {
            return (long) joinBlock.invokeExact(
                    MemorySegment.ofArray(a.words),
                    MemorySegment.ofArray(a.meta),
                    MemorySegment.ofArray(b.words),
                    MemorySegment.ofArray(b.meta),
                    MemorySegment.ofArray(bGroups),
                    MemorySegment.ofArray(need),
                    MemorySegment.ofArray(low),
                    MemorySegment.ofArray(high),
                    from,
                    to,
                    self ? 1 : 0,
                    tile,
                    MemorySegment.ofArray(buffers.out),
                    (long) buffers.out.length / 3,
                    MemorySegment.ofArray(buffers.scratch));
        } catch (Throwable e) {
            throw new IllegalStateException("native kernel failed", e);
        }
    }
}
