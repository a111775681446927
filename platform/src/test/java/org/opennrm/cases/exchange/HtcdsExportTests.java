package org.opennrm.cases.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.AccountManagement;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.ConsentPurpose;
import org.opennrm.cases.ConsentStatement;
import org.opennrm.cases.OpenedCase;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * HTCDS exports through the API on five synthetic cases of a region of their own: what a pseudonymous file holds
 * and does not hold, the consent rules of an identifying file, the codes against the HTCDS v2.0 field standards,
 * CSV read back with Apache Commons CSV, pseudonyms, the audit trail, and problems for bad options.
 */
@PlatformTest
class HtcdsExportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseManagement cases;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    AccountManagement accounts;

    @Autowired
    HtcdsExports exports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    Clock clock;

    HtcdsExportFixtures fixtures;

    @BeforeEach
    void fiveCases() {
        fixtures = new HtcdsExportFixtures(organisations, accounts, cases, clock);
    }

    MockHttpServletRequestBuilder export(String format, boolean identity) {
        return get("/api/v1/exports/htcds")
                .param("format", format)
                .param("region", fixtures.region)
                .param("receiver", fixtures.receiver.toString())
                .param("identity", Boolean.toString(identity))
                .with(as(Role.CASE_MANAGER, fixtures.office));
    }

    String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    Map<String, JsonNode> byReference(String body) {
        var records = new HashMap<String, JsonNode>();
        json.readTree(body)
                .forEach(record -> records.put(record.get("nrm_CaseReference").asString(), record));
        return records;
    }

    String pseudonym(OpenedCase opened) {
        return exports.pseudonym(fixtures.receiver, opened.caseId());
    }

    @Test
    void aPseudonymousExportHoldsEveryMatchingCaseAndNoNameNorDateOfBirthNorReference() throws Exception {
        var response = mvc.perform(export("json", false))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andExpect(header().string(HtcdsExportApi.MATCHING, "5"))
                .andExpect(header().string(HtcdsExportApi.INCLUDED, "5"))
                .andReturn()
                .getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);

        assertThat(json.readTree(body).size()).isEqualTo(5);
        for (String name : fixtures.names()) {
            assertThat(body).doesNotContain(name);
        }
        assertThat(body)
                .doesNotContain(HtcdsExportFixtures.BIRTHDATE.toString())
                .doesNotContain("Alias")
                .doesNotContain("chat group")
                .doesNotContain("construction site")
                .doesNotContain("prs_FirstName")
                .doesNotContain("prs_SecondName")
                .doesNotContain("prs_Birthdate");
        for (var opened : fixtures.all()) {
            assertThat(body).doesNotContain(opened.reference()).contains(pseudonym(opened));
        }
        var adult = byReference(body).get(pseudonym(fixtures.consenting));
        // born 1990: between 30 and 38 years old at referral until 2029
        assertThat(adult.get("nrm_AgeBand").asString()).isEqualTo("30--38");
        assertThat(byReference(body)
                        .get(pseudonym(fixtures.child))
                        .get("nrm_AgeBand")
                        .asString())
                .isEqualTo("9--17");
    }

    @Test
    void anIdentifyingExportHoldsOnlyOpenCasesWhoseConsentCoversTheReceiverAndCountsTheOthers() throws Exception {
        var response = mvc.perform(export("json", true))
                .andExpect(status().isOk())
                .andExpect(header().string(HtcdsExportApi.MATCHING, "5"))
                .andExpect(header().string(HtcdsExportApi.INCLUDED, "1"))
                .andExpect(header().string(HtcdsExportApi.LEFT_OUT_WITHDRAWN, "1"))
                .andExpect(header().string(HtcdsExportApi.LEFT_OUT_NO_CONSENT, "2"))
                .andExpect(header().string(HtcdsExportApi.LEFT_OUT_CLOSED, "1"))
                .andReturn()
                .getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);

        var records = json.readTree(body);
        assertThat(records.size()).isEqualTo(1);
        var record = records.get(0);
        assertThat(record.get("nrm_CaseReference").asString()).isEqualTo(pseudonym(fixtures.consenting));
        assertThat(record.get("prs_FirstName").asString()).isEqualTo(fixtures.givenName("A"));
        assertThat(record.get("prs_SecondName").asString()).isEqualTo(fixtures.familyName("A"));
        assertThat(record.get("prs_Birthdate").asString()).isEqualTo(HtcdsExportFixtures.BIRTHDATE.toString());
        assertThat(record.get("con_Consent").asBoolean()).isTrue();
        for (String letter : List.of("B", "C", "D", "E")) {
            assertThat(body).doesNotContain(fixtures.givenName(letter)).doesNotContain(fixtures.familyName(letter));
        }
        for (var leftOut : List.of(fixtures.consentingElsewhere, fixtures.withdrawn, fixtures.closed, fixtures.child)) {
            assertThat(body).doesNotContain(pseudonym(leftOut));
        }
    }

    @Test
    void aChildIsExportedWithIdentityOnceTheGuardianConsentsToSharingWithTheReceiver() throws Exception {
        var guardian = TestSignIn.actorOf(accounts.find(fixtures.guardian).orElseThrow());
        SignedIn.as(guardian, () -> {
            cases.giveConsent(
                    fixtures.child.caseId(),
                    null,
                    new ConsentStatement(ConsentPurpose.SHARING, fixtures.receiver, true));
            return null;
        });

        var records = byReference(body(export("json", true)));
        assertThat(records).containsOnlyKeys(pseudonym(fixtures.consenting), pseudonym(fixtures.child));
        var child = records.get(pseudonym(fixtures.child));
        assertThat(child.get("prs_FirstName").asString()).isEqualTo(fixtures.givenName("E"));
        assertThat(child.get("prs_Birthdate").isNull()).isTrue();
        assertThat(child.get("nrm_AgeBand").asString()).isEqualTo("9--17");
    }

    @Test
    void consentGivenAgainAfterAWithdrawalCoversTheReceiverAgain() throws Exception {
        SignedIn.run(
                Role.CASE_MANAGER,
                fixtures.office,
                () -> cases.giveConsent(
                        fixtures.withdrawn.caseId(),
                        null,
                        new ConsentStatement(ConsentPurpose.SHARING, fixtures.receiver, true)));

        mvc.perform(export("csv", true))
                .andExpect(status().isOk())
                .andExpect(header().string(HtcdsExportApi.INCLUDED, "2"))
                .andExpect(header().string(HtcdsExportApi.LEFT_OUT_WITHDRAWN, "0"));
    }

    @Test
    void consentToShareWithAnotherOrganisationDoesNotCoverTheReceiver() throws Exception {
        var toOther = get("/api/v1/exports/htcds")
                .param("region", fixtures.region)
                .param("receiver", fixtures.otherReceiver.toString())
                .param("identity", "true")
                .with(as(Role.COORDINATOR, fixtures.office));
        var records = json.readTree(body(toOther));

        assertThat(records.size()).isEqualTo(1);
        assertThat(records.get(0).get("prs_FirstName").asString()).isEqualTo(fixtures.givenName("B"));
    }

    /**
     * The fields HTCDS v2.0 marks Core (sheet Field_Standards, column "Core", read from the converted standard at test
     * time) that an export does not write, each with
     * the reason; every other Core field must be in the file. A Core field the platform starts to hold fails the test
     * until it is exported or its reason here changes.
     */
    static final Map<String, String> CORE_FIELDS_NOT_EXPORTED = Map.ofEntries(
            Map.entry("prs_Salutation", "not held"),
            Map.entry("prs_Title", "not held"),
            Map.entry("prs_Email", "contact details of the person are not held"),
            Map.entry("prs_HomePhone", "contact details of the person are not held"),
            Map.entry("prs_MobilePhone", "contact details of the person are not held"),
            Map.entry("prs_MailingCity", "the person's address is not held"),
            Map.entry("prs_MailingCountry", "the person's address is not held"),
            Map.entry("prs_MailingState", "the person's address is not held"),
            Map.entry("prs_MailingStreet", "the person's address is not held"),
            Map.entry("prs_MailingPostalCode", "the person's address is not held"),
            Map.entry(
                    "cas_CaseOwner",
                    "HTCDS: the case worker who created or manages the case; no case holds an owning worker, and a"
                            + " worker's identity is not shared (the owning organisation is the sending NRM)"),
            Map.entry("cas_ReferringPrimaryCaseWorker", "a worker's name: not shared"),
            Map.entry(
                    "cas_ReasonForIncomingReferral",
                    "not held: a referral into the NRM records no reason of this list"),
            Map.entry("cas_IncomingReferralDetails", "the circumstances, free text about the person: never exported"),
            Map.entry("cas_ReferredPrimaryCaseWorker", "a worker's name: not shared"),
            Map.entry(
                    "cas_ReasonForOutgoingReferral",
                    "a transfer's reason is free text, not one of the standard's three codes: never guessed"),
            Map.entry("cas_OutgoingReferralDetails", "free text: never exported"));

    @Test
    void everyCoreFieldOfHtcdsIsExportedOrHasAWrittenReasonWhyNot() throws Exception {
        var core = coreFields();
        // the sheet marks 40 fields Core, two of them DEPRECATED (vic_Vulnerabilities, vic_DetailsOfVulnerabilities)
        assertThat(core).hasSize(38).contains("vic_TypeOfSexExploitation", "cas_CaseOwner", "con_Consent");
        var records = json.readTree(body(export("json", true)));
        var exported = new TreeSet<String>();
        records.forEach(record -> exported.addAll(record.propertyNames()));
        var missing = new TreeSet<>(core);
        missing.removeAll(exported);
        assertThat(missing)
                .as("Core fields neither exported nor explained")
                .isEqualTo(CORE_FIELDS_NOT_EXPORTED.keySet());
        assertThat(exported).doesNotContainAnyElementsOf(CORE_FIELDS_NOT_EXPORTED.keySet());
    }

    @Test
    void everyFieldTheLayoutWritesIsAFieldOfTheHtcdsV2StandardOrOpenNrmsOwn() throws Exception {
        var standards = fieldStandards();
        for (var field : HtcdsLayout.FIELDS) {
            if (field.name().startsWith("nrm_") || field.name().equals(HtcdsLayout.EVENTS)) {
                continue;
            }
            assertThat(standards).as("HTCDS field " + field.name()).containsKey(field.name());
        }
        // the events' own fields
        assertThat(standards).containsKeys("hte_Type", "hte_Date", "hte_Country");
    }

    @Test
    void everyCodeOfACsvExportIsOneOfTheHtcdsV2FieldStandards() throws Exception {
        var standards = fieldStandards();
        try (var parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(body(export("csv", true))))) {
            var header = parser.getHeaderNames();
            var rows = parser.getRecords();
            assertThat(rows).isNotEmpty();
            for (String field : header) {
                if (field.startsWith("nrm_") || field.equals(HtcdsLayout.EVENTS)) {
                    continue;
                }
                assertThat(standards).as("HTCDS field " + field).containsKey(field);
                var codes = standards.get(field);
                if (codes.isEmpty()) {
                    continue;
                }
                for (CSVRecord row : rows) {
                    if (!row.get(field).isEmpty()) {
                        assertThat(codes)
                                .as(field)
                                .containsAll(List.of(row.get(field).split(";")));
                    }
                }
            }
            for (CSVRecord row : rows) {
                for (String event : row.get(HtcdsLayout.EVENTS).split(";")) {
                    if (!event.isEmpty()) {
                        assertThat(standards.get("hte_Type")).contains(event.split(":", -1)[0]);
                    }
                }
            }
        }
    }

    @Test
    void everyFieldAndCodeOfAnExportIsOneOfTheHtcdsV2FieldStandards() throws Exception {
        var standards = fieldStandards();
        var records = json.readTree(body(export("json", false)));
        Set<String> countries = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

        for (JsonNode record : records) {
            for (String field : record.propertyNames()) {
                if (field.startsWith("nrm_") || field.equals(HtcdsLayout.EVENTS)) {
                    continue;
                }
                assertThat(standards).as("HTCDS field " + field).containsKey(field);
                var codes = standards.get(field);
                if (codes.isEmpty()) {
                    continue;
                }
                var value = record.get(field);
                var values = new ArrayList<String>();
                if (value.isArray()) {
                    value.forEach(item -> values.add(item.asString()));
                } else if (!value.isNull()) {
                    values.add(value.asString());
                }
                assertThat(codes).as(field).containsAll(values);
            }
            record.get("prs_Citizenship").forEach(code -> assertThat(countries).contains(code.asString()));
            record.get("vic_LocationOfRecruitment")
                    .forEach(code -> assertThat(countries).contains(code.asString()));
            record.get("vic_LocationOfExploitation")
                    .forEach(code -> assertThat(countries).contains(code.asString()));
            for (String language : List.of("prs_PrimaryLanguage", "prs_SecondaryLanguage")) {
                if (!record.get(language).isNull()) {
                    // ISO 639-2: three lower-case letters
                    assertThat(record.get(language).asString()).as(language).matches("[a-z]{3}");
                }
            }
            for (JsonNode event : record.get(HtcdsLayout.EVENTS)) {
                assertThat(standards.get("hte_Type"))
                        .contains(event.get("hte_Type").asString());
                assertThat(countries).contains(event.get("hte_Country").asString());
            }
        }

        var byReference = byReference(records.toString());
        var identified = byReference.get(pseudonym(fixtures.consenting));
        assertThat(identified.get("vic_TraffickingStatus").asString()).isEqualTo("ActualVictimOfTrafficking");
        assertThat(identified.get("vic_TraffickingStatusDecisionMakingOrg").asString())
                .isEqualTo("NonPoliceGovernmentalOrganization");
        assertThat(identified.get("cas_Status").asString()).isEqualTo("Active");
        assertThat(identified.get("prs_Gender").asString()).isEqualTo("Feminine");
        // the person's order, not the alphabet's: recorded Russian first, then Romanian
        assertThat(identified.get("prs_PrimaryLanguage").asString()).isEqualTo("rus");
        assertThat(identified.get("prs_SecondaryLanguage").asString()).isEqualTo("ron");
        assertThat(identified.get("vic_ForcedLabourIndustry").get(0).asString()).isEqualTo("F_Construction");
        assertThat(identified.get("cas_ReferringOrganisation").asString()).isEqualTo("Outreach " + fixtures.tag);
        assertThat(byReference
                        .get(pseudonym(fixtures.consentingElsewhere))
                        .get("vic_TraffickingStatus")
                        .asString())
                .isEqualTo("NotAVictimOfTrafficking");
        assertThat(byReference
                        .get(pseudonym(fixtures.child))
                        .get("vic_TraffickingStatus")
                        .asString())
                .isEqualTo("PossibleVictimOfTrafficking");
        assertThat(byReference.get(pseudonym(fixtures.closed)).get("cas_Status").asString())
                .isEqualTo("ClosedReferred");
        assertThat(byReference
                        .get(pseudonym(fixtures.child))
                        .get("nrm_AgeCategory")
                        .asString())
                .isEqualTo("CHILD");
    }

    @Test
    void theTypesOfSexualExploitationOfTheProfileAreExportedAsHtcdsCodesInJsonAndCsv() throws Exception {
        var records = json.readTree(body(export("json", false)));
        var types = new java.util.HashMap<String, List<String>>();
        records.forEach(record -> {
            var codes = new java.util.ArrayList<String>();
            record.get("vic_TypeOfSexExploitation").forEach(code -> codes.add(code.asString()));
            types.put(record.get("nrm_CaseReference").asString(), codes);
        });
        assertThat(types.get(pseudonym(fixtures.child)))
                .containsExactlyInAnyOrder("Pornography", "RemoteInteractiveServices");
        assertThat(types.get(pseudonym(fixtures.consenting))).isEmpty();

        try (var parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(body(export("csv", false))))) {
            var row = parser.getRecords().stream()
                    .filter(found -> found.get("nrm_CaseReference").equals(pseudonym(fixtures.child)))
                    .findFirst()
                    .orElseThrow();
            assertThat(Set.of(row.get("vic_TypeOfSexExploitation").split(";")))
                    .containsExactlyInAnyOrder("Pornography", "RemoteInteractiveServices");
        }
    }

    @Autowired
    org.opennrm.referrals.ServiceReferrals serviceReferrals;

    @Test
    void aCaseHandedToAnotherOrganisationIsExportedWithItsOutgoingReferralAndNoReason() throws Exception {
        var shelter =
                organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        SignedIn.as(
                Role.CASE_MANAGER,
                fixtures.office,
                () -> serviceReferrals.transfer(
                        fixtures.consenting.caseId(), shelter, "Moved to the shelter's region for safety"));
        String body = body(export("json", false));
        var byReference = byReference(body);
        var handed = byReference.get(pseudonym(fixtures.consenting));
        assertThat(handed.get("cas_ReferredOrganisation").asString()).isEqualTo("Safe Harbour Shelter");
        assertThat(handed.get("cas_OutgoingReferralDate").asString())
                .isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        assertThat(byReference
                        .get(pseudonym(fixtures.child))
                        .get("cas_ReferredOrganisation")
                        .isNull())
                .isTrue();
        // the transfer's reason is free text about the person: never in the file
        assertThat(body).doesNotContain("shelter's region");
    }

    @Test
    void csvIsReadBackByApacheCommonsCsvWithOneRowPerCaseAndSeveralCodesSeparatedBySemicolons() throws Exception {
        String body = body(export("csv", false));
        List<CSVRecord> rows;
        List<String> header;
        try (var parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(body))) {
            rows = parser.getRecords();
            header = parser.getHeaderNames();
        }

        assertThat(rows).hasSize(5);
        assertThat(header)
                .startsWith("nrm_CaseReference", "cas_Status")
                .contains("vic_TypeOfExploitation", HtcdsLayout.EVENTS)
                .doesNotContain("prs_FirstName", "prs_SecondName", "prs_Birthdate");
        for (String name : fixtures.names()) {
            assertThat(body).doesNotContain(name);
        }
        var row = rows.stream()
                .filter(found -> found.get("nrm_CaseReference").equals(pseudonym(fixtures.consenting)))
                .findFirst()
                .orElseThrow();
        assertThat(row.size()).isEqualTo(header.size());
        assertThat(Set.of(row.get("vic_MethodsOfControl").split(";")))
                .containsExactlyInAnyOrder("DebtBondage", "WithholdsDocuments");
        assertThat(Arrays.asList(row.get(HtcdsLayout.EVENTS).split(";")))
                .containsExactly("Recruitment:2025-09-02:MDA", "Transit::ROU", "Exploitation::DEU");
        assertThat(row.get("con_Consent")).isEqualTo("true");
        assertThat(row.get("prs_Citizenship")).isEqualTo("MDA");
    }

    @Test
    void anIdentifyingCsvHasTheIdentityColumnsForTheConsentingCaseOnly() throws Exception {
        String body = body(export("csv", true));
        try (var parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(body))) {
            var rows = parser.getRecords();
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get("prs_FirstName")).isEqualTo(fixtures.givenName("A"));
            assertThat(rows.get(0).get("prs_Birthdate")).isEqualTo("1990-02-14");
        }
    }

    @Test
    void pseudonymsStayTheSameForAReceiverAndDifferFromOneReceiverToAnother() throws Exception {
        var first = byReference(body(export("json", false))).keySet();
        var second = byReference(body(export("json", false))).keySet();
        var other = byReference(body(get("/api/v1/exports/htcds")
                        .param("region", fixtures.region)
                        .param("receiver", fixtures.otherReceiver.toString())
                        .with(as(Role.CASE_MANAGER, fixtures.office))))
                .keySet();

        assertThat(first).hasSize(5).isEqualTo(second);
        assertThat(other).hasSize(5).doesNotContainAnyElementsOf(first);
    }

    @Test
    void everyExportIsAuditedWithItsOptionsAndCountsAndEachIdentifiedCaseAsARead() throws Exception {
        body(export("csv", true));

        var detail = jdbc.sql("""
                        select detail from access.audit_entry where action = 'HTCDS_EXPORT' and detail like :receiver
                        order by id desc limit 1""")
                .param("receiver", "%receiver=" + fixtures.receiver + "%")
                .query(String.class)
                .single();
        assertThat(detail)
                .contains("format=CSV", "identity=true", "region=" + fixtures.region)
                .contains(
                        "included=1",
                        "leftOut.consentWithdrawn=1",
                        "leftOut.noSharingConsent=2",
                        "leftOut.caseClosed=1");
        for (String name : fixtures.names()) {
            assertThat(detail).doesNotContain(name);
        }
        assertThat(reads(fixtures.consenting)).hasSize(1);
        assertThat(reads(fixtures.withdrawn)).isEmpty();
        assertThat(reads(fixtures.child)).isEmpty();
    }

    @Test
    void aPseudonymousExportIsOneAuditEntryAndNoReadOfAnyCase() throws Exception {
        long before = exportEntries();
        body(export("json", false));

        assertThat(exportEntries()).isEqualTo(before + 1);
        for (var opened : fixtures.all()) {
            assertThat(reads(opened)).isEmpty();
        }
    }

    long exportEntries() {
        return jdbc.sql("select count(*) from access.audit_entry where action = 'HTCDS_EXPORT' and detail like :r")
                .param("r", "%receiver=" + fixtures.receiver + "%")
                .query(Long.class)
                .single();
    }

    List<String> reads(OpenedCase opened) {
        return jdbc.sql("""
                        select detail from access.audit_entry
                        where action = 'READ' and record_type = 'case' and record_id = :id and detail like 'htcds export%'""")
                .param("id", opened.caseId().toString())
                .query(String.class)
                .list();
    }

    @Test
    void badOptionsAreProblemsThatNameTheRule() throws Exception {
        String receiver = fixtures.receiver.toString();
        problem(get("/api/v1/exports/htcds").param("format", "xml").param("receiver", receiver), "json or csv");
        problem(get("/api/v1/exports/htcds").param("from", "2026-13-01").param("receiver", receiver), "dates such as");
        problem(
                get("/api/v1/exports/htcds")
                        .param("from", "2026-03-01")
                        .param("to", "2026-02-01")
                        .param("receiver", receiver),
                "ends before it starts");
        problem(get("/api/v1/exports/htcds").param("status", "ARCHIVED").param("receiver", receiver), "OPEN or CLOSED");
        problem(
                get("/api/v1/exports/htcds")
                        .param("region", "Nowhere " + fixtures.tag)
                        .param("receiver", receiver),
                "serves this region");
        problem(get("/api/v1/exports/htcds"), "receiving organisation");
        problem(
                get("/api/v1/exports/htcds")
                        .param("receiver", java.util.UUID.randomUUID().toString()),
                "receiving organisation");
        problem(get("/api/v1/exports/htcds").param("identity", "maybe").param("receiver", receiver), "identity");
        // only true or false: an identifying file is never made on a guess
        for (String loose : new String[] {"yes", "on", "TRUE", "1"}) {
            problem(get("/api/v1/exports/htcds").param("identity", loose).param("receiver", receiver), "identity");
        }
    }

    void problem(MockHttpServletRequestBuilder request, String detail) throws Exception {
        mvc.perform(request.with(as(Role.CASE_MANAGER, fixtures.office)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:opennrm:problem:HtcdsExportInvalid"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(detail)));
    }

    @Test
    void onlyTheNrmsCaseManagersAndTheCoordinatorMayExport() throws Exception {
        for (Role role :
                List.of(Role.REFERRER, Role.STATISTICIAN, Role.SERVICE_PROVIDER, Role.IDENTIFICATION_OFFICER)) {
            mvc.perform(get("/api/v1/exports/htcds")
                            .param("receiver", fixtures.receiver.toString())
                            .with(as(role, fixtures.office)))
                    .andExpect(status().isForbidden());
        }
    }

    /** The HTCDS v2.0 fields with their picklist values (empty when the field has none), from the test oracle. */
    /** The converted field standard (see its header for the source): status, core, name, type, value names. */
    static final String FIELD_STANDARDS = "/htcds/htcds-v2.0-field-standards.tsv";

    static List<String[]> fieldStandardRows() throws IOException {
        try (InputStream in = HtcdsExportTests.class.getResourceAsStream(FIELD_STANDARDS)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", -1))
                    .filter(parts -> !parts[0].equals("DEPRECATED"))
                    .toList();
        }
    }

    /**
     * Every field of HTCDS v2.0 that is not deprecated, with its picklist value names; none for a field whose
     * values are an ISO standard's (the sheet says "Use ISO 3166 ..." or "Use ISO 639-2 ..." there), which the
     * tests check on their own.
     */
    static Map<String, Set<String>> fieldStandards() throws IOException {
        return fieldStandardRows().stream()
                .collect(Collectors.toMap(
                        parts -> parts[2],
                        parts -> parts[4].isBlank() || parts[4].startsWith("Use ISO")
                                ? Set.of()
                                : new TreeSet<>(Arrays.asList(parts[4].split(" ")))));
    }

    /** The fields HTCDS v2.0 marks Core (column "Core"), not deprecated. */
    static Set<String> coreFields() throws IOException {
        return fieldStandardRows().stream()
                .filter(parts -> parts[1].equals("Core"))
                .map(parts -> parts[2])
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
