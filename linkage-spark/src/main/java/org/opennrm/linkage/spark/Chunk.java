package org.opennrm.linkage.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import org.opennrm.linkage.encoding.Encodings;

/**
 * A run of consecutive records of one {@code .clk} file: what one Spark task reads. {@code offset} is the
 * index of the chunk's first record within its whole side (all files of the side, in the order given), so
 * that pairs found in different tasks carry indices the driver can match and report.
 *
 * <p>A task reads its chunk with plain Java rather than through a Hadoop {@code FileSystem}: it needs a byte
 * range of a local or shared file, nothing more, and it keeps the job independent of Hadoop's user handling.
 * On a cluster the path must therefore be readable at the same place on every executor (a shared mount).
 */
public record Chunk(String clkFile, int firstRecord, int count, int offset) implements Serializable {

    /**
     * The chunk's encodings, laid out as {@code EncodingFiles.read} lays them out. Ids stay on the driver: the
     * kernels need only the bits, and record ids never travel to the executors.
     */
    public Encodings read() {
        long[] words = new long[count * Encodings.WORDS];
        ByteBuffer bytes = ByteBuffer.allocate(count * Encodings.BYTES);
        try (FileChannel channel = FileChannel.open(Path.of(clkFile), StandardOpenOption.READ)) {
            long position = (long) firstRecord * Encodings.BYTES;
            while (bytes.hasRemaining()) {
                int read = channel.read(bytes, position + bytes.position());
                if (read < 0) {
                    throw new IllegalStateException(clkFile + " is shorter than when the job was planned");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + clkFile, e);
        }
        bytes.flip();
        bytes.order(ByteOrder.BIG_ENDIAN).asLongBuffer().get(words);
        return new Encodings(Collections.nCopies(count, ""), words);
    }
}
