package org.opennrm.linkage.encoding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.crypto.Mac;

/**
 * Encodes one record's fields into small per-field Bloom filters ({@link FieldEncodings}) under keys derived from
 * the deployment secret with HKDF, apart from the CLK's keys.
 *
 * <p>Hardening against frequency attacks: identical names would give identical filters, whose counts a party
 * that knows the population's name distribution could align with it. So every bit of a noisy part (names, text,
 * digits) is flipped with probability {@code noise}, drawn from a generator keyed by the secret and seeded by the
 * whole record, and two people with the same name get different filters (Schnell and Borgs 2016 call this BLIP).
 * A missing value stays empty, which the model needs to tell missing from different. The effect on linkage quality
 * and on an attack is measured by {@code bench/linkage/field-quality.sh} and {@code field-attack.sh}.
 */
final class FieldEncoder {

    private static final byte[] SALT = "opennrm-linkage/fields/v1".getBytes(StandardCharsets.UTF_8);

    private final List<FieldEncodings.Part> parts = new ArrayList<>();
    /** For each schema field, the index of its first part, or -1 when it is ignored. */
    private final int[] firstPart;

    private final int[] offsets;
    private final byte[][] keys;
    private final byte[] noiseKey;
    private final double noise;
    private final String check;
    private final int wordsPerRecord;
    /** Words of all parts of each schema field (0 when ignored). */
    private final int[] fieldWords;

    FieldEncoder(Schema schema, byte[] secret) {
        firstPart = new int[schema.fields().size()];
        List<String> keyNames = new ArrayList<>();
        for (int f = 0; f < firstPart.length; f++) {
            Field field = schema.fields().get(f);
            firstPart[f] = parts.size();
            String name = field.name();
            switch (field.kind()) {
                case NAME -> add(name, name, PartKind.NAME, "names", keyNames);
                case TEXT -> add(name, name, PartKind.TEXT, "text:" + name, keyNames);
                case DIGITS -> add(name, name, PartKind.DIGITS, "digits:" + name, keyNames);
                case EXACT -> add(name, name, PartKind.CODE, "code:" + name, keyNames);
                case DATE -> {
                    add(name + ".year", name, PartKind.YEAR, "year:" + name, keyNames);
                    add(name + ".month", name, PartKind.MONTH, "day-month:" + name, keyNames);
                    add(name + ".day", name, PartKind.DAY, "day-month:" + name, keyNames);
                }
                case IGNORE -> firstPart[f] = -1;
            }
        }
        keys = new byte[parts.size()][];
        for (int p = 0; p < keys.length; p++) {
            keys[p] = Hkdf.derive(SALT, secret, keyNames.get(p).getBytes(StandardCharsets.UTF_8), 32);
        }
        noiseKey = Hkdf.derive(SALT, secret, "noise".getBytes(StandardCharsets.UTF_8), 32);
        noise = schema.fieldNoise();
        byte[] checkKey = Hkdf.derive(SALT, secret, "check".getBytes(StandardCharsets.UTF_8), 32);
        StringBuilder layout = new StringBuilder();
        parts.forEach(part -> layout.append(part).append(';'));
        layout.append(schema.header());
        byte[] tag = Hkdf.hmac(checkKey).doFinal(layout.toString().getBytes(StandardCharsets.UTF_8));
        check = HexFormat.of().formatHex(tag, 0, 8);
        offsets = new int[parts.size()];
        int offset = 0;
        for (int p = 0; p < parts.size(); p++) {
            offsets[p] = offset;
            offset += parts.get(p).kind().words();
        }
        wordsPerRecord = offset;
        fieldWords = new int[firstPart.length];
        for (int f = 0; f < firstPart.length; f++) {
            int end = f + 1 < firstPart.length ? nextFirstPart(f) : parts.size();
            for (int p = firstPart[f]; p >= 0 && p < end; p++) {
                fieldWords[f] += parts.get(p).kind().words();
            }
        }
    }

    /** The first part of the next encoded field after field {@code f}, or the number of parts. */
    private int nextFirstPart(int f) {
        for (int g = f + 1; g < firstPart.length; g++) {
            if (firstPart[g] >= 0) {
                return firstPart[g];
            }
        }
        return parts.size();
    }

    private void add(String name, String field, PartKind kind, String keyName, List<String> keyNames) {
        parts.add(new FieldEncodings.Part(name, field, kind));
        keyNames.add(keyName);
    }

    int wordsPerRecord() {
        return wordsPerRecord;
    }

    FieldEncodings encodings(int size, long[] words) {
        return new FieldEncodings(parts, size, words, noise, check);
    }

    List<FieldEncodings.Part> parts() {
        return parts;
    }

    double noise() {
        return noise;
    }

    String check() {
        return check;
    }

    /** Per-thread state: one MAC per part and the positions of tokens already hashed. */
    final class Hasher {

        private static final int MAX_CACHED = 1 << 16;

