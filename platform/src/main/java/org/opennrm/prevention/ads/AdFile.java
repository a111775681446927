package org.opennrm.prevention.ads;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a file of collected ads, CSV (with a header) or JSON (an array of objects), with the fields {@code reference,
 * collected_at, site, language, title, text, phones, emails, handles, location}. In CSV several phones, e-mails or
 * handles are separated by {@code ;}; in JSON they may also be arrays. Every line is checked and every problem reported
 * with its line (CSV) or entry (JSON); the file is taken whole or not at all.
 */
final class AdFile {

    static final List<String> REQUIRED = List.of("reference", "collected_at", "site", "text");
    static final List<String> OPTIONAL = List.of("language", "title", "phones", "emails", "handles", "location");
    static final int MAX_CHARACTERS = 64 * 1024 * 1024;
    static final int MAX_ADS = 100_000;
    static final int MAX_PROBLEMS = 50;
    static final int MAX_REFERENCE = 200;
    static final int MAX_SITE = 200;
    static final int MAX_TITLE = 500;
    static final int MAX_TEXT = 20_000;
    static final int MAX_LOCATION = 200;
    static final int MAX_CONTACTS = 10;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Instant EARLIEST = Instant.parse("1995-01-01T00:00:00Z");

    /** A contact as normalised: its kind and value. */
    record Contact(Contacts.Kind kind, String value) {}

    /** One ad as read and checked. */
    record Line(
            int line,
            String reference,
            Instant collectedAt,
            String site,
            String language,
            String title,
            String text,
            List<Contact> contacts,
            String location) {}

    /** Whether the file was CSV (problems name lines) or JSON (problems name entries). */
    enum Format {
        CSV,
        JSON
    }

    record Read(Format format, List<Line> ads) {}

    private AdFile() {}

    static Format format(String content) {
        return content != null && content.stripLeading().startsWith("[") ? Format.JSON : Format.CSV;
    }

