package org.opennrm.monitoring.returns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.opennrm.RuleViolation;

/**
 * A published return as the receiving body takes it: Eurostat and UNODC as CSV or XLSX, one row per section and
 * category (UNODC's counts of 1 to 4 written "<5"); SDG 16.2.2 in the open-sdg CSV layout, as SDMX-CSV, or XLSX. A
 * figure withheld by disclosure control is written "x" with the status "withheld". The coverage statements go with
 * every file.
 */
final class ReturnFiles {

    static final String WITHHELD = "x";

    record File(String name, String contentType, String format, byte[] bytes) {}

    private ReturnFiles() {}

    static List<String> formats(String template) {
        return template.equals(Sdg1622Return.ID) ? List.of("csv", "sdmx", "xlsx") : List.of("csv", "xlsx");
    }

    static File write(
            OfficialReturns.Sent sent,
            Figures figures,
            List<AgencyPublication.PublishedAgency> agencies,
            List<String> coverage,
            String format,
            Population population,
            EstimatedTotal estimated) {
        String chosen = format == null ? "csv" : format.strip().toLowerCase(Locale.ROOT);
        if (!formats(sent.template()).contains(chosen)) {
            String formats = String.join(", ", formats(sent.template()));
            throw new RuleViolation("returns.refused.format", "This return downloads as " + formats + ".", formats);
        }
        String name = sent.template() + "-" + sent.year();
        boolean sdg = sent.template().equals(Sdg1622Return.ID);
        List<List<String>> rows =
                switch (chosen) {
                    case "sdmx" -> sdmx(sent, figures, population, estimated);
                    default ->
                        sdg
                                ? withEstimate(
                                        withHeadings(
                                                OpenSdgLayout.STANDARD.headings(),
                                                OpenSdgLayout.STANDARD.rows(
                                                        sent.year(), figures, population, List.of("sex"))),
                                        estimated)
                                : sections(sent, figures);
                };
        if (!sdg && !chosen.equals("sdmx")) {
            rows = new ArrayList<>(rows);
            rows.addAll(agencyRows(sent, agencies));
        }
        return switch (chosen) {
            case "xlsx" ->
                new File(
                        name + ".xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        chosen,
                        xlsx(rows, coverage));
            case "sdmx" -> new File(name + "-sdmx.csv", "text/csv", chosen, csv(rows));
            default -> new File(name + ".csv", "text/csv", chosen, csv(sdg ? rows : withCoverage(rows, coverage)));
        };
    }

