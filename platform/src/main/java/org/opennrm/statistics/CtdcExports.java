package org.opennrm.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennrm.RuleViolation;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.cases.events.StandardCodes;
import org.opennrm.statistics.publishing.NationalParents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CTDC Global Dataset export of the persons registered with the NRM (referrals and anonymous notifications),
 * built from the facts alone: one record per person who agreed to use in statistics (anonymous notifications are
 * counts without identity already), coded by {@link CtdcCoding}, made k-anonymous over all 27
 * variables by {@link CtdcExport}. The preview (what would be generalised and suppressed, and the shares by CTDC's
 * denominator rule) is for anyone with statistics access; the file itself is microdata, so only a statistician
 * exports it, and every export is written to the audit trail with its number of rows.
 */
@Service
class CtdcExports {

    static final String RECORD_TYPE = "ctdc-export";

    private final Facts facts;
    private final AuditTrail audit;
    private final Clock clock;
    private final int minimumK;
    private final StandardCodes standardCodes;

    CtdcExports(
            Facts facts,
            AuditTrail audit,
            Clock clock,
            @Value("${opennrm.statistics.ctdc-k:" + CtdcExport.DEFAULT_K + "}") int minimumK,
            org.springframework.beans.factory.ObjectProvider<StandardCodes> standardCodes) {
        this.standardCodes = standardCodes.getIfAvailable();
        if (minimumK < 2) {
            throw new IllegalArgumentException("opennrm.statistics.ctdc-k must be at least 2");
        }
        this.facts = facts;
        this.audit = audit;
        this.clock = clock;
        this.minimumK = minimumK;
    }

    /**
     * Which registrations and how strictly: years (inclusive, either may be null) and k, which may be raised above
     * the configured value but never lowered below it.
     */
    record Request(Integer fromYear, Integer toYear, Integer k, CtdcVariable.Naming naming) {

        Request(Integer fromYear, Integer toYear, Integer k) {
            this(fromYear, toYear, k, CtdcVariable.Naming.RELEASE_2025);
        }
    }

    /**
     * What an export publishes: how many persons were registered (and how many referrals were left out because the
     * person did not agree to use in statistics), how many records were generalised or suppressed (and how many
     * values of each variable were generalised), and the shares by CTDC's denominator rule.
     */
    record Summary(
            Integer fromYear,
            Integer toYear,
            int k,
            long withoutConsent,
            int registered,
            int published,
            int generalised,
            int suppressed,
            Map<String, Integer> generalisedValues,
            List<GroupShares> shares) {}

    /** Shares within one group of binary variables, by column name. */
    record GroupShares(String group, int denominator, Map<String, Double> shares) {}

    /** The file and what it holds. */
    record File(UUID id, String name, byte[] csv, Summary summary) {}

    int minimumK() {
        return minimumK;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('statistics:read:all')")
    Summary preview(Request request) {
        return summary(request, anonymised(request), withoutConsent(request));
    }

    /** The k-anonymous file in CTDC's layout; audited with who, when (the entry's time) and how many rows. */
    @Transactional
    @PreAuthorize("hasAuthority('statistics:release:all')")
    File export(Request request) {
        var anonymised = anonymised(request);
        var summary = summary(request, anonymised, withoutConsent(request));
        var id = UUID.randomUUID();
        audit.record(
                AuditAction.EXPORT,
                RECORD_TYPE,
                id,
                "rows=" + anonymised.records().size() + " k=" + anonymised.k() + " generalised="
                        + anonymised.generalised() + " suppressed=" + anonymised.suppressed());
        String name = "opennrm-ctdc-" + Instant.now(clock).toString().substring(0, 10) + ".csv";
        return new File(id, name, csv(anonymised.records(), request.naming()), summary);
    }

    private CtdcExport.Anonymised anonymised(Request request) {
        int k = request.k() == null ? minimumK : request.k();
        if (k < minimumK) {
            throw new RuleViolation(
                    "statistics.ctdc.refused.kMinimum",
                    "k cannot be lower than " + minimumK + ", the value this installation publishes at.",
                    minimumK);
        }
        if (k > 1000) {
            throw new RuleViolation("statistics.ctdc.refused.kMaximum", "k is at most 1000.");
        }
        if (request.fromYear() != null && request.toYear() != null && request.fromYear() > request.toYear()) {
            throw new RuleViolation("statistics.problem.periodOrder", "The period starts after it ends.");
        }
        for (Integer year : new Integer[] {request.fromYear(), request.toYear()}) {
            if (year != null && (year < 1990 || year > 2200)) {
                throw new RuleViolation("statistics.ctdc.refused.year", "A year is between 1990 and 2200.");
            }
        }
        // a national code added in the pages is coded as the standard code it maps to: CTDC knows only those
        var forms = NationalParents.of(standardCodes, StandardCodes.EXPLOITATION_FORM);
        var means = NationalParents.of(standardCodes, StandardCodes.METHOD_OF_CONTROL);
        var records = facts.registrations(request.fromYear(), request.toYear()).stream()
                .map(fact -> forms.isEmpty() && means.isEmpty() ? fact : fact.withStandard(forms, means))
                .map(CtdcCoding::record)
                .toList();
        return CtdcExport.anonymise(records, k);
    }

    private long withoutConsent(Request request) {
        return facts.registrationsWithoutConsent(request.fromYear(), request.toYear());
    }

    private static Summary summary(Request request, CtdcExport.Anonymised anonymised, long withoutConsent) {
        Map<String, Integer> generalisedValues = new LinkedHashMap<>();
        for (CtdcVariable variable : CtdcVariable.values()) {
            Integer count = anonymised.generalisedValues().get(variable);
            if (count != null) {
                generalisedValues.put(variable.column(), count);
            }
        }
        List<GroupShares> shares = Arrays.stream(CtdcVariable.Group.values())
                .map(group -> {
                    var computed = CtdcExport.shares(anonymised.records(), group);
                    Map<String, Double> byColumn = new LinkedHashMap<>();
                    computed.shares().forEach((variable, share) -> byColumn.put(variable.column(), share));
                    return new GroupShares(group.name(), computed.denominator(), byColumn);
                })
                .toList();
        return new Summary(
                request.fromYear(),
                request.toYear(),
                anonymised.k(),
                withoutConsent,
                anonymised.input(),
                anonymised.records().size(),
                anonymised.generalised(),
                anonymised.suppressed(),
                generalisedValues,
                shares);
    }

    /** CTDC's layout: the 27 column names, then one line per record, NULL for a missing value. */
    static byte[] csv(List<CtdcRecord> records, CtdcVariable.Naming naming) {
        var bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            for (List<String> line : CtdcExport.lines(records, naming)) {
                out.write(String.join(",", line.stream().map(CtdcExports::field).toList()));
                out.write("\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String field(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
