package org.opennrm.linkage.encoding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to encode and how: the id column, the fields in CSV header order, hardening and the limits of the
 * schema check. Both agencies of a linkage run must use the same schema and secret.
 *
 * @param idColumn header name of the record id column, always the first column
 * @param fields the other columns, in header order
 * @param hardening optional Bloom filter hardening
 * @param maxBitFrequency the schema check refuses input in which any bit is set in more than this share of
 *     records
 * @param maxBitsPerEntropyBit the schema check refuses a field that sets more filter bits per record than this
 *     many times the bits of information its distinct values can carry
 * @param minRecordsForCheck below this many records the frequencies say too little to judge a schema
 * @param fieldNoise the probability with which each bit of a name, text or digits part of the field encodings is
 *     flipped (see {@link FieldEncodings}); 0 turns the hardening off
 */
public record Schema(
        String idColumn,
        List<Field> fields,
        Hardening hardening,
        double maxBitFrequency,
        double maxBitsPerEntropyBit,
        int minRecordsForCheck,
        double fieldNoise) {

    static final String DEFAULT_RESOURCE = "default-schema.json";

    /**
     * Flip probability of the field encodings' noisy parts unless the schema says otherwise. Measured on the
     * realistic lists (bench/README-linkage.md, field-aware linkage): 0.05 makes identical names' filters differ, so
     * that counting identical filters no longer names anyone (from a fifth of the records to none), at about 0.01
     * of F1; an attacker who groups similar filters within each sex and citizenship still names most records of
     * lists with small name pools, whatever the noise that keeps F1 above 0.9. Higher noise trades F1 for less.
     */
    public static final double DEFAULT_FIELD_NOISE = 0.05;

    public Schema(
            String idColumn,
            List<Field> fields,
            Hardening hardening,
            double maxBitFrequency,
            double maxBitsPerEntropyBit,
            int minRecordsForCheck) {
        this(
                idColumn,
                fields,
                hardening,
                maxBitFrequency,
                maxBitsPerEntropyBit,
                minRecordsForCheck,
                DEFAULT_FIELD_NOISE);
    }

    public Schema {
        if (!(fieldNoise >= 0 && fieldNoise < 0.5)) {
            throw new InputRejected("schema: \"fieldNoise\" must be at least 0 and below 0.5, not " + fieldNoise);
        }
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new InputRejected("schema: no fields");
        }
        Set<String> names = new HashSet<>();
        names.add(idColumn);
        for (Field field : fields) {
            if (!names.add(field.name())) {
                throw new InputRejected("schema: column \"" + field.name() + "\" appears twice");
            }
        }
        if (fields.stream().allMatch(field -> field.kind() == FieldKind.IGNORE)) {
            throw new InputRejected("schema: every field is ignored, nothing would be encoded");
        }
    }

    /** The schema for the usual person fields, used when no schema file is given. */
    public static Schema defaultSchema() {
        return parse(defaultSchemaJson());
    }

    static String defaultSchemaJson() {
        try (InputStream in = Schema.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Schema read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new InputRejected("schema file not found: " + file);
        } catch (IOException e) {
            throw new InputRejected("cannot read schema file " + file + ": " + e.getMessage(), e);
        }
    }

    static Schema parse(String json) {
        if (!(Json.parse(json) instanceof Map<?, ?> root)) {
            throw new InputRejected("schema: the document must be a JSON object");
        }
        String idColumn = text(root, "id", "id");
        Hardening hardening = Hardening.fromSchemaName(text(root, "hardening", "none"));
        Map<?, ?> check = root.get("check") instanceof Map<?, ?> map ? map : Map.of();
        double maxFrequency = number(check, "maxBitFrequency", 0.95);
        double maxBitsPerEntropyBit = number(check, "maxBitsPerEntropyBit", 16);
        int minRecords = (int) number(check, "minRecords", 100);
        if (!(root.get("fields") instanceof List<?> list)) {
            throw new InputRejected("schema: \"fields\" must be a list");
        }
        List<Field> fields = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> member)) {
                throw new InputRejected("schema: every entry of \"fields\" must be an object");
            }
            String name = text(member, "name", null);
            FieldKind kind = FieldKind.fromSchemaName(text(member, "kind", null));
            double k = number(member, "k", kind == FieldKind.IGNORE ? 0 : Double.NaN);
            double weight = number(member, "weight", 1.0);
            if (weight < 0) {
                throw new InputRejected("schema: field \"" + name + "\" has a negative weight");
            }
            String format = kind == FieldKind.DATE ? text(member, "format", "yyyy-MM-dd") : null;
            FieldKind effective = weight == 0 ? FieldKind.IGNORE : kind;
            boolean lenient = member.get("lenient") instanceof Boolean flag && flag;
            fields.add(new Field(name, effective, (int) Math.round(k * weight), format, lenient));
        }
        double fieldNoise = number(root, "fieldNoise", DEFAULT_FIELD_NOISE);
        return new Schema(idColumn, fields, hardening, maxFrequency, maxBitsPerEntropyBit, minRecords, fieldNoise);
    }

    /** The same schema with another field noise (benchmarks compare settings on one schema). */
    public Schema withFieldNoise(double noise) {
        return new Schema(
                idColumn, fields, hardening, maxBitFrequency, maxBitsPerEntropyBit, minRecordsForCheck, noise);
    }

    /** The CSV header this schema expects, id column first. */
    public List<String> header() {
        List<String> header = new ArrayList<>();
        header.add(idColumn);
        fields.forEach(field -> header.add(field.name()));
        return header;
    }

    private static String text(Map<?, ?> map, String key, String fallback) {
        Object value = map.get(key);
        if (value == null) {
            if (fallback == null) {
                throw new InputRejected("schema: missing \"" + key + "\"");
            }
            return fallback;
        }
        if (!(value instanceof String string) || string.isBlank()) {
            throw new InputRejected("schema: \"" + key + "\" must be a non-empty string");
        }
        return string;
    }

    private static double number(Map<?, ?> map, String key, double fallback) {
        Object value = map.get(key);
        if (value == null) {
            if (Double.isNaN(fallback)) {
                throw new InputRejected("schema: missing \"" + key + "\" in " + map.get("name"));
            }
            return fallback;
        }
        if (!(value instanceof Double number)) {
            throw new InputRejected("schema: \"" + key + "\" must be a number");
        }
        return number;
    }
}
