package org.opennrm.prevention.suppliers;

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
 * The versioned procurement risk checklist ({@code prevention/suppliers/checklist.csv}) with its sources
 * ({@code checklist-sources.csv}: the ILO Indicators of Forced Labour, 2012, and the UK Cabinet Office's Procurement
 * Policy Note 02/23): per sector the questions asked, the answer that raises the risk and by how much. The risk level
 * of a filled-in checklist is the sum of what its answers raised: an answer that raises the risk adds the question's
 * weight, an unknown answer half of it; below 2 is low, below 4 medium, 4 or more high (two of the weight-2 ILO
 * indicators, or four lesser ones, make a supplier high risk).
 */
@Component
public class ProcurementChecklist {

    static final double MEDIUM = 2;
    static final double HIGH = 4;

    /** A publication a question is taken from. */
    public record Source(String key, String title, String publisher, String published, String reference, String url) {}

    /** A question: its code, the sectors it is asked in (empty for all), the answer that raises the risk, weight. */
    public record Question(String code, List<Sector> sectors, Answer riskAnswer, int weight, List<Source> sources) {

        boolean askedIn(Sector sector) {
            return sectors.isEmpty() || sectors.contains(sector);
        }

        /** What an answer adds to the risk. */
        double raised(Answer answer) {
            if (answer == riskAnswer) {
                return weight;
            }
            return answer == Answer.UNKNOWN ? weight / 2.0 : 0;
        }
    }

    public enum Sector {
        AGRICULTURE,
        CONSTRUCTION,
        CLEANING,
        TEXTILES,
        ELECTRONICS
    }

    public enum Answer {
        YES,
        NO,
        UNKNOWN
    }

    public enum RiskLevel {
        LOW,
        MEDIUM,
        HIGH
    }

    private static final String QUESTIONS = "prevention/suppliers/checklist.csv";
    private static final String SOURCES = "prevention/suppliers/checklist-sources.csv";

    private final String version;
    private final List<Question> questions;
    private final List<Source> sources;

    public ProcurementChecklist() {
        Map<String, Source> byKey = new LinkedHashMap<>();
        for (CSVRecord record : read(SOURCES).records()) {
            byKey.put(
                    record.get("key"),
                    new Source(
                            record.get("key"),
                            record.get("title"),
                            record.get("publisher"),
                            record.get("published"),
                            record.get("reference"),
                            record.get("url")));
        }
        Parsed parsed = read(QUESTIONS);
        this.version = parsed.comment()
                .lines()
                .filter(line -> line.startsWith("version:"))
                .map(line -> line.substring("version:".length()).strip())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(QUESTIONS + " states no version"));
        var read = new ArrayList<Question>();
        for (CSVRecord record : parsed.records()) {
            String sectors = record.get("sectors");
            var cited = new ArrayList<Source>();
            for (String key : record.get("sources").split(";")) {
                Source source = byKey.get(key.strip());
                if (source == null) {
                    throw new IllegalStateException(
                            QUESTIONS + ": " + record.get("question") + " cites no known source");
                }
                cited.add(source);
            }
            read.add(new Question(
                    record.get("question"),
                    sectors.equals("ALL")
                            ? List.of()
                            : Arrays.stream(sectors.split(";"))
                                    .map(Sector::valueOf)
                                    .toList(),
                    Answer.valueOf(record.get("risk_answer")),
                    Integer.parseInt(record.get("weight")),
                    List.copyOf(cited)));
        }
        this.questions = List.copyOf(read);
        this.sources = List.copyOf(byKey.values());
    }

    public String version() {
        return version;
    }

    public List<Source> sources() {
        return sources;
    }

    /** The questions asked in a sector, in checklist order. */
    public List<Question> questions(Sector sector) {
        return questions.stream().filter(question -> question.askedIn(sector)).toList();
    }

    public Optional<Question> question(String code) {
        return questions.stream()
                .filter(question -> question.code().equals(code))
                .findFirst();
    }

    public List<Sector> sectors() {
        return List.of(Sector.values());
    }

    static RiskLevel level(double score) {
        return score >= HIGH ? RiskLevel.HIGH : score >= MEDIUM ? RiskLevel.MEDIUM : RiskLevel.LOW;
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
