package org.opennrm.linkage.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opennrm.linkage.encoding.EncodingFiles;
import org.opennrm.linkage.encoding.Encodings;
import org.opennrm.linkage.encoding.InputRejected;

/**
 * One side of a linkage: one or more encoding files in the anonlink format ({@code NAME.clk}, {@code NAME.ids}),
 * taken as one list in the order given. Opening checks every file as the library's reader does (whole 128-byte
 * records, one id per record), so a bad file is refused before any task starts.
 */
public final class EncodingSet {

    private final List<Path> names;
    private final int[] counts;
    private final int size;

    private EncodingSet(List<Path> names, int[] counts) {
        this.names = List.copyOf(names);
        this.counts = counts;
        long total = 0;
        for (int count : counts) {
            total += count;
        }
        if (total > Integer.MAX_VALUE) {
            throw new InputRejected("more than " + Integer.MAX_VALUE + " encodings on one side");
        }
        this.size = (int) total;
    }

    /** Checks and opens the files {@code NAME.clk}/{@code NAME.ids} of each name. */
    public static EncodingSet open(List<Path> names) {
        if (names.isEmpty()) {
            throw new InputRejected("no encoding files given");
        }
        int[] counts = new int[names.size()];
        for (int f = 0; f < names.size(); f++) {
            Path name = names.get(f);
            Path clk = EncodingFiles.clkFile(name);
            Path ids = EncodingFiles.idsFile(name);
            long bytes;
            long lines;
            try (var idLines = Files.lines(ids, StandardCharsets.UTF_8)) {
                bytes = Files.size(clk);
                lines = idLines.count();
            } catch (NoSuchFileException e) {
                throw new InputRejected("encoding file not found: " + e.getFile());
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new InputRejected("cannot read encodings " + name + ": " + e.getMessage(), e);
            }
            if (bytes % Encodings.BYTES != 0) {
                throw new InputRejected(clk + " has " + bytes + " bytes, which is not a multiple of " + Encodings.BYTES
                        + " (1024-bit encodings); the file is truncated or not a .clk file");
            }
            long count = bytes / Encodings.BYTES;
            if (lines != count) {
                throw new InputRejected(clk + " holds " + count + " encodings but " + ids + " holds " + lines
                        + " ids; the two files must come from the same encode run");
            }
            counts[f] = Math.toIntExact(count);
        }
        return new EncodingSet(names, counts);
    }

    public int size() {
        return size;
    }

    public int files() {
        return names.size();
    }

    /**
     * Every file cut into runs of at most {@code partitionSize} records; a chunk never spans two files, so a side
     * given as many files is partitioned at least by file.
     */
    public List<Chunk> chunks(int partitionSize) {
        if (partitionSize < 1) {
            throw new IllegalArgumentException("partition size must be at least 1");
        }
        List<Chunk> chunks = new ArrayList<>();
        int offset = 0;
        for (int f = 0; f < names.size(); f++) {
            String clk = EncodingFiles.clkFile(names.get(f)).toAbsolutePath().toString();
            for (int first = 0; first < counts[f]; first += partitionSize) {
                int count = Math.min(partitionSize, counts[f] - first);
                chunks.add(new Chunk(clk, first, count, offset + first));
            }
            offset += counts[f];
        }
        return chunks;
    }

    /** All encodings of the side, bits only (see {@link Chunk#read}), for broadcasting. */
    public long[] words() {
        long[] words = new long[size * Encodings.WORDS];
        for (Chunk chunk : chunks(Integer.MAX_VALUE)) {
            long[] part = chunk.read().words();
            System.arraycopy(part, 0, words, chunk.offset() * Encodings.WORDS, part.length);
        }
        return words;
    }

    /** The record ids of the side, in order: read on the driver only, to write the result. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(size);
        for (int f = 0; f < names.size(); f++) {
            Path file = EncodingFiles.idsFile(names.get(f));
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InputRejected("cannot read " + file + ": " + e.getMessage(), e);
            }
            if (lines.size() != counts[f]) {
                throw new InputRejected(file + " changed while the job ran");
            }
            ids.addAll(lines);
        }
        return ids;
    }
}
