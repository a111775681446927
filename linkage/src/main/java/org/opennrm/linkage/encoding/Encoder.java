package org.opennrm.linkage.encoding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
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
    }

    /** Encodes a CSV file whose header must be the schema's header. */
    public Encodings encode(Path csv) {
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return encode(in);
        } catch (NoSuchFileException e) {
            throw new InputRejected("input file not found: " + csv);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputRejected("input file " + csv + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    public Encodings encode(BufferedReader in) throws IOException {
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
        List<String> lines = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lines.add(line);
        }
        int chunks = (lines.size() + LINES_PER_CHUNK - 1) / LINES_PER_CHUNK;
        Chunk[] results = new Chunk[chunks];
        ThreadLocal<TokenHasher> hashers = ThreadLocal.withInitial(TokenHasher::new);
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = c * LINES_PER_CHUNK;
            int to = Math.min(lines.size(), from + LINES_PER_CHUNK);
            results[c] = encodeChunk(lines, from, to, hashers.get());
        });
        List<String> ids = new ArrayList<>(lines.size());
        long[] words = new long[lines.size() * Encodings.WORDS];
        FieldStatistics statistics = new FieldStatistics(schema.fields().size());
        int offset = 0;
        for (Chunk chunk : results) {
            ids.addAll(Arrays.asList(chunk.ids));
            System.arraycopy(chunk.words, 0, words, offset, chunk.words.length);
            offset += chunk.words.length;
            statistics.add(chunk.statistics);
        }
        checkUniqueIds(ids);
        Encodings encodings = new Encodings(ids, words);
        SchemaCheck.verify(schema, encodings, statistics);
        return encodings;
    }

    private Chunk encodeChunk(List<String> lines, int from, int to, TokenHasher hasher) {
        int count = to - from;
        String[] ids = new String[count];
        long[] words = new long[count * Encodings.WORDS];
        FieldStatistics statistics = new FieldStatistics(schema.fields().size());
        int columns = schema.fields().size() + 1;
        long[] filter = new long[schema.hardening().filterBits() / 64];
        for (int r = 0; r < count; r++) {
            int lineNumber = from + r + 2;
            List<String> cells = Csv.split(lines.get(from + r), lineNumber);
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
        }
        // A quarter of the records (the first 1,024 of every 4,096) estimates each bit's frequency to within a
        // fraction of a percent, which is all a 95% limit needs, at a quarter of the counting time.
        int sampled = Math.min(count, LINES_PER_CHUNK / 4);
        SchemaCheck.addBitCounts(words, sampled * Encodings.WORDS, statistics.bitCounts);
        statistics.bitSampleSize += sampled;
        return new Chunk(ids, words, statistics);
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
        private static final int MAX_CACHED_VALUES_PER_FIELD = 1 << 15;

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

    private record Chunk(String[] ids, long[] words, FieldStatistics statistics) {}

    private static void checkUniqueIds(List<String> ids) {
        Set<String> seen = new HashSet<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.add(ids.get(i))) {
                throw new InputRejected("line " + (i + 2) + ": the id repeats an earlier line; ids must be unique");
            }
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
