package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.opennrm.access.EncryptedColumn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A dump of the database shows nothing written about a person: every text column of the schemas that hold persons'
 * records is either encrypted (a declared {@link EncryptedColumn}, so that key rotation covers it) or on this short
 * list of codes, ids and states, each with its reason. A new text column fails this test until it is one or the other.
 */
@PlatformTest
class EncryptedAtRestTests {

    static final List<String> SCHEMAS = List.of("cases", "referrals", "assistance", "linkage");

    /** Columns that hold codes, references, states or ids, never text about a person. */
    static final Map<String, String> NOT_ABOUT_A_PERSON = Map.ofEntries(
            Map.entry("cases.case_file.reference", "the NRM reference, a number"),
            Map.entry("cases.case_file.status", "code"),
            Map.entry("cases.case_file.stage", "code"),
            Map.entry("cases.case_file.age_category", "code"),
            Map.entry("cases.case_file.next_due_kind", "code"),
            Map.entry("cases.case_file.exploitation_forms", "HTCDS codes"),
            Map.entry("cases.case_file.methods_of_control", "HTCDS codes"),
            Map.entry("cases.case_file.sectors", "HTCDS codes"),
            Map.entry("cases.case_file.recruitment_methods", "HTCDS codes"),
            Map.entry("cases.case_file.recruitment_platforms", "HTCDS codes"),
            Map.entry("cases.case_file.sexual_exploitation_types", "HTCDS codes"),
            Map.entry("cases.case_file.recruiter_relationship", "HTCDS code"),
            Map.entry("cases.case_file.recruitment_countries", "ISO country codes"),
            Map.entry("cases.case_file.transit_countries", "ISO country codes"),
            Map.entry("cases.case_file.exploitation_countries", "ISO country codes"),
            Map.entry("cases.case_file.vulnerabilities", "codes"),
            Map.entry("cases.case_file.closure_reason", "code"),
            Map.entry("cases.consent.purpose", "code"),
            Map.entry("cases.decision.kind", "code"),
            Map.entry("cases.decision.outcome", "code"),
            Map.entry("cases.review.outcome", "code"),
            Map.entry("cases.timeline_event.type", "HTCDS code"),
            Map.entry("cases.case_note.kind", "code: note or contact"),
            Map.entry("cases.case_note.channel", "code: how a contact took place"),
            Map.entry("cases.case_document.kind", "code: evidence, interview notes, consent form"),
            Map.entry("cases.deadline_reminder.due_kind", "code: which decision falls due"),
            Map.entry("cases.case_document.media_type", "code: the file type read from its bytes"),
            Map.entry("cases.case_document_part.part_key", "the document's id and the part's position"),
            Map.entry("cases.timeline_event.country", "ISO country code"),
            Map.entry("cases.national_code.list", "name of a code list"),
            Map.entry("cases.national_code.code", "a national code the NRM added to a list"),
            Map.entry("cases.national_code.parent", "the standard code it maps to"),
            Map.entry("cases.code_list_version.list", "name of a code list"),
            Map.entry("cases.code_list_version.change", "code: ADDED or RETIRED"),
            Map.entry("cases.code_list_version.code", "the national code added or retired"),
            Map.entry("cases.age_assessment.outcome", "code"),
            Map.entry("cases.anonymous_notification.gender", "HTCDS code"),
            Map.entry("cases.anonymous_notification.age_group", "code"),
            Map.entry("cases.anonymous_notification.nationality", "ISO country code"),
            Map.entry("cases.anonymous_notification.exploitation_forms", "HTCDS codes"),
            Map.entry("cases.criminal_justice_track.status", "code"),
            Map.entry("cases.criminal_justice_track.cooperation", "code"),
            Map.entry(
                    "cases.exchange_secret.secret",
                    "emptied at every start: the secret behind exchange pseudonyms lives in its key file"
                            + " (ExchangeSecret); the table stays so that an earlier installation's secret can move out"),
            Map.entry("referrals.referral.case_reference", "the NRM reference"),
            Map.entry("referrals.service_referral.case_reference", "the NRM reference"),
            Map.entry("referrals.service_referral.scopes", "codes"),
            Map.entry("referrals.service_referral.override_ground", "code"),
            Map.entry("referrals.service_referral.status", "code"),
            Map.entry("referrals.cross_border_package.sender_country", "ISO country code"),
            Map.entry("referrals.cross_border_package.sender_reference", "the sending NRM's reference"),
            Map.entry(
                    "referrals.cross_border_package.contents",
                    "a received package as signed (minimum data, no name), kept verbatim so its signature can be"
                            + " checked again"),
            Map.entry("referrals.cross_border_package.status", "code"),
            Map.entry("referrals.cross_border_notice.outcome", "code"),
            Map.entry("referrals.cross_border_sent.case_reference", "this NRM's reference of the case sent"),
            Map.entry("referrals.cross_border_sent.receiver_country", "ISO country code"),
            Map.entry("referrals.cross_border_sent.outcome", "code"),
            Map.entry("assistance.need.area", "code"),
            Map.entry("assistance.need.level", "code"),
            Map.entry("assistance.need.need_key", "the case id and area code"),
            Map.entry("assistance.plan_item.kind", "code"),
            Map.entry("assistance.service.type", "code"),
            Map.entry(
                    "assistance.service.result",
                    "code: a permit, claim or return result (GRANTED, AWARDED, RISKS_ASSESSED ...)"),
            Map.entry("assistance.closure.solution", "code"),
            Map.entry("assistance.closure.feedback_language", "language code"),
            Map.entry("assistance.closure.feedback", "coded answers (question=answer codes), no text"),
            Map.entry("linkage.person_encoding.case_reference", "the NRM reference"),
            Map.entry("linkage.possible_duplicate.status", "code"),
            Map.entry("linkage.possible_duplicate.basis", "code: DICE or MODEL"),
            Map.entry(
                    "linkage.duplicate_sweep.not_estimated",
                    "the linkage library's reason the field model could not be estimated: counts, never a value"),
            Map.entry("linkage.run.name", "the name of a linkage run, chosen by a statistician; about no person"),
            Map.entry("linkage.run.status", "code"),
            Map.entry("linkage.run.model", "code: FIELD or RECORD"),
            Map.entry(
                    "linkage.run_quality.note",
                    "the linkage library's reason the field model could not be estimated on a list: counts and"
                            + " field names, never a value"),
            Map.entry(
                    "linkage.run.model_fallback",
                    "the linkage library's reason the field model could not be estimated: counts and field names,"
                            + " never a value"),
            Map.entry("linkage.run_list.label", "the agency list's label (\"police 2025\"); about no person"),
            Map.entry("linkage.run_overlap.combination", "which lists, as 0 and 1"));

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<EncryptedColumn> encrypted;

