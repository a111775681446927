package org.opennrm.cases.exchange;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * The fields of an HTCDS export, in the order they are written, and the two ways of writing them. Field names
 * are those of HTCDS v2.0 ({@code cas_}, {@code prs_}, {@code vic_}, {@code con_}, {@code hte_}); the three
 * {@code nrm_} fields are OpenNRM's own, for what the standard has no field for (a pseudonymous case reference,
 * the age category of the children's procedure, an age band instead of a date of birth). Identity fields are
 * written only in an identifying export: a pseudonymous file does not even have their columns.
 *
 * <p>JSON: an array of objects, multi-valued fields as arrays of codes, events as objects. CSV (RFC 4180, UTF-8,
 * header row): one row per case, several codes in one cell separated by {@code ;}, each event written as
 * {@code Type:date:country} (a part not known is left empty) and events separated by {@code ;}. No code of the
 * standard contains {@code ;} or {@code :}. A text cell that a spreadsheet would take for a formula (starting with
 * {@code = + - @}, a tab or a carriage return) is written with a leading {@code '}.
 */
final class HtcdsLayout {

    static final String EVENTS = "HistoricTraffickingEvents";
    static final String LIST_SEPARATOR = ";";
    static final String FORMULA_START = "=+-@\t\r";

    /** One field: its name in the file, whether it identifies the person, and where its value comes from. */
    record Field(String name, boolean identifying, Function<HtcdsCaseRecord, Object> value) {}

    static final List<Field> FIELDS = List.of(
            field("nrm_CaseReference", HtcdsCaseRecord::caseReference),
            field("cas_Status", HtcdsCaseRecord::caseStatus),
            field("cas_ReasonForCaseClosure", HtcdsCaseRecord::closureReason),
            field("cas_ReferringOrganisation", HtcdsCaseRecord::referringOrganisation),
            field("cas_IncomingReferralDate", HtcdsCaseRecord::referredOn),
            // a handover of the case to another organisation (a transfer) is the standard's outgoing referral
            field("cas_ReferredOrganisation", HtcdsCaseRecord::referredOrganisation),
            field("cas_OutgoingReferralDate", HtcdsCaseRecord::outgoingReferralDate),
            identifying("prs_FirstName", HtcdsCaseRecord.Identity::firstName),
            identifying("prs_SecondName", HtcdsCaseRecord.Identity::secondName),
            identifying("prs_Birthdate", HtcdsCaseRecord.Identity::birthdate),
            field("prs_Gender", HtcdsCaseRecord::gender),
            field("prs_Citizenship", HtcdsCaseRecord::citizenships),
            field("prs_PrimaryLanguage", HtcdsCaseRecord::primaryLanguage),
            field("prs_SecondaryLanguage", HtcdsCaseRecord::secondaryLanguage),
            field("nrm_AgeCategory", HtcdsCaseRecord::ageCategory),
            field("nrm_AgeBand", HtcdsCaseRecord::ageBand),
            field("vic_TraffickingStatus", HtcdsCaseRecord::traffickingStatus),
            field("vic_TraffickingStatusDecisionMakingOrg", HtcdsCaseRecord::decisionMakingOrganisation),
            field("vic_TypeOfExploitation", HtcdsCaseRecord::exploitationForms),
            field("vic_TypeOfSexExploitation", HtcdsCaseRecord::sexualExploitationTypes),
            field("vic_MethodsOfControl", HtcdsCaseRecord::methodsOfControl),
            field("vic_ForcedLabourIndustry", HtcdsCaseRecord::industries),
            field("vic_MethodOfRecruitment", HtcdsCaseRecord::recruitmentMethods),
            field("vic_RecruitmentWebsitesAndApps", HtcdsCaseRecord::recruitmentPlatforms),
            field("vic_RelationshipToTrafficker", HtcdsCaseRecord::relationshipToTrafficker),
            // the standard's location is a look-up into the exchanging system's places; a country is what NRMs hold
            field("vic_LocationOfRecruitment", HtcdsCaseRecord::locationsOfRecruitment),
            field("vic_LocationOfExploitation", HtcdsCaseRecord::locationsOfExploitation),
            field("con_Consent", HtcdsCaseRecord::sharingConsent),
            field(EVENTS, HtcdsCaseRecord::events));

    private HtcdsLayout() {}

    private static Field field(String name, Function<HtcdsCaseRecord, Object> value) {
        return new Field(name, false, value);
    }

    private static Field identifying(String name, Function<HtcdsCaseRecord.Identity, Object> value) {
        return new Field(name, true, record -> record.identity() == null ? null : value.apply(record.identity()));
    }

    /** The fields of a file, without the identifying ones unless identity is included. */
    static List<Field> fields(boolean identity) {
        return FIELDS.stream().filter(field -> identity || !field.identifying()).toList();
    }

    /** Writes case records one at a time, so that an export never holds more than one case in memory. */
    interface Writer extends Closeable {
        void write(HtcdsCaseRecord record);
    }

    static Writer writer(HtcdsFormat format, OutputStream out, boolean identity, ObjectMapper json) {
        var fields = fields(identity);
        return switch (format) {
            case JSON -> new JsonWriter(json.createGenerator(out), fields);
            case CSV -> new CsvWriter(out, fields);
        };
    }

    private static final class JsonWriter implements Writer {
        private final JsonGenerator generator;
        private final List<Field> fields;

        JsonWriter(JsonGenerator generator, List<Field> fields) {
            this.generator = generator;
            this.fields = fields;
            generator.writeStartArray();
        }

        @Override
        public void write(HtcdsCaseRecord record) {
            generator.writeStartObject();
            for (var field : fields) {
                generator.writeName(field.name());
                value(field.value().apply(record));
            }
            generator.writeEndObject();
        }

        private void value(Object value) {
            switch (value) {
                case null -> generator.writeNull();
                case Boolean flag -> generator.writeBoolean(flag);
                case List<?> items -> {
                    generator.writeStartArray();
                    for (Object item : items) {
                        if (item instanceof HtcdsCaseRecord.Event event) {
                            generator.writeStartObject();
                            generator.writeName("hte_Type");
                            value(event.type());
                            generator.writeName("hte_Date");
                            value(event.date());
                            generator.writeName("hte_Country");
                            value(event.country());
                            generator.writeEndObject();
                        } else {
                            value(item);
                        }
                    }
                    generator.writeEndArray();
                }
                default -> generator.writeString(value.toString());
            }
        }

        @Override
        public void close() {
            generator.writeEndArray();
            generator.close();
        }
    }

    static final class CsvWriter implements Writer {
        private final CSVPrinter printer;
        private final List<Field> fields;

        CsvWriter(OutputStream out, List<Field> fields) {
            this.fields = fields;
            try {
                this.printer = CSVFormat.RFC4180
                        .builder()
                        .setHeader(fields.stream().map(Field::name).toArray(String[]::new))
                        .get()
                        .print(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void write(HtcdsCaseRecord record) {
            var cells = new ArrayList<String>(fields.size());
            for (var field : fields) {
                cells.add(cell(field.value().apply(record)));
            }
            try {
                printer.printRecord(cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static String cell(Object value) {
            String text =
                    switch (value) {
                        case null -> "";
                        case List<?> items ->
                            items.stream().map(CsvWriter::item).collect(Collectors.joining(LIST_SEPARATOR));
                        default -> value.toString();
                    };
            // a cell a spreadsheet would read as a formula (OWASP "CSV injection"): only free text such as a name
            // can start so, never a code or a date
            return !text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        }

        private static String item(Object item) {
            if (item instanceof HtcdsCaseRecord.Event event) {
                return text(event.type()) + ":" + text(event.date()) + ":" + text(event.country());
            }
            return text(item);
        }

        private static String text(Object value) {
            return value == null ? "" : value.toString();
        }

        @Override
        public void close() throws IOException {
            printer.close(true);
        }
    }
}
