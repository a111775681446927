package org.opennrm.linkage.encoding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;

/**
 * Encodes a CSV of identifiers into 1024-bit CLKs (Schnell, Bachteler, Reiher 2011): every token of every
 * field sets k positions of one Bloom filter, the positions taken directly from a keyed hash of the token under
 * that field's key (no double hashing, whose positions an attacker can align across tokens).
 */
public final class Encoder {

    /** Salt for HKDF; fixed so that agencies with the same secret derive the same keys. */
    private static final byte[] SALT = "opennrm-linkage/clk/v1".getBytes(StandardCharsets.UTF_8);

    private static final int LINES_PER_CHUNK = 4096;

    private final Schema schema;
    private final byte[][] fieldKeys;
    private final int[] permutation;
    private final FieldEncoder fieldEncoder;

    public Encoder(Schema schema, DeploymentSecret secret) {
        this.schema = schema;
        byte[] secretBytes = secret.bytes();
        this.fieldKeys = new byte[schema.fields().size()][];
        for (int f = 0; f < fieldKeys.length; f++) {
            fieldKeys[f] = Hkdf.derive(
                    SALT, secretBytes, info("field:" + schema.fields().get(f).name()), 32);
        }
        this.permutation = schema.hardening() == Hardening.BALANCED
                ? secretPermutation(Hkdf.derive(SALT, secretBytes, info("hardening:balanced"), 32))
                : null;
        this.fieldEncoder = new FieldEncoder(schema, secretBytes);
    }

    /** A list's record-level CLKs and its field encodings, in the same record order. */
    public record Encoded(Encodings encodings, FieldEncodings fields) {}