    static Read read(String content, String defaultRegion, Instant now) {
        if (content == null || content.isBlank()) {
            throw new AdsInvalid(List.of(AdProblem.at(0, "ads.problem.empty")), 0);
        }
        if (content.length() > MAX_CHARACTERS) {
            throw new AdsInvalid(List.of(AdProblem.at(0, "ads.problem.tooLarge", MAX_ADS)), 0);
        }
        Format format = format(content);
        if (content.indexOf('\0') >= 0) {
            // a NUL character is never text an ad holds, and PostgreSQL cannot store it
            throw new AdsInvalid(
                    List.of(AdProblem.at(0, format == Format.JSON ? "ads.problem.notJson" : "ads.problem.notCsv")), 0);
        }
        List<Map<String, List<String>>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        if (format == Format.JSON) {
            readJson(content, rows, lines);
        } else {
            readCsv(content, rows, lines);
        }
        if (rows.isEmpty()) {
            throw new AdsInvalid(List.of(AdProblem.at(0, "ads.problem.noAds")), 0);
        }
        if (rows.size() > MAX_ADS) {
            throw new AdsInvalid(List.of(AdProblem.at(0, "ads.problem.tooLarge", MAX_ADS)), 0);
        }
        var problems = new ArrayList<AdProblem>();
        var ads = new ArrayList<Line>();
        Set<String> references = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            int line = lines.get(i);
            Map<String, List<String>> row = rows.get(i);
            int before = problems.size();
            String reference = one(row, "reference");
            if (reference.isEmpty() || reference.length() > MAX_REFERENCE) {
                problems.add(AdProblem.at(line, "ads.problem.reference"));
            } else if (!references.add(reference)) {
                problems.add(AdProblem.at(line, "ads.problem.referenceTwice", reference));
            }
            Instant collectedAt = collectedAt(one(row, "collected_at"));
            if (collectedAt == null) {
                problems.add(AdProblem.at(line, "ads.problem.collectedAt"));
            } else if (collectedAt.isBefore(EARLIEST) || collectedAt.isAfter(now.plusSeconds(86_400))) {
                problems.add(AdProblem.at(line, "ads.problem.collectedAtImpossible"));
            }
            String site = one(row, "site");
            if (site.isEmpty() || site.length() > MAX_SITE) {
                problems.add(AdProblem.at(line, "ads.problem.site"));
            }
            String language = one(row, "language").toLowerCase(Locale.ROOT);
            if (!language.isEmpty() && !LANGUAGE.matcher(language).matches()) {
                problems.add(AdProblem.at(line, "ads.problem.language"));
            }
            String title = one(row, "title");
            if (title.length() > MAX_TITLE) {
                problems.add(AdProblem.at(line, "ads.problem.title", MAX_TITLE));
            }
            String text = one(row, "text");
            if (text.isEmpty() || text.length() > MAX_TEXT) {
                problems.add(AdProblem.at(line, "ads.problem.text", MAX_TEXT));
            }
            String location = one(row, "location");
            if (location.length() > MAX_LOCATION) {
                problems.add(AdProblem.at(line, "ads.problem.location"));
            }
            var contacts = new LinkedHashSet<Contact>();
            for (String phone : row.getOrDefault("phones", List.of())) {
                Contacts.phone(phone, defaultRegion)
                        .ifPresentOrElse(
                                value -> contacts.add(new Contact(Contacts.Kind.PHONE, value)),
                                () -> problems.add(AdProblem.at(line, "ads.problem.phone", phone)));
            }
            for (String email : row.getOrDefault("emails", List.of())) {
                Contacts.email(email)
                        .ifPresentOrElse(
                                value -> contacts.add(new Contact(Contacts.Kind.EMAIL, value)),
                                () -> problems.add(AdProblem.at(line, "ads.problem.email")));
            }
            for (String handle : row.getOrDefault("handles", List.of())) {
                Contacts.handle(handle)
                        .ifPresentOrElse(
                                value -> contacts.add(new Contact(Contacts.Kind.HANDLE, value)),
                                () -> problems.add(AdProblem.at(line, "ads.problem.handle")));
            }
            if (contacts.size() > MAX_CONTACTS) {
                problems.add(AdProblem.at(line, "ads.problem.contacts", MAX_CONTACTS));
            }
            if (problems.size() == before) {
                ads.add(new Line(
                        line,
                        reference,
                        collectedAt,
                        site,
                        language.isEmpty() ? null : language,
                        title.isEmpty() ? null : title,
                        text,
                        List.copyOf(contacts),
                        location.isEmpty() ? null : location));
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return new Read(format, ads);
    }

    static AdsInvalid invalid(List<AdProblem> problems) {
        int shown = Math.min(MAX_PROBLEMS, problems.size());
        return new AdsInvalid(problems.subList(0, shown), problems.size() - shown);
    }

    private static void readCsv(String content, List<Map<String, List<String>>> rows, List<Integer> lines) {
        List<CSVRecord> records;
        try (var parser = CSVParser.parse(
                new StringReader(content.strip()),
                CSVFormat.DEFAULT
                        .builder()
                        .setTrim(true)
                        .setIgnoreEmptyLines(true)
                        .get())) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new AdsInvalid(List.of(AdProblem.at(0, "ads.problem.notCsv")), 0);
        }
        List<String> header = records.getFirst().toList().stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .toList();
        var problems = new ArrayList<AdProblem>();
        for (String required : REQUIRED) {
            if (!header.contains(required)) {
                problems.add(AdProblem.at(1, "ads.problem.missingColumn", required));
            }
        }
        for (String column : header) {
            if (!REQUIRED.contains(column) && !OPTIONAL.contains(column)) {
                problems.add(AdProblem.at(1, "ads.problem.unknownColumn", column));
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        for (CSVRecord record : records.subList(1, records.size())) {
            int line = (int) record.getRecordNumber();
            if (record.size() != header.size()) {
                problems.add(AdProblem.at(line, "ads.problem.columns", header.size(), record.size()));
                continue;
            }
            Map<String, List<String>> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String value = record.get(c);
                row.put(header.get(c), isList(header.get(c)) ? split(value) : List.of(value));
            }
            rows.add(row);
            lines.add(line);
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
    }

    private static void readJson(String content, List<Map<String, List<String>>> rows, List<Integer> lines) {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(content);
        } catch (JacksonException e) {
            throw new AdsInvalid(List.of(AdProblem.at(0, "ads.problem.notJson")), 0);
        }
        if (root == null || !root.isArray()) {
            throw new AdsInvalid(List.of(AdProblem.at(0, "ads.problem.notJson")), 0);
        }
        var problems = new ArrayList<AdProblem>();
        int entry = 0;
        for (JsonNode node : root) {
            entry++;
            if (!node.isObject()) {
                problems.add(AdProblem.at(entry, "ads.problem.notObject"));
                continue;
            }
            Map<String, List<String>> row = new LinkedHashMap<>();
            for (String name : node.propertyNames()) {
                String column = name.toLowerCase(Locale.ROOT);
                if (!REQUIRED.contains(column) && !OPTIONAL.contains(column)) {
                    problems.add(AdProblem.at(entry, "ads.problem.unknownColumn", name));
                    continue;
                }
                JsonNode value = node.get(name);
                List<String> values = new ArrayList<>();
                if (value.isArray()) {
                    for (JsonNode item : value) {
                        values.add(item.isNull() ? "" : item.asString().strip());
                    }
                } else if (!value.isNull()) {
                    values.add(value.asString().strip());
                }
                row.put(
                        column,
                        isList(column)
                                ? values.stream()
                                        .flatMap(v -> split(v).stream())
                                        .toList()
                                : List.of(String.join(" ", values)));
            }
            rows.add(row);
            lines.add(entry);
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
    }

    private static boolean isList(String column) {
        return column.equals("phones") || column.equals("emails") || column.equals("handles");
    }

    private static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(";"))
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .toList();
    }

    private static String one(Map<String, List<String>> row, String column) {
        List<String> values = row.get(column);
        return values == null || values.isEmpty() ? "" : values.getFirst().strip();
    }

    /** An ISO instant or date-time with offset, or a date (taken as midnight UTC); null when neither. */
    private static Instant collectedAt(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
