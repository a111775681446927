package org.opennrm.prevention.finance;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The versioned catalogue of published financial red flags of trafficking ({@code prevention/finance/red-flags.csv}),
 * each with the publications it is taken from ({@code red-flag-sources.csv}): FinCEN's advisories FIN-2014-A008 and
 * FIN-2020-A008 and the FATF/APG report "Financial Flows from Human Trafficking" (2018). A report is coded with the
 * codes of this catalogue and keeps the version it was coded with. What an indicator means is a label in the reader's
 * language, paraphrased from its sources.
 */
@Component
public class RedFlagCatalogue {

    /** A publication red flags are taken from. {@code published} as precise as the publication states it. */
    public record Source(String key, String title, String publisher, String published, String reference, String url) {}

    /** A red flag: its code, the typology it belongs to, and where it is published. */
    public record RedFlag(String code, Typology typology, List<Source> sources) {}

    /** The families of red flags, as the sources group them. */
    public enum Typology {
        CONTROL,
        LABOUR,
        SEXUAL,
        LAUNDERING
    }

    private static final String INDICATORS = "prevention/finance/red-flags.csv";
    private static final String SOURCES = "prevention/finance/red-flag-sources.csv";

    private final String version;
    private final Map<String, RedFlag> flags;
    private final List<Source> sources;

    public RedFlagCatalogue() {
        Map<String, Source> byKey = new LinkedHashMap<>();
        for (CSVRecord record : read(SOURCES).records()) {
            var source = new Source(
                    record.get("key"),
                    record.get("title"),
                    record.get("publisher"),
                    record.get("published"),
                    record.get("reference"),
                    record.get("url"));
            if (byKey.put(source.key(), source) != null) {
                throw new IllegalStateException(SOURCES + ": source " + source.key() + " twice");
            }
        }
        Parsed indicators = read(INDICATORS);
        this.version = indicators
                .comment()
                .lines()
                .filter(line -> line.startsWith("version:"))
                .map(line -> line.substring("version:".length()).strip())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(INDICATORS + " states no version"));
        Map<String, RedFlag> read = new LinkedHashMap<>();
        for (CSVRecord record : indicators.records()) {
            var cited = new ArrayList<Source>();
            for (String key : record.get("sources").split(";")) {
                Source source = byKey.get(key.strip());
                if (source == null) {
                    throw new IllegalStateException(INDICATORS + ": " + record.get("code") + " cites no known source");
                }
                cited.add(source);
            }
            var flag = new RedFlag(record.get("code"), Typology.valueOf(record.get("typology")), List.copyOf(cited));
            if (read.put(flag.code(), flag) != null) {
                throw new IllegalStateException(INDICATORS + ": " + flag.code() + " twice");
            }
        }
        this.flags = java.util.Collections.unmodifiableMap(read);
        this.sources = List.copyOf(byKey.values());
    }

    /** The catalogue's version, kept with every report coded from it. */
    public String version() {
        return version;
    }

    public List<RedFlag> flags() {
        return List.copyOf(flags.values());
    }

    public List<Source> sources() {
        return sources;
    }

    public Optional<RedFlag> find(String code) {
        return Optional.ofNullable(code == null ? null : flags.get(code.strip()));
    }

    /** The red flags of one typology, in catalogue order. */
    public List<RedFlag> of(Typology typology) {
        return flags.values().stream()
                .filter(flag -> flag.typology() == typology)
                .toList();
    }

    public List<Typology> typologies() {
        return Arrays.asList(Typology.values());
    }

    private record Parsed(String comment, List<CSVRecord> records) {}

    private static Parsed read(String path) {
        try (Reader reader =
                        new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(
                        reader,
                        CSVFormat.DEFAULT
                                .builder()
                                .setCommentMarker('#')
                                .setHeader()
                                .setSkipHeaderRecord(true)
                                .setTrim(true)
                                .get())) {
            List<CSVRecord> records = parser.getRecords();
            return new Parsed(parser.getHeaderComment() == null ? "" : parser.getHeaderComment(), records);
        } catch (IOException e) {
            throw new UncheckedIOException(path + " cannot be read", e);
        }
    }
}
