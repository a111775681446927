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
        }
        long[] counts = statistics.bitCounts;
        int worstBit = 0;
        for (int bit = 1; bit < counts.length; bit++) {
            if (counts[bit] > counts[worstBit]) {
                worstBit = bit;
            }
        }
        double share = (double) counts[worstBit] / statistics.bitSampleSize;
        if (share > schema.maxBitFrequency()) {
            throw new InputRejected(String.format(
                    "schema check: bit %d is set in %.1f%% of %d records sampled (limit %.1f%%); a field with a constant"
                            + " or nearly constant value sets the same bits everywhere. Mark it \"ignore\" in the"
                            + " schema or lower its k.%s",
                    worstBit,
                    100 * share,
                    statistics.bitSampleSize,
                    100 * schema.maxBitFrequency(),
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