    @Autowired
    org.opennrm.access.IdentityProtection protection;

    @Autowired
    org.opennrm.cases.CaseManagement cases;

    @Autowired
    org.opennrm.referrals.ServiceReferrals serviceReferrals;

    @Autowired
    org.opennrm.organisations.OrganisationRegistry organisations;

    @Test
    void everyTextColumnAboutAPersonIsEncryptedOrOnTheListOfCodes() {
        List<String> textColumns =
                jdbc.sql("""
                        select table_schema || '.' || table_name || '.' || column_name
                        from information_schema.columns
                        where table_schema in (:schemas)
                          and (data_type in ('text', 'character varying', 'character')
                               or (data_type = 'ARRAY' and udt_name in ('_text', '_varchar', '_bpchar')))
                        """).param("schemas", SCHEMAS).query(String.class).list();
        Set<String> declared = new TreeSet<>();
        encrypted.forEach(column -> declared.add(column.table() + "." + column.column()));

        assertThat(textColumns).hasSizeGreaterThan(40);
        Set<String> neither = new TreeSet<>(textColumns);
        neither.removeAll(declared);
        neither.removeAll(NOT_ABOUT_A_PERSON.keySet());
        assertThat(neither).as("text columns neither encrypted nor codes").isEmpty();
        // and the list names no column that has gone, or that is encrypted after all
        assertThat(textColumns).containsAll(NOT_ABOUT_A_PERSON.keySet());
        assertThat(declared).doesNotContainAnyElementsOf(NOT_ABOUT_A_PERSON.keySet());
    }

    @Test
    void everyValueOfAnEncryptedColumnIsACiphertextOfItsRowAndTheMigrationsRan() {
        // at least one referral to services with a purpose and a decline reason in the database
        var office = organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        var hospital =
                organisations.findByName("Central Hospital").orElseThrow().id();
        var caseId = org.opennrm.cases.SignedIn.as(
                        org.opennrm.access.Role.REFERRER,
                        hospital,
                        () -> cases.open(org.opennrm.cases.CaseFixtures.adultReferral(hospital)))
                .caseId();
        var sent = org.opennrm.cases.SignedIn.as(
                org.opennrm.access.Role.CASE_MANAGER,
                office,
                () -> serviceReferrals.send(
                        caseId,
                        new org.opennrm.referrals.ServiceReferralRequest(
                                hospital,
                                "Dental care for Testa",
                                Set.of(org.opennrm.cases.SharingScope.IDENTITY_BASIC),
                                null,
                                null,
                                null)));
        org.opennrm.cases.SignedIn.run(
                org.opennrm.access.Role.SERVICE_PROVIDER,
                hospital,
                () -> serviceReferrals.decline(sent.id(), "No dentist until March"));

        long checked = 0;
        for (EncryptedColumn column : encrypted) {
            var rows = jdbc.sql("select " + column.idColumn() + ", " + column.column() + " from " + column.table()
                            + " where " + column.column() + " is not null")
                    .query((rs, n) -> new Object[] {rs.getObject(1), rs.getString(2)})
                    .list();
            for (Object[] row : rows) {
                assertThat(protection.decrypt((String) row[1], column.contextOf(row[0])))
                        .as(column + " " + row[0])
                        .isNotNull();
                checked++;
            }
        }
        assertThat(checked).isPositive();
        assertThat(jdbc.sql("select purpose from referrals.service_referral where id = ?")
                        .param(sent.id())
                        .query(String.class)
                        .single())
                .doesNotContain("Testa");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where version in ('440', '520', '602')"
                                + " and success")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }
}