    /** One row per section and category, with the section's total first. */
    static List<List<String>> sections(OfficialReturns.Sent sent, Figures figures) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Return", "Year", "Section", "Category", "Value", "Status"));
        var sections = figures instanceof ReleaseSources.Published published ? published.sections() : List.<String>of();
        boolean unodc = sent.template().equals(UnodcReturn.ID);
        for (String section : sections) {
            rows.add(row(sent, section, ReturnCell.TOTAL, figures.total(section), unodc));
            for (String category : figures.categories(section)) {
                rows.add(row(sent, section, category, figures.count(section, category), unodc));
            }
        }
        return rows;
    }

    /**
     * The agencies' figures, one row per line as the agency reported it and one for each measure's total: section
     * {@code AGENCY/MEASURE} (e.g. {@code COURTS/PERSONS_CONVICTED}), category {@code SEX/AGE_GROUP/FORM}.
     */
    static List<List<String>> agencyRows(OfficialReturns.Sent sent, List<AgencyPublication.PublishedAgency> agencies) {
        List<List<String>> rows = new ArrayList<>();
        for (var agency : agencies) {
            for (var measure : agency.measures()) {
                String section = agency.agency().name() + "/" + measure.measure();
                rows.add(agencyRow(sent, section, ReturnCell.TOTAL, measure.total()));
                for (var line : measure.lines()) {
                    rows.add(agencyRow(sent, section, line.sex() + "/" + line.ageGroup() + "/" + line.form(), line));
                }
            }
        }
        return rows;
    }

    private static List<String> agencyRow(
            OfficialReturns.Sent sent, String section, String category, AgencyPublication.PublishedLine line) {
        return List.of(
                sent.template(),
                Integer.toString(sent.year()),
                section,
                category,
                line.withheld() ? WITHHELD : line.count().toString(),
                line.withheld() ? "withheld" : "published");
    }

    private static List<String> row(
            OfficialReturns.Sent sent, String section, String category, Long value, boolean unodc) {
        String written = value == null ? WITHHELD : unodc ? UnodcReturn.written(value) : value.toString();
        return List.of(
                sent.template(),
                Integer.toString(sent.year()),
                section,
                category,
                written,
                value == null ? "withheld" : "published");
    }

    /**
     * SDMX-CSV of the indicator's rates per 100,000: total, by sex and by age. The dataflow and series codes follow
     * the SDG global database's names for indicator 16.2.2 as we read them (to confirm against the current DSD).
     */
    static List<List<String>> sdmx(
            OfficialReturns.Sent sent, Figures figures, Population population, EstimatedTotal estimated) {
        var layout = new OpenSdgLayout(
                "TIME_PERIOD",
                null,
                List.of(
                        new OpenSdgLayout.Disaggregation(
                                "SEX", "sex", java.util.Map.of(Codings.FEMALE, "F", Codings.MALE, "M"), null, true),
                        new OpenSdgLayout.Disaggregation(
                                "AGE",
                                "age-group",
                                new java.util.LinkedHashMap<>(
                                        java.util.Map.of(Codings.CHILD, "Y0T17", Codings.ADULT, "Y_GE18")),
                                null,
                                true)),
                "OBS_VALUE",
                2,
                true);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("DATAFLOW", "SERIES", "REF_AREA", "TIME_PERIOD", "SEX", "AGE", "UNIT_MEASURE", "OBS_VALUE"));
        for (List<String> line : layout.rows(sent.year(), figures, population, List.of("sex"))) {
            rows.add(List.of(
                    "UNSD:DF_SDG_GLH(1.0)",
                    "VC_HTF_DETVP",
                    sent.reportingCountry(),
                    line.get(0),
                    line.get(1).isEmpty() ? "_T" : line.get(1),
                    line.get(2).isEmpty() ? "_T" : line.get(2),
                    "PER_100000_POP",
                    line.get(3)));
        }
        if (estimated == null) {
            return rows;
        }
        // the estimated total as its own series, with its 95% interval in the SDG attributes LOWER_BOUND, UPPER_BOUND
        List<List<String>> all = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> wide = new ArrayList<>(row);
            wide.addAll(all.isEmpty() ? List.of("LOWER_BOUND", "UPPER_BOUND") : List.of("", ""));
            all.add(wide);
        }
        all.add(List.of(
                "UNSD:DF_SDG_GLH(1.0)",
                ESTIMATED_SERIES_SDMX,
                sent.reportingCountry(),
                Integer.toString(sent.year()),
                "_T",
                "_T",
                "PER_100000_POP",
                estimated.totalRate(),
                estimated.lowerRate(),
                estimated.upperRate()));
        return all;
    }

    /** The SDMX series of the estimated total: no global code is known to us (to confirm with the custodian). */
    static final String ESTIMATED_SERIES_SDMX = "VC_HTF_ESTVP";

    /**
     * The open-sdg file with an estimated total: a {@code Series} column first after the year (detected victims, the
     * estimate) and the estimate's 95% interval in {@code Lower_Bound} and {@code Upper_Bound}, as counts and per
     * 100,000. Without an estimate the file is the standard layout unchanged.
     */
    static List<List<String>> withEstimate(List<List<String>> rows, EstimatedTotal estimated) {
        if (estimated == null) {
            return rows;
        }
        var layout = OpenSdgLayout.STANDARD;
        int width = rows.getFirst().size();
        List<List<String>> all = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> wide = new ArrayList<>(row);
            boolean headings = all.isEmpty();
            wide.add(1, headings ? "Series" : DETECTED_SERIES);
            wide.addAll(headings ? List.of("Lower_Bound", "Upper_Bound") : List.of("", ""));
            all.add(wide);
        }
        String year = Integer.toString(estimated.year());
        all.add(estimateRow(
                year,
                "count",
                width,
                Long.toString(estimated.total()),
                Long.toString(estimated.lower()),
                Long.toString(estimated.upper())));
        if (layout.units() != null) {
            all.add(estimateRow(
                    year,
                    "per_100000_population",
                    width,
                    estimated.totalRate(),
                    estimated.lowerRate(),
                    estimated.upperRate()));
        }
        return all;
    }

    static final String DETECTED_SERIES = "detected_victims";
    static final String ESTIMATED_SERIES = "estimated_victims";

    private static List<String> estimateRow(
            String year, String units, int width, String value, String lower, String upper) {
        List<String> row = new ArrayList<>();
        row.add(year);
        row.add(ESTIMATED_SERIES);
        row.add(units);
        while (row.size() < width) {
            row.add("");
        }
        row.add(value);
        row.add(lower);
        row.add(upper);
        return row;
    }

    private static List<List<String>> withHeadings(List<String> headings, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(headings);
        all.addAll(rows);
        return all;
    }

    private static List<List<String>> withCoverage(List<List<String>> rows, List<String> coverage) {
        List<List<String>> all = new ArrayList<>(rows);
        for (String line : coverage) {
            all.add(List.of("coverage", "", "", "", "", line));
        }
        return all;
    }

    static byte[] csv(List<List<String>> rows) {
        var out = new ByteArrayOutputStream();
        try (var printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xlsx(List<List<String>> rows, List<String> coverage) {
        try (var workbook = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("return");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String value = rows.get(r).get(c);
                    // counts as numbers, so that a spreadsheet can add them up
                    if (r > 0 && value.matches("\\d+") && c >= rows.get(r).size() - 2) {
                        row.createCell(c).setCellValue(Long.parseLong(value));
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            var notes = workbook.createSheet("coverage");
            for (int r = 0; r < coverage.size(); r++) {
                notes.createRow(r).createCell(0).setCellValue(coverage.get(r));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
