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

    /**
     * {@code NAME.fields}: the field encodings ({@link FieldEncodings}), an OpenNRM format beside the anonlink
     * files. One header line of UTF-8 text ({@code opennrm-fields 1 noise=N check=HEX
     * parts=name:field:KIND,...}), then each record's parts as big-endian 64-bit words, in the order of
     * {@code NAME.ids}.
     */
    public static Path fieldsFile(Path name) {
        return name.resolveSibling(name.getFileName() + ".fields");
    }

    private static final String FIELDS_MAGIC = "opennrm-fields 1";

    static String fieldsHeader(List<FieldEncodings.Part> parts, double noise, String check) {
        StringBuilder header = new StringBuilder(FIELDS_MAGIC);
        header.append(" noise=").append(noise).append(" check=").append(check).append(" parts=");
        for (int p = 0; p < parts.size(); p++) {
            FieldEncodings.Part part = parts.get(p);
            header.append(p == 0 ? "" : ",")
                    .append(part.name())
                    .append(':')
                    .append(part.field())
                    .append(':')
                    .append(part.kind().name());
        }
        return header.append('\n').toString();
    }

    /**
     * Reads {@code NAME.fields} for a list of {@code records} records, or returns null when the list has none (it
     * was encoded before field encodings existed, or without them).
     */
    public static FieldEncodings readFields(Path name, int records) {
        Path file = fieldsFile(name);
        byte[] bytes;
        try {
            if (!Files.exists(file)) {
                return null;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputRejected("cannot read field encodings " + file + ": " + e.getMessage(), e);
        }
        return parseFields(bytes, records, file.toString());
    }

    /**
     * The field encodings in the contents of a {@code NAME.fields} file (read from disk, or uploaded to the
     * platform) for a list of {@code records} records; {@code source} names the file in messages.
     *
     * @throws InputRejected when the contents are not a field encodings file or do not fit {@code records}
     */
    public static FieldEncodings parseFields(byte[] bytes, int records, String source) {
        int end = 0;
        while (end < bytes.length && end < 1 << 16 && bytes[end] != '\n') {
            end++;
        }
        String header = new String(bytes, 0, Math.min(end, bytes.length), StandardCharsets.UTF_8);
        if (end >= bytes.length || bytes[end] != '\n' || !header.startsWith(FIELDS_MAGIC + " ")) {
            throw new InputRejected(source + " is not a field encodings file (it should start with a line \""
                    + FIELDS_MAGIC + " ...\" of at most 64 KiB)");
        }
        double noise = Double.NaN;
        String check = null;
        List<FieldEncodings.Part> parts = new java.util.ArrayList<>();
        try {
            for (String item : header.substring(FIELDS_MAGIC.length() + 1).split(" ")) {
                if (item.startsWith("noise=")) {
                    noise = Double.parseDouble(item.substring(6));
                } else if (item.startsWith("check=")) {
                    check = item.substring(6);
                } else if (item.startsWith("parts=")) {
                    for (String part : item.substring(6).split(",")) {
                        String[] pieces = part.split(":");
                        parts.add(new FieldEncodings.Part(pieces[0], pieces[1], PartKind.valueOf(pieces[2])));
                    }
                }
            }
        } catch (RuntimeException e) {
            // the exception's own message would name Java internals (an index, an enum constant)
            throw new InputRejected(
                    "the header of " + source + " cannot be read: its parts are not a list of name:field:KIND", e);
        }
        if (!(noise >= 0 && noise < 0.5) || check == null || parts.isEmpty()) {
            throw new InputRejected("the header of " + source + " lacks its noise, check or parts");
        }
        long perRecord = parts.stream().mapToInt(part -> part.kind().words()).sum();
        long body = bytes.length - end - 1L;
        if (body != (long) records * perRecord * 8) {
            throw new InputRejected(source + " holds " + body + " bytes of encodings where " + records
                    + " records need " + (long) records * perRecord * 8
                    + "; it does not belong to the .clk and .ids beside it");
        }
        long[] words = new long[(int) (records * perRecord)];
        ByteBuffer.wrap(bytes, end + 1, (int) body)
                .order(ByteOrder.BIG_ENDIAN)
                .asLongBuffer()
                .get(words);
        return new FieldEncodings(parts, records, words, noise, check);
    }

    /** Writes {@code NAME.fields} through a temporary file and a move. */
    public static void writeFields(Path name, FieldEncodings fields) {
        Path temp = null;
        try {
            temp = temporaryBeside(fieldsFile(name));
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                out.write(fieldsHeader(fields.parts(), fields.noise(), fields.check())
                        .getBytes(StandardCharsets.UTF_8));
                ByteBuffer buffer =
                        ByteBuffer.allocate(fields.words().length * 8).order(ByteOrder.BIG_ENDIAN);
                buffer.asLongBuffer().put(fields.words());
                out.write(buffer.array());
            }
            moveIntoPlace(temp, fieldsFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write field encodings " + name, e);
        } finally {
            deleteQuietly(temp);
        }
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
        private final Path fieldsTemp;
        private final OutputStream fields;
        private boolean committed;

        private Output(Path name, Path clkTemp, Path idsTemp, Path fieldsTemp) throws IOException {
            this.name = name;
            this.clkTemp = clkTemp;
            this.idsTemp = idsTemp;
            this.fieldsTemp = fieldsTemp;
            this.clk = new java.io.BufferedOutputStream(Files.newOutputStream(clkTemp), 1 << 16);
            this.ids = Files.newBufferedWriter(idsTemp, StandardCharsets.UTF_8);
            this.fields = fieldsTemp == null
                    ? null
                    : new java.io.BufferedOutputStream(Files.newOutputStream(fieldsTemp), 1 << 16);
        }

        public static Output open(Path name) throws IOException {
            return open(name, null);
        }

        /** With a field encodings header, {@code NAME.fields} is written as well; without, any old one is removed. */
        static Output open(Path name, String fieldsHeader) throws IOException {
            Path clkTemp = temporaryBeside(clkFile(name));
            Path idsTemp = null;
            Path fieldsTemp = null;
            try {
                idsTemp = temporaryBeside(idsFile(name));
                if (fieldsHeader != null) {
                    fieldsTemp = temporaryBeside(fieldsFile(name));
                }
                Output output = new Output(name, clkTemp, idsTemp, fieldsTemp);
                if (output.fields != null) {
                    output.fields.write(fieldsHeader.getBytes(StandardCharsets.UTF_8));
                }
                return output;
            } catch (IOException | RuntimeException e) {
                deleteQuietly(clkTemp);
                deleteQuietly(idsTemp);
                deleteQuietly(fieldsTemp);
                throw e;
            }
        }

        /** Appends records with their field encodings ({@code fieldWords} is ignored without a fields file). */
        void append(String[] recordIds, long[] words, long[] fieldWords) throws IOException {
            append(recordIds, words);
            if (fields != null) {
                ByteBuffer buffer = ByteBuffer.allocate(fieldWords.length * 8).order(ByteOrder.BIG_ENDIAN);
                buffer.asLongBuffer().put(fieldWords);
                fields.write(buffer.array());
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
            if (fields != null) {
                fields.close();
            }
            moveIntoPlace(clkTemp, clkFile(name));
            moveIntoPlace(idsTemp, idsFile(name));
            if (fields != null) {
                moveIntoPlace(fieldsTemp, fieldsFile(name));
            } else {
                Files.deleteIfExists(fieldsFile(name));
            }
            committed = true;
        }

        @Override
        public void close() throws IOException {
            try {
                clk.close();
                ids.close();
                if (fields != null) {
                    fields.close();
                }
            } finally {
                if (!committed) {
                    deleteQuietly(clkTemp);
                    deleteQuietly(idsTemp);
                    deleteQuietly(fieldsTemp);
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
