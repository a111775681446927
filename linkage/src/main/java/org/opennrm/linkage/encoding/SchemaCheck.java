package org.opennrm.linkage.encoding;

/**
 * Refuses schemas that would put the same bits in nearly every record. Such bits carry no information for
 * linkage but make encodings easier to attack: a constant token (everyone has citizenship UKR) or a field with
 * a handful of values and many bits (sex with k = 100) shows up as a fixed bit pattern that a frequency
 * attack can read off and that drowns the differences in names.
 */
final class SchemaCheck {

    /**
     * A field that takes at most this many values over at least {@code minRecordsForCheck} records is a
     * category (sex, a handful of citizenships), whose bits repeat in large groups of records.
     */
    static final int CATEGORICAL_VALUES = 16;

    /**
     * Bits above the frequency limit that are tolerated: where the positions of two values of a field collide (one
     * of the 8 bits of sex F on one of M's, which about one deployment secret in ten brings about), that bit is
     * set in every record that has a sex, though no value is constant. Such a bit tells an attacker nothing (it
     * is everywhere) and costs linkage nothing worth counting, while a constant value sets all its k bits
     * everywhere; refusing the first would leave one deployment in ten unable to encode complete lists with the
     * default schema. A constant field with k of 2 or less is refused by name above.
     */
    static final int COLLISION_BITS = 2;

    private SchemaCheck() {}

    static void verify(Schema schema, long records, Encoder.FieldStatistics statistics) {
        if (records < schema.minRecordsForCheck()) {
            return;
        }
        for (int f = 0; f < schema.fields().size(); f++) {
            Field field = schema.fields().get(f);
            if (field.kind() == FieldKind.IGNORE || statistics.present[f] == 0) {
                continue;
            }
            int distinct = statistics.distinct.get(f).size();
            if (distinct > CATEGORICAL_VALUES) {
                continue;
            }
            double entropyBits = Math.max(1.0, Math.log(distinct) / Math.log(2));
            double bitsPerRecord = field.bitsPerToken() * (double) statistics.tokens[f] / statistics.present[f];
            if (bitsPerRecord > schema.maxBitsPerEntropyBit() * entropyBits) {
                throw new InputRejected(String.format(
                        "schema check: field \"%s\" has only %d distinct values (%.1f bits of information) but sets"
                                + " about %.0f filter bits per record (limit %.0f per bit of information); lower its"
                                + " k or mark it \"ignore\".",
                        field.name(),
                        distinct,
                        entropyBits,
                        bitsPerRecord,
                        schema.maxBitsPerEntropyBit() * entropyBits));
            }
            if (distinct == 1 && statistics.present[f] > schema.maxBitFrequency() * records) {
                throw new InputRejected(String.format(
                        "schema check: field \"%s\" has the same value in %.1f%% of the records (limit %.1f%%): a"
                                + " constant value sets the same bits in every encoding, tells nothing apart and"
                                + " makes the encodings easier to attack. Mark it \"ignore\" in the schema.",
                        field.name(), 100.0 * statistics.present[f] / records, 100 * schema.maxBitFrequency()));
            }
        }
        long[] counts = statistics.bitCounts;
        int worstBit = 0;
        int over = 0;
        for (int bit = 0; bit < counts.length; bit++) {
            if (counts[bit] > counts[worstBit]) {
                worstBit = bit;
            }
            if ((double) counts[bit] / statistics.bitSampleSize > schema.maxBitFrequency()) {
                over++;
            }
        }
        double share = (double) counts[worstBit] / statistics.bitSampleSize;
        if (over > COLLISION_BITS) {
            throw new InputRejected(String.format(
                    "schema check: %d bits are each set in more than %.1f%% of %d records sampled (bit %d in %.1f%%);"
                            + " a field with a constant or nearly constant value sets the same bits everywhere. Mark"
                            + " it \"ignore\" in the schema or lower its k.%s",
                    over,
                    100 * schema.maxBitFrequency(),
                    statistics.bitSampleSize,
                    worstBit,
                    100 * share,
                    lowEntropyHint(schema, statistics)));
        }
    }

    static void addBitCounts(long[] words, int length, long[] counts) {
        for (int w = 0; w < length; w++) {
            long word = words[w];
            int base = (w % Encodings.WORDS) * 64;
            while (word != 0) {
                int high = Long.numberOfLeadingZeros(word);
                counts[base + high]++;
                word &= ~(Long.MIN_VALUE >>> high);
            }
        }
    }

    private static String lowEntropyHint(Schema schema, Encoder.FieldStatistics statistics) {
        StringBuilder hint = new StringBuilder();
        for (int f = 0; f < schema.fields().size(); f++) {
            int distinct = statistics.distinct.get(f).size();
            if (statistics.present[f] > 0 && distinct <= 2) {
                hint.append(hint.isEmpty() ? " Fields with at most two distinct values: " : ", ");
                hint.append(schema.fields().get(f).name());
            }
        }
        return hint.toString();
    }
}