        private final Mac[] macs = new Mac[keys.length];
        private final List<Map<String, int[]>> caches = new ArrayList<>();
        private final Mac noiseMac = Hkdf.hmac(noiseKey);
        private final List<Map<String, long[]>> valueCaches = new ArrayList<>();
        private final double logKeep = Math.log(1 - noise);

        Hasher() {
            for (int p = 0; p < keys.length; p++) {
                macs[p] = Hkdf.hmac(keys[p]);
                caches.add(new HashMap<>());
            }
            for (int f = 0; f < firstPart.length; f++) {
                valueCaches.add(new HashMap<>());
            }
        }

        /** Writes the record's parts to {@code out} at {@code offset}; {@code cells} holds the id first. */
        void encode(Schema schema, List<String> cells, int line, long[] out, int offset) {
            for (int f = 0; f < firstPart.length; f++) {
                int p = firstPart[f];
                if (p < 0) {
                    continue;
                }
                // Values repeat (popular names, codes, dates shared by many), so a field's filters are kept per
                // value; the record-level encoding has already refused any value that does not tokenise.
                String value = cells.get(f + 1);
                Map<String, long[]> cache = valueCaches.get(f);
                long[] words = cache.get(value);
                if (words == null) {
                    words = new long[fieldWords[f]];
                    Field field = schema.fields().get(f);
                    List<String> tokens = Tokeniser.tokens(field, value, line);
                    if (tokens.isEmpty()) {
                        // a missing value stays empty
                    } else if (field.kind() == FieldKind.DATE) {
                        int y = Integer.parseInt(tokens.get(0).substring(1));
                        set(p, p, List.of("y" + y, "h" + y / 2, "g" + (y + 1) / 2), words);
                        set(
                                p,
                                p + 1,
                                List.of("v" + Integer.parseInt(tokens.get(3).substring(1))),
                                words);
                        set(
                                p,
                                p + 2,
                                List.of("v" + Integer.parseInt(tokens.get(4).substring(1))),
                                words);
                    } else {
                        set(p, p, tokens, words);
                    }
                    if (cache.size() >= MAX_CACHED) {
                        cache.clear();
                    }
                    cache.put(value, words);
                }
                System.arraycopy(words, 0, out, offset + offsets[p], words.length);
            }
            if (noise > 0) {
                flip(cells, out, offset);
            }
        }

        /** Sets the tokens' positions of part {@code p} in {@code words}, which hold the field from part {@code first}. */
        private void set(int first, int p, List<String> tokens, long[] words) {
            int base = offsets[p] - offsets[first];
            long[] out = words;
            for (String token : tokens) {
                for (int position : positions(p, token)) {
                    out[base + (position >>> 6)] |= 1L << (63 - (position & 63));
                }
            }
        }

        /** Flips bits of present noisy parts with a generator seeded by a keyed hash of the whole record. */
        private void flip(List<String> cells, long[] out, int offset) {
            for (String cell : cells) {
                noiseMac.update(cell.getBytes(StandardCharsets.UTF_8));
                noiseMac.update((byte) 0);
            }
            byte[] digest = noiseMac.doFinal();
            long seed = 0;
            for (int i = 0; i < 8; i++) {
                seed = (seed << 8) | (digest[i] & 0xff);
            }
            SplittableRandom random = new SplittableRandom(seed);
            for (int p = 0; p < parts.size(); p++) {
                PartKind kind = parts.get(p).kind();
                if (!kind.noisy()) {
                    continue;
                }
                int base = offset + offsets[p];
                boolean present = false;
                for (int w = 0; w < kind.words(); w++) {
                    present |= out[base + w] != 0;
                }
                if (!present) {
                    continue;
                }
                // Each bit flips with probability noise: the gaps between flipped bits are geometric, so only
                // the flips are drawn (13 of 256 bits at 0.05), not a number per bit.
                int bits = kind.words() * 64;
                for (int bit = gap(random); bit < bits; bit += 1 + gap(random)) {
                    out[base + (bit >>> 6)] ^= 1L << (63 - (bit & 63));
                }
            }
        }

        /** Bits kept before the next flipped one. */
        private int gap(SplittableRandom random) {
            double draw = Math.log(1 - random.nextDouble()) / logKeep;
            return draw >= Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE / 2 : (int) draw;
        }

        private int[] positions(int p, String token) {
            Map<String, int[]> cache = caches.get(p);
            int[] positions = cache.get(token);
            if (positions == null) {
                int k = parts.get(p).kind().bitsPerToken();
                int mask = parts.get(p).kind().words() * 64 - 1;
                byte[] digest = macs[p].doFinal(token.getBytes(StandardCharsets.UTF_8));
                positions = new int[k];
                for (int i = 0; i < k; i++) {
                    positions[i] = (((digest[2 * i] & 0xff) << 8) | (digest[2 * i + 1] & 0xff)) & mask;
                }
                if (cache.size() >= MAX_CACHED) {
                    cache.clear();
                }
                cache.put(token, positions);
            }
            return positions;
        }
    }
}
