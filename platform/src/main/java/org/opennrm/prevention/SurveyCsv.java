package org.opennrm.prevention;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a knowledge-attitude-practice survey file: CSV with the header {@code wave,area,stratum,cluster,weight} and
 * one column per measure (such as {@code knows_how_to_protect,knows_how_to_report}), one line per respondent. Every
 * line is checked and every problem reported with its line; the file is taken whole or not at all.
 */
final class SurveyCsv {

    static final List<String> DESIGN = List.of("wave", "area", "stratum", "cluster", "weight");
    static final int MAX_CHARACTERS = 4 * 1024 * 1024;
    static final int MAX_RESPONDENTS = 50_000;
    static final int MAX_MEASURES = 20;
    static final int MAX_PROBLEMS = 50;
    private static final Pattern MEASURE = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}");

    /** A file read whole: its measures and answers, and the respondents it holds. */
    record Read(List<String> measures, List<SurveyAnswer> answers, int respondents) {}

    private SurveyCsv() {}

    static Read read(String text, Set<String> strata) {
        var problems = new ArrayList<SurveyProblem>();
        if (text == null || text.isBlank()) {
            throw invalid(List.of(SurveyProblem.at(0, "prevention.survey.problem.empty")), 0);
        }
        if (text.length() > MAX_CHARACTERS) {
            throw invalid(List.of(SurveyProblem.at(0, "prevention.survey.problem.tooLarge", MAX_RESPONDENTS)), 0);
        }
        List<CSVRecord> records;
        try (var parser = CSVParser.parse(
                new StringReader(text.strip()),
                CSVFormat.DEFAULT
                        .builder()
                        .setTrim(true)
                        .setIgnoreEmptyLines(true)
                        .get())) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw invalid(List.of(SurveyProblem.at(0, "prevention.survey.problem.notCsv")), 0);
        }
        List<String> header = records.getFirst().toList().stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .toList();
        for (String column : DESIGN) {
            if (!header.contains(column)) {
                problems.add(SurveyProblem.at(1, "prevention.survey.problem.column", column));
            }
        }
        var measures = new ArrayList<String>();
        var seen = new LinkedHashSet<String>();
        for (String column : header) {
            if (!seen.add(column)) {
                problems.add(SurveyProblem.at(1, "prevention.survey.problem.columnTwice", column));
            } else if (!DESIGN.contains(column)) {
                if (MEASURE.matcher(column).matches()) {
                    measures.add(column);
                } else {
                    problems.add(SurveyProblem.at(1, "prevention.survey.problem.measureName", column));
                }
            }
        }
        if (measures.isEmpty()) {
            problems.add(SurveyProblem.at(1, "prevention.survey.problem.noMeasure"));
        }
        if (measures.size() > MAX_MEASURES) {
            problems.add(SurveyProblem.at(1, "prevention.survey.problem.tooManyMeasures", MAX_MEASURES));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems, 0);
        }
        if (records.size() - 1 > MAX_RESPONDENTS) {
            throw invalid(List.of(SurveyProblem.at(0, "prevention.survey.problem.tooLarge", MAX_RESPONDENTS)), 0);
        }
        if (records.size() < 2) {
            throw invalid(List.of(SurveyProblem.at(0, "prevention.survey.problem.noRespondent")), 0);
        }
        Map<String, Integer> at = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            at.put(header.get(i), i);
        }
        var answers = new ArrayList<SurveyAnswer>();
        int more = 0;
        for (CSVRecord record : records.subList(1, records.size())) {
            int line = (int) record.getRecordNumber();
            var found = new ArrayList<SurveyProblem>();
            if (record.size() != header.size()) {
                found.add(SurveyProblem.at(line, "prevention.survey.problem.fields", record.size(), header.size()));
            } else {
                SurveyAnswer.Wave wave = choice(record.get(at.get("wave")), SurveyAnswer.Wave.class);
                if (wave == null) {
                    found.add(SurveyProblem.at(line, "prevention.survey.problem.wave", record.get(at.get("wave"))));
                }
                SurveyAnswer.Area area = choice(record.get(at.get("area")), SurveyAnswer.Area.class);
                if (area == null) {
                    found.add(SurveyProblem.at(line, "prevention.survey.problem.area", record.get(at.get("area"))));
                }
                String stratum = record.get(at.get("stratum"));
                if (stratum.isEmpty()) {
                    found.add(SurveyProblem.at(line, "prevention.survey.problem.stratumMissing"));
                } else if (!strata.contains(stratum)) {
                    found.add(SurveyProblem.at(line, "prevention.survey.problem.stratumUnknown", stratum));
                }
                String cluster = record.get(at.get("cluster"));
                if (cluster.isEmpty()) {
                    found.add(SurveyProblem.at(line, "prevention.survey.problem.clusterMissing"));
                } else if (!CODE.matcher(cluster).matches()) {
                    found.add(SurveyProblem.at(line, "prevention.survey.problem.cluster"));
                }
                String weightText = record.get(at.get("weight"));
                double weight = Double.NaN;
                if (weightText.isEmpty()) {
                    found.add(SurveyProblem.at(line, "prevention.survey.problem.weightMissing"));
                } else {
                    try {
                        weight = Double.parseDouble(weightText);
                    } catch (NumberFormatException e) {
                        weight = Double.NaN;
                    }
                    if (!(weight > 0) || Double.isInfinite(weight)) {
                        found.add(SurveyProblem.at(line, "prevention.survey.problem.weight", weightText));
                    }
                }
                var lineAnswers = new ArrayList<SurveyAnswer>();
                for (String measure : measures) {
                    String value = record.get(at.get(measure));
                    if (value.isEmpty()) {
                        continue; // not answered: left out of this measure's estimate
                    }
                    if (!value.equals("0") && !value.equals("1")) {
                        found.add(SurveyProblem.at(line, "prevention.survey.problem.value", measure, value));
                    } else if (found.isEmpty()) {
                        lineAnswers.add(new SurveyAnswer(
                                line, wave, area, stratum, cluster, weight, measure, Integer.parseInt(value)));
                    }
                }
                if (found.isEmpty()) {
                    answers.addAll(lineAnswers);
                }
            }
            for (SurveyProblem problem : found) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(problem);
                } else {
                    more++;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems, more);
        }
        return new Read(List.copyOf(measures), List.copyOf(answers), records.size() - 1);
    }

    private static <E extends Enum<E>> E choice(String text, Class<E> type) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text)) {
                return value;
            }
        }
        return null;
    }

    private static SurveyInvalid invalid(List<SurveyProblem> problems, int more) {
        return new SurveyInvalid(problems, more);
    }
}
