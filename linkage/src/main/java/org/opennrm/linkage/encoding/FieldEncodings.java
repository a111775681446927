package org.opennrm.linkage.encoding;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-field Bloom-filter encodings of a list, in file order, beside its record-level CLKs: each record holds one
 * small filter per part (a name, the year, month and day of a date, a code), so that a model can weigh agreement
 * field by field. Record {@code r}'s part {@code p} occupies {@code words[r * wordsPerRecord + offset(p) ...]}.
 *
 * @param parts the parts of every record, in order
 * @param size number of records
 * @param words the filters, record after record
 * @param noise the probability with which each bit of a noisy part was flipped at encoding
 * @param check a value derived from the deployment secret: two lists encoded with different secrets (or
 *     schemas) have different checks and cannot be compared
 */
public record FieldEncodings(List<Part> parts, int size, long[] words, double noise, String check) {

    /**
     * One filter of a record.
     *
     * @param name {@code field} for most fields, {@code field.year}, {@code .month}, {@code .day} for dates
     * @param field the schema field it comes from
     * @param kind how it was made and is compared
     */
    public record Part(String name, String field, PartKind kind) {}

    public FieldEncodings {
        parts = List.copyOf(parts);
        int perRecord = parts.stream().mapToInt(part -> part.kind().words()).sum();
        if (words.length != (long) size * perRecord) {
            throw new IllegalArgumentException(
                    size + " records need " + (long) size * perRecord + " words, not " + words.length);
        }
    }

    public int wordsPerRecord() {
        return parts.stream().mapToInt(part -> part.kind().words()).sum();
    }

    /** Word offset of each part within a record. */
    public int[] offsets() {
        int[] offsets = new int[parts.size()];
        int offset = 0;
        for (int p = 0; p < parts.size(); p++) {
            offsets[p] = offset;
            offset += parts.get(p).kind().words();
        }
        return offsets;
    }

    /** Whether two lists can be compared part by part: same parts, same secret, same noise. */
    public String incompatibility(FieldEncodings other) {
        if (!parts.equals(other.parts)) {
            return "the two lists' field encodings have different fields (" + names() + " and " + other.names()
                    + "); both must be encoded with the same schema";
        }
        if (!check.equals(other.check)) {
            return "the two lists' field encodings were made with different secrets or schemas";
        }
        if (noise != other.noise) {
            return "the two lists' field encodings were made with different noise (" + noise + " and " + other.noise
                    + ")";
        }
        return null;
    }

    private String names() {
        List<String> names = new ArrayList<>();
        parts.forEach(part -> names.add(part.name()));
        return String.join(",", names);
    }
}
