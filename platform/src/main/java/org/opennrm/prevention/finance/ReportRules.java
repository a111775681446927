package org.opennrm.prevention.finance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one place that says what a coded report may hold, for the form, the API and the CSV import alike: a reference
 * of the unit's own making (letters, digits and {@code / . _ -}, at most 40, so that no name can be typed into it), a
 * date received neither in the future nor before 2000, an entity type, and one to fifty known red flags; an outcome's
 * dates not before the report was received, an investigation not before the dissemination it followed.
 */
final class ReportRules {

    static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/._-]{0,39}");
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final int MAX_INDICATORS = 50;

    private ReportRules() {}

    /** The problems of a report, field by field (empty when it may be stored). */
    static Map<String, String> check(ReportDetails details, RedFlagCatalogue catalogue, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        String reference =
                details.reference() == null ? "" : details.reference().strip();
        if (!REFERENCE.matcher(reference).matches()) {
            problems.put("reference", "finance.report.error.reference");
        }
        LocalDate received = details.receivedOn();
        if (received == null || received.isAfter(today) || received.isBefore(EARLIEST)) {
            problems.put("receivedOn", "finance.report.error.receivedOn");
        }
        if (details.entityType() == null) {
            problems.put("entityType", "finance.report.error.entityType");
        }
        List<String> indicators = indicators(details.indicators());
        if (indicators.isEmpty() || indicators.size() > MAX_INDICATORS) {
            problems.put("indicators", "finance.report.error.indicators");
        } else if (indicators.stream().anyMatch(code -> catalogue.find(code).isEmpty())) {
            problems.put("indicators", "finance.report.error.indicatorUnknown");
        }
        return problems;
    }

    /** The problems of an outcome for a report received on {@code received}. */
    static Map<String, String> check(ReportOutcome outcome, LocalDate received, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDate disseminated = outcome.disseminatedOn();
        LocalDate investigation = outcome.investigationOn();
        if (disseminated != null && (disseminated.isBefore(received) || disseminated.isAfter(today))) {
            problems.put("disseminatedOn", "finance.report.error.disseminatedOn");
        }
        if (investigation != null) {
            if (disseminated == null) {
                problems.put("investigationOn", "finance.report.error.investigationWithoutDissemination");
            } else if (investigation.isBefore(disseminated) || investigation.isAfter(today)) {
                problems.put("investigationOn", "finance.report.error.investigationOn");
            }
        }
        return problems;
    }

    static List<String> indicators(List<String> given) {
        var codes = new LinkedHashSet<String>();
        if (given != null) {
            for (String code : given) {
                if (code != null && !code.isBlank()) {
                    codes.add(code.strip());
                }
            }
        }
        return new ArrayList<>(codes);
    }
}