    /** Encodes a CSV file whose header must be the schema's header, in memory. */
    public Encodings encode(Path csv) {
        try (BufferedReader in = open(csv)) {
            return encode(in);
        } catch (NoSuchFileException e) {
            throw new InputRejected("input file not found: " + csv);
        } catch (CharacterCodingException e) {
            throw new InputRejected("input file " + csv + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    /** Encodes CSV text whose header must be the schema's header, in memory. */
    public Encodings encode(BufferedReader in) throws IOException {
        return encode(in, false).encodings();
    }

    /** Encodes a CSV file into CLKs and field encodings, in memory. */
    public Encoded encodeWithFields(Path csv) {
        try (BufferedReader reader = open(csv)) {
            return encode(reader, true);
        } catch (NoSuchFileException e) {
            throw new InputRejected("input file not found: " + csv);
        } catch (CharacterCodingException e) {
            throw new InputRejected("input file " + csv + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    /** Encodes CSV text into CLKs and field encodings, in memory. */
    public Encoded encodeWithFields(BufferedReader in) throws IOException {
        return encode(in, true);
    }

    private Encoded encode(BufferedReader in, boolean withFields) throws IOException {
        List<String> ids = new ArrayList<>();
        List<long[]> words = new ArrayList<>();
        List<long[]> fieldWords = new ArrayList<>();
        run(
                in,
                chunk -> {
                    ids.addAll(Arrays.asList(chunk.ids));
                    words.add(chunk.words);
                    if (withFields) {
                        fieldWords.add(chunk.fieldWords);
                    }
                },
                () -> ids,
                withFields);
        Encodings encodings = new Encodings(ids, concatenate(words, (long) ids.size() * Encodings.WORDS));
        FieldEncodings fields = withFields
                ? fieldEncoder.encodings(
                        ids.size(), concatenate(fieldWords, (long) ids.size() * fieldEncoder.wordsPerRecord()))
                : null;
        return new Encoded(encodings, fields);
    }

    private static long[] concatenate(List<long[]> parts, long length) {
        long[] all = new long[Math.toIntExact(length)];
        int offset = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }

    /**
     * Encodes a CSV file into {@code NAME.clk} and {@code NAME.ids} without holding the list in memory: lines
     * are read in chunks, encoded on all cores and appended in input order to temporary files, which are moved
     * into place only when the whole input has been read and has passed the id and schema checks, so nothing is
     * written half. Memory stays bounded by the chunks in flight, the token caches and 8 bytes per record for
     * the id check. Returns the number of records.
     */
    public long encode(Path csv, Path name) {
        return encode(csv, name, true);
    }

    /**
     * As {@link #encode(Path, Path)}; with {@code withFields} the field encodings are written to {@code NAME.fields}
     * as well, and without it a {@code NAME.fields} left from an earlier run is removed, so that it never
     * describes other records than the CLKs beside it.
     */
    public long encode(Path csv, Path name, boolean withFields) {
        try (BufferedReader in = open(csv);
                EncodingFiles.Output output = EncodingFiles.Output.open(
                        name,
                        withFields
                                ? EncodingFiles.fieldsHeader(
                                        fieldEncoder.parts(), fieldEncoder.noise(), fieldEncoder.check())
                                : null)) {
            long records = run(
                    in,
                    chunk -> output.append(chunk.ids, chunk.words, chunk.fieldWords),
                    output::writtenIds,
                    withFields);
            output.commit();
            return records;
        } catch (NoSuchFileException e) {
            throw new InputRejected("input file not found: " + csv);
        } catch (CharacterCodingException e) {
            throw new InputRejected("input file " + csv + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + csv + " into " + name, e);
        }
    }

    private static BufferedReader open(Path csv) throws IOException {
        return new BufferedReader(
                new InputStreamReader(
                        Files.newInputStream(csv),
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 16);
    }

    /** Receives encoded chunks in input order. */
    private interface Sink {
        void accept(Chunk chunk) throws IOException;
    }

    /** All ids received, in order; read only when two ids have the same 64-bit hash. */
    private interface IdSource {
        Iterable<String> ids() throws IOException;
    }

    private long run(BufferedReader in, Sink sink, IdSource received, boolean withFields) throws IOException {
        String headerLine = in.readLine();
        if (headerLine == null) {
            throw new InputRejected("the input is empty; expected a header line " + String.join(",", schema.header()));
        }
        if (headerLine.startsWith("\uFEFF")) {
            headerLine = headerLine.substring(1);
        }
        List<String> header =
                Csv.split(headerLine, 1).stream().map(String::strip).toList();
        if (!header.equals(schema.header())) {
            throw new InputRejected("the CSV header does not match the schema: expected "
                    + String.join(",", schema.header()) + " but found " + String.join(",", header));
        }
        FieldStatistics statistics = new FieldStatistics(schema.fields().size());
        IdHashes idHashes = new IdHashes();
        String[] first = readChunk(in);
        long records;
        if (first.length < LINES_PER_CHUNK) {
            // A short list (one person checked by the platform, a small agency list) is one chunk: encoded on the
            // calling thread, without starting workers.
            records = deliver(
                    CompletableFuture.completedFuture(
                            encodeChunk(first, 2, new TokenHasher(), withFields ? fieldEncoder.new Hasher() : null)),
                    sink,
                    statistics,
                    idHashes);
        } else {
            records = encodeInParallel(in, first, sink, statistics, idHashes, withFields);
        }
        long[] suspects = idHashes.repeated();
        if (suspects.length > 0) {
            checkUniqueIds(received.ids(), suspects);
        }
        SchemaCheck.verify(schema, records, statistics);
        return records;
    }

    private long encodeInParallel(
            BufferedReader in,
            String[] first,
            Sink sink,
            FieldStatistics statistics,
            IdHashes idHashes,
            boolean withFields)
            throws IOException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        // Enough chunks in flight to keep every core busy while the reader and the writer wait on each other.
        int inFlight = 2 * threads + 2;
        ExecutorService workers = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().name("encoder-", 0).daemon(true).factory());
        ThreadLocal<TokenHasher> hashers = ThreadLocal.withInitial(TokenHasher::new);
        ThreadLocal<FieldEncoder.Hasher> fieldHashers =
                ThreadLocal.withInitial(() -> withFields ? fieldEncoder.new Hasher() : null);
        ArrayDeque<Future<Chunk>> pending = new ArrayDeque<>();
        long records = 0;
        try {
            int nextLine = 2;
            for (String[] lines = first; lines.length > 0; lines = readChunk(in)) {
                int firstLine = nextLine;
                nextLine += lines.length;
                String[] chunk = lines;
                pending.add(workers.submit(() -> encodeChunk(chunk, firstLine, hashers.get(), fieldHashers.get())));
                if (pending.size() >= inFlight) {
                    records += deliver(pending.removeFirst(), sink, statistics, idHashes);
                }
            }
            while (!pending.isEmpty()) {
                records += deliver(pending.removeFirst(), sink, statistics, idHashes);
            }
        } finally {
            workers.shutdownNow();
        }
        return records;
    }

    private static String[] readChunk(BufferedReader in) throws IOException {
        String[] lines = new String[LINES_PER_CHUNK];
        int count = 0;
        while (count < LINES_PER_CHUNK) {
            String line = in.readLine();
            if (line == null) {
                break;
            }
            lines[count++] = line;
        }
        return count == LINES_PER_CHUNK ? lines : Arrays.copyOf(lines, count);
    }

    private static int deliver(Future<Chunk> future, Sink sink, FieldStatistics statistics, IdHashes idHashes)
            throws IOException {
        Chunk chunk;
        try {
            chunk = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while encoding", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException failure -> throw failure;
                case Error failure -> throw failure;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
        statistics.add(chunk.statistics);
        for (String id : chunk.ids) {
            idHashes.add(id);
        }
        sink.accept(chunk);
        return chunk.ids.length;
    }

    private Chunk encodeChunk(String[] lines, int firstLine, TokenHasher hasher, FieldEncoder.Hasher fieldHasher) {
        int count = lines.length;
        String[] ids = new String[count];
        long[] words = new long[count * Encodings.WORDS];
        int fieldWordsPerRecord = fieldEncoder.wordsPerRecord();
        long[] fieldWords = fieldHasher == null ? null : new long[count * fieldWordsPerRecord];
        FieldStatistics statistics = new FieldStatistics(schema.fields().size());
        int columns = schema.fields().size() + 1;
        long[] filter = new long[schema.hardening().filterBits() / 64];
        for (int r = 0; r < count; r++) {
            int lineNumber = firstLine + r;
            List<String> cells = Csv.split(lines[r], lineNumber);
            if (cells.size() != columns) {
                throw new InputRejected(
                        "line " + lineNumber + " has " + cells.size() + " columns but the header has " + columns);
            }
            String id = cells.get(0).strip();
            if (id.isEmpty()) {
                throw new InputRejected("line " + lineNumber + ": the id is empty");
            }
            ids[r] = id;
            Arrays.fill(filter, 0L);
            for (int f = 0; f < columns - 1; f++) {
                Field field = schema.fields().get(f);
                if (field.kind() == FieldKind.IGNORE) {
                    continue;
                }
                String value = cells.get(f + 1);
                ValueBits bits = hasher.bits(f, field, value, lineNumber);
                statistics.record(f, value.strip(), bits.tokens());
                long[] mask = bits.mask();
                for (int w = 0; w < mask.length; w++) {
                    filter[w] |= mask[w];
                }
            }
            harden(filter, words, r * Encodings.WORDS);
            if (fieldHasher != null) {
                fieldHasher.encode(schema, cells, lineNumber, fieldWords, r * fieldWordsPerRecord);
            }
        }
        // Bit frequencies are counted on every record of the first chunk and on the first 256 of every 4,096 after
        // that: at a million records that is 66,000 records, which estimates each bit's frequency to within a
        // fraction of a percent, all that a 95% limit needs, at a sixteenth of the counting time.
        int sampled = firstLine == 2 ? count : Math.min(count, LINES_PER_CHUNK / 16);
        SchemaCheck.addBitCounts(words, sampled * Encodings.WORDS, statistics.bitCounts);
        statistics.bitSampleSize += sampled;
        return new Chunk(ids, words, fieldWords, statistics);
    }

    private void harden(long[] filter, long[] out, int offset) {
        switch (schema.hardening()) {
            case NONE -> System.arraycopy(filter, 0, out, offset, Encodings.WORDS);
            case XOR_FOLD -> {
                for (int w = 0; w < Encodings.WORDS; w++) {
                    out[offset + w] = filter[w] ^ filter[w + Encodings.WORDS];
                }
            }
            case BALANCED -> {
                for (int bit = 0; bit < Encodings.BITS; bit++) {
                    int source = bit & 511;
                    boolean set = (filter[source >>> 6] & (1L << (63 - (source & 63)))) != 0;
                    if (set != (bit >= 512)) {
                        int target = permutation[bit];
                        out[offset + (target >>> 6)] |= 1L << (63 - (target & 63));
                    }
                }
            }
        }
    }

    /** The filter bits one field value sets, and how many tokens it had. */
    private record ValueBits(long[] mask, int tokens) {}

    /**
     * Bit positions memoised per thread, at two levels. Whole values repeat (common given names, codes, dates
     * shared by many people), so most values cost one lookup; the tokens of a new value repeat even more (name
     * bigrams: a few thousand per field), so almost no token is hashed twice. Both caches are bounded, which
     * keeps memory flat for fields with unbounded vocabularies.
     */
    private final class TokenHasher {

        private static final int MAX_CACHED_PER_FIELD = 1 << 16;
        private static final int MAX_CACHED_VALUES_PER_FIELD = 1 << 16;

        private final Mac[] macs = new Mac[fieldKeys.length];
        private final List<Map<String, int[]>> caches = new ArrayList<>();
        private final List<Map<String, ValueBits>> valueCaches = new ArrayList<>();

        TokenHasher() {
            for (int f = 0; f < fieldKeys.length; f++) {
                macs[f] = Hkdf.hmac(fieldKeys[f]);
                caches.add(new HashMap<>());
                valueCaches.add(new HashMap<>());
            }
        }

        ValueBits bits(int f, Field field, String value, int lineNumber) {
            Map<String, ValueBits> cache = valueCaches.get(f);
            ValueBits bits = cache.get(value);
            if (bits == null) {
                List<String> tokens = Tokeniser.tokens(field, value, lineNumber);
                long[] mask = new long[schema.hardening().filterBits() / 64];
                for (String token : tokens) {
                    for (int position : positions(f, token)) {
                        mask[position >>> 6] |= 1L << (63 - (position & 63));
                    }
                }
                bits = new ValueBits(mask, tokens.size());
                if (cache.size() >= MAX_CACHED_VALUES_PER_FIELD) {
                    cache.clear();
                }
                cache.put(value, bits);
            }
            return bits;
        }

        int[] positions(int field, String token) {
            Map<String, int[]> cache = caches.get(field);
            int[] positions = cache.get(token);
            if (positions == null) {
                positions = hash(field, token);
                if (cache.size() >= MAX_CACHED_PER_FIELD) {
                    cache.clear();
                }
                cache.put(token, positions);
            }
            return positions;
        }

        /**
         * HMAC-SHA256(field key, block number || token): each 32-byte block gives 16 positions from its 16-bit
         * words; the filter size is a power of two dividing 65536, so masking is unbiased.
         */
        private int[] hash(int field, String token) {
            int k = schema.fields().get(field).bitsPerToken();
            int mask = schema.hardening().filterBits() - 1;
            int[] positions = new int[k];
            byte[] tokenBytes = token.getBytes(StandardCharsets.UTF_8);
            Mac mac = macs[field];
            for (int block = 0; block * 16 < k; block++) {
                mac.update((byte) block);
                byte[] digest = mac.doFinal(tokenBytes);
                for (int i = 0; i < 16 && block * 16 + i < k; i++) {
                    int value = ((digest[2 * i] & 0xff) << 8) | (digest[2 * i + 1] & 0xff);
                    positions[block * 16 + i] = value & mask;
                }
            }
            return positions;
        }
    }

    /** Counts per field that the schema check needs: how often values occur, how many tokens they give. */
    static final class FieldStatistics {

        /** Counting further distinct values would change no decision of the schema check. */
        static final int DISTINCT_CAP = SchemaCheck.CATEGORICAL_VALUES + 1;

        final long[] present;
        final long[] tokens;
        /** How many records have each of the 1024 output bits set. */
        final long[] bitCounts = new long[Encodings.BITS];
        /** How many records {@link #bitCounts} counted. */
        long bitSampleSize;

        final List<Set<String>> distinct = new ArrayList<>();

        FieldStatistics(int fields) {
            present = new long[fields];
            tokens = new long[fields];
            for (int f = 0; f < fields; f++) {
                distinct.add(new HashSet<>());
            }
        }

        void record(int field, String value, int tokenCount) {
            if (tokenCount == 0) {
                return;
            }
            present[field]++;
            tokens[field] += tokenCount;
            Set<String> values = distinct.get(field);
            if (values.size() <= DISTINCT_CAP) {
                values.add(value);
            }
        }

        void add(FieldStatistics other) {
            for (int bit = 0; bit < bitCounts.length; bit++) {
                bitCounts[bit] += other.bitCounts[bit];
            }
            bitSampleSize += other.bitSampleSize;
            for (int f = 0; f < present.length; f++) {
                present[f] += other.present[f];
                tokens[f] += other.tokens[f];
                Set<String> values = distinct.get(f);
                for (String value : other.distinct.get(f)) {
                    if (values.size() > DISTINCT_CAP) {
                        break;
                    }
                    values.add(value);
                }
            }
        }
    }

    private record Chunk(String[] ids, long[] words, long[] fieldWords, FieldStatistics statistics) {}

    /**
     * Finds the first id that repeats an earlier one among ids whose hashes collided; most collisions are of
     * repeated ids, but two distinct ids may share a 64-bit hash, which must not be refused.
     */
    private static void checkUniqueIds(Iterable<String> ids, long[] suspects) {
        Set<String> seen = new HashSet<>();
        int line = 2;
        for (String id : ids) {
            if (Arrays.binarySearch(suspects, IdHashes.hash(id)) >= 0 && !seen.add(id)) {
                throw new InputRejected("line " + line + ": the id repeats an earlier line; ids must be unique");
            }
            line++;
        }
    }

    /**
     * 64-bit hashes of every id, 8 bytes per record instead of a set of strings; hashes that occur twice point
     * to the ids that must be compared as text.
     */
    private static final class IdHashes {

        private long[] hashes = new long[1 << 12];
        private int size;

        void add(String id) {
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
            }
            hashes[size++] = hash(id);
        }

        /** Hashes that occur more than once, sorted. */
        long[] repeated() {
            long[] sorted = Arrays.copyOf(hashes, size);
            Arrays.sort(sorted);
            long[] repeated = new long[0];
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]
                        && (repeated.length == 0 || repeated[repeated.length - 1] != sorted[i])) {
                    repeated = Arrays.copyOf(repeated, repeated.length + 1);
                    repeated[repeated.length - 1] = sorted[i];
                }
            }
            return repeated;
        }

        /** FNV-1a over the UTF-16 units, then a finaliser that spreads every input bit over the result. */
        static long hash(String id) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < id.length(); i++) {
                h = (h ^ id.charAt(i)) * 0x100000001b3L;
            }
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            return h ^ (h >>> 33);
        }
    }

    /** A secret Fisher-Yates permutation of the 1024 output bits, drawn from an HKDF-expanded byte stream. */
    private static int[] secretPermutation(byte[] key) {
        byte[] stream = Hkdf.expand(key, info("permutation"), 4 * Encodings.BITS);
        int[] permutation = new int[Encodings.BITS];
        for (int i = 0; i < permutation.length; i++) {
            permutation[i] = i;
        }
        for (int i = permutation.length - 1; i > 0; i--) {
            long random = ((stream[4 * i] & 0xffL) << 24)
                    | ((stream[4 * i + 1] & 0xffL) << 16)
                    | ((stream[4 * i + 2] & 0xffL) << 8)
                    | (stream[4 * i + 3] & 0xffL);
            int j = (int) (random % (i + 1));
            int swap = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = swap;
        }
        return permutation;
    }

    private static byte[] info(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
