package org.opennrm.linkage.encoding;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The anonlink binary format: {@code NAME.clk} holds N encodings of 128 bytes each, {@code NAME.ids} the N
 * record ids, one per line, in the same order. Bits follow clkhash/anonlink (Python {@code bitarray},
 * big-endian within each byte): bit {@code j} of an encoding is bit {@code 7 - j % 8} of byte {@code j / 8},
 * so the same files can be read by both tools.
 */
public final class EncodingFiles {

    private EncodingFiles() {}

    public static Path clkFile(Path name) {
        return name.resolveSibling(name.getFileName() + ".clk");
    }

    public static Path idsFile(Path name) {
        return name.resolveSibling(name.getFileName() + ".ids");
    }

    /** Reads NAME.clk and NAME.ids, refusing files whose sizes do not agree. */
    public static Encodings read(Path name) {
        Path clk = clkFile(name);
        Path idsPath = idsFile(name);
        byte[] bytes;
        List<String> ids;
        try {
            bytes = Files.readAllBytes(clk);
            ids = Files.readAllLines(idsPath, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputRejected("encoding file not found: " + e.getFile());
        } catch (IOException e) {
            throw new InputRejected("cannot read encodings " + name + ": " + e.getMessage(), e);
        }
        if (bytes.length % Encodings.BYTES != 0) {
            throw new InputRejected(clk + " has " + bytes.length + " bytes, which is not a multiple of "
                    + Encodings.BYTES + " (1024-bit encodings); the file is truncated or not a .clk file");
        }
        int count = bytes.length / Encodings.BYTES;
        if (ids.size() != count) {
            throw new InputRejected(clk + " holds " + count + " encodings but " + idsPath + " holds " + ids.size()
                    + " ids; the two files must come from the same encode run");
        }
        long[] words = new long[count * Encodings.WORDS];
        ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asLongBuffer().get(words);
        return new Encodings(ids, words);
    }

    /** Writes NAME.clk and NAME.ids, each first to a temporary file beside it and then moved into place. */
    public static void write(Path name, Encodings encodings) {
        for (String id : encodings.ids()) {
            if (id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
                throw new InputRejected("a record id contains a line break, which the .ids format cannot hold");
            }
        }
        ByteBuffer buffer = ByteBuffer.allocate(encodings.words().length * 8).order(ByteOrder.BIG_ENDIAN);
        buffer.asLongBuffer().put(encodings.words());
        byte[] bytes = buffer.array();
        Path clkTemp = null;
        Path idsTemp = null;
        try {
            clkTemp = temporaryBeside(clkFile(name));
            try (OutputStream out = Files.newOutputStream(clkTemp)) {
                out.write(bytes);
            }
            idsTemp = temporaryBeside(idsFile(name));
            try (BufferedWriter out = Files.newBufferedWriter(idsTemp, StandardCharsets.UTF_8)) {
                for (String id : encodings.ids()) {
                    out.write(id);
                    out.write('\n');
                }
            }
            moveIntoPlace(clkTemp, clkFile(name));
            moveIntoPlace(idsTemp, idsFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write encodings " + name, e);
        } finally {
            deleteQuietly(clkTemp);
            deleteQuietly(idsTemp);
        }
    }

    /**
     * {@code NAME.clk} and {@code NAME.ids} written piece by piece: records go to temporary files beside the
     * targets, which {@link #commit()} moves into place; closing without a commit deletes them, so a failed run
     * leaves nothing behind and a reader never sees half a file.
     */
    public static final class Output implements AutoCloseable {

        private final Path name;
        private final Path clkTemp;
        private final Path idsTemp;
        private final OutputStream clk;
        private final BufferedWriter ids;
        private boolean committed;

        private Output(Path name, Path clkTemp, Path idsTemp) throws IOException {
            this.name = name;
            this.clkTemp = clkTemp;
            this.idsTemp = idsTemp;
            this.clk = new java.io.BufferedOutputStream(Files.newOutputStream(clkTemp), 1 << 16);
            this.ids = Files.newBufferedWriter(idsTemp, StandardCharsets.UTF_8);
        }

        public static Output open(Path name) throws IOException {
            Path clkTemp = temporaryBeside(clkFile(name));
            try {
                return new Output(name, clkTemp, temporaryBeside(idsFile(name)));
            } catch (IOException | RuntimeException e) {
                deleteQuietly(clkTemp);
                throw e;
            }
        }

        /** Appends records: {@code words} holds 16 words per id, in the order of {@code recordIds}. */
        public void append(String[] recordIds, long[] words) throws IOException {
            if (words.length != recordIds.length * Encodings.WORDS) {
                throw new IllegalArgumentException(
                        recordIds.length + " ids but " + words.length / Encodings.WORDS + " encodings");
            }
            for (String id : recordIds) {
                if (id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
                    throw new InputRejected("a record id contains a line break, which the .ids format cannot hold");
                }
                ids.write(id);
                ids.write('\n');
            }
            ByteBuffer buffer = ByteBuffer.allocate(words.length * 8).order(ByteOrder.BIG_ENDIAN);
            buffer.asLongBuffer().put(words);
            clk.write(buffer.array());
        }

        /** The ids appended so far, read back from the temporary file in order. */
        public Iterable<String> writtenIds() throws IOException {
            ids.flush();
            return Files.readAllLines(idsTemp, StandardCharsets.UTF_8);
        }

        /** Moves both files into place. */
        public void commit() throws IOException {
            clk.close();
            ids.close();
            moveIntoPlace(clkTemp, clkFile(name));
            moveIntoPlace(idsTemp, idsFile(name));
            committed = true;
        }

        @Override
        public void close() throws IOException {
            try {
                clk.close();
                ids.close();
            } finally {
                if (!committed) {
                    deleteQuietly(clkTemp);
                    deleteQuietly(idsTemp);
                }
            }
        }
    }

    /** Something that writes a whole text file. */
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Writes a text file through a temporary file in the same directory and an atomic move, so a reader never
     * sees half a file and a failed run leaves nothing behind.
     */
    public static void writeAtomically(Path target, Content content) {
        Path temp = null;
        try {
            temp = temporaryBeside(target);
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
            moveIntoPlace(temp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static Path temporaryBeside(Path target) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            throw new InputRejected("output directory does not exist: " + directory);
        }
        return Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Best effort: a leftover hidden temporary file is harmless, a masked original error is not.
            }
        }
    }
}
