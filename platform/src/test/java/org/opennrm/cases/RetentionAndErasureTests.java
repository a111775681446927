package org.opennrm.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.EventsDelivered;
import org.opennrm.PlatformTest;
import org.opennrm.access.AuditVerification;
import org.opennrm.access.EncryptedColumn;
import org.opennrm.access.IdentityProtection;
import org.opennrm.access.Role;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Erasure of a person's case and the retention job, checked on the database rows themselves: identity and free text
 * gone from every encrypted column of the case, the audit chain still verifying, statistics facts unchanged, a legal
 * hold refusing with a clear problem; the job removing what is due and nothing else, audited.
 */
@PlatformTest
class RetentionAndErasureTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseManagement cases;

    @Autowired
    Retention retention;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    IdentityProtection protection;

    @Autowired
    List<EncryptedColumn> columns;

    @Autowired
    AuditVerification verification;

    private UUID office() {
        return organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
    }

    private OpenedCase openCase() {
        return cases.openFor(office(), UUID.randomUUID(), CaseFixtures.adultReferral(office()));
    }

    @Test
    void erasureRemovesIdentityAndFreeTextKeepsStatisticsAndTheAuditChain() throws Exception {
        var opened = openCase();
        UUID id = opened.caseId().value();
        EventsDelivered.await(jdbc);
        assertThat(clearValuesOf(id)).contains("Testa", "Example", "Met during a construction site inspection.");
        String factsBefore = facts();

        mvc.perform(post("/api/v1/cases/{id}/erasure", id).with(as(Role.COORDINATOR, office())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valuesRemoved").isNumber());

        // every encrypted column of the case, in every module: nothing left that says anything
        assertThat(clearValuesOf(id)).isEmpty();
        assertThat(jdbc.sql("select count(*) from linkage.person_encoding where case_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        // nor the name search's buckets of the erased names
        assertThat(jdbc.sql("""
                                select count(*) from cases.person_name_word w join cases.case_file c
                                on c.person_id = w.person_id where c.id = ?""").param(id).query(Long.class).single()).isZero();
        // the case stays, with its reference and codes, marked erased
        assertThat(jdbc.sql("select reference from cases.case_file where id = ? and erased_at is not null")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo(opened.reference());
        EventsDelivered.await(jdbc);
        assertThat(facts()).as("statistics facts unchanged").isEqualTo(factsBefore);
        var report = verification.verify();
        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(jdbc.sql("select count(*) from access.audit_entry where action = 'ERASED' and record_id = ?")
                        .param(id.toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the case page of an erased case still opens, without identity
        var file = SignedIn.as(Role.COORDINATOR, office(), () -> cases.read(opened.caseId()));
        assertThat(file.details().reference()).isEqualTo(opened.reference());
        assertThat(file.person().givenName()).isNullOrEmpty();

        // erased once only
        mvc.perform(post("/api/v1/cases/{id}/erasure", id).with(as(Role.COORDINATOR, office())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aLegalHoldRefusesErasureWithAClearProblem() throws Exception {
        var opened = openCase();
        UUID id = opened.caseId().value();
        mvc.perform(put("/api/v1/cases/{id}/legal-hold", id).with(as(Role.COORDINATOR, office())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.onHold").value(true));

        mvc.perform(post("/api/v1/cases/{id}/erasure", id).with(as(Role.COORDINATOR, office())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:opennrm:problem:ErasureRefused"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("legal hold")));
        assertThat(clearValuesOf(id)).contains("Testa");

        // people without the permission may do neither
        mvc.perform(post("/api/v1/cases/{id}/erasure", id).with(as(Role.CASE_MANAGER, office())))
                .andExpect(status().isForbidden());
    }

    @Test
    void anErasureRefusedOnTheCasePageSaysWhyInTheReadersLanguage() throws Exception {
        UUID id = openCase().caseId().value();
        mvc.perform(post("/cases/{id}/erase", id)
                        .with(as(Role.COORDINATOR, office()))
                        .with(csrf())
                        .param("confirm", "true"))
                .andExpect(flash().attribute("flash", "caseErasure.erased"));
        // a second erasure (a form sent twice) is refused with its own reason, not a guess between two
        mvc.perform(post("/cases/{id}/erase", id)
                        .with(as(Role.COORDINATOR, office()))
                        .with(csrf())
                        .param("confirm", "true"))
                .andExpect(flash().attribute("flash", "caseErasure.refused.alreadyErased"));
        // which the case page shows (#flash) in the reader's words; the API says it in English
        assertThat(messages.getMessage("caseErasure.refused.alreadyErased", null, Locale.FRENCH))
                .isEqualTo("Ce dossier a déjà été effacé.");
        mvc.perform(post("/api/v1/cases/{id}/erasure", id).with(as(Role.COORDINATOR, office())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("This case was erased already."));
    }

    @Test
    void theRetentionJobRemovesWhatIsDueAndNothingElseAndIsAudited() {
        Instant now = Instant.now();
        var settings = retention.settings();
        Instant longAgo = OffsetDateTime.now(ZoneOffset.UTC)
                .minus(settings.closedCase())
                .minusDays(1)
                .toInstant();
        var due = openCase();
        var recent = openCase();
        var held = openCase();
        var open = openCase();
        close(due.caseId().value(), longAgo);
        close(held.caseId().value(), longAgo);
        close(recent.caseId().value(), now.minus(Duration.ofDays(30)));
        jdbc.sql("update cases.case_file set legal_hold_since = now() where id = ?")
                .param(held.caseId().value())
                .update();
        // an open case opened long ago is never due
        jdbc.sql("update cases.case_file set opened_at = ? where id = ?")
                .param(Timestamp.from(longAgo))
                .param(open.caseId().value())
                .update();

        UUID oldNotification = notification(OffsetDateTime.now(ZoneOffset.UTC)
                .minus(settings.anonymousNotification())
                .minusDays(1)
                .toInstant());
        UUID newNotification = notification(now);
        Instant oldScreening = OffsetDateTime.now(ZoneOffset.UTC)
                .minus(settings.screeningWithoutReferral())
                .minusDays(1)
                .toInstant();
        UUID unreferred = screening(oldScreening);
        UUID referred = screening(oldScreening);
        jdbc.sql("update cases.case_file set screening_id = ? where id = ?")
                .param(referred)
                .param(open.caseId().value())
                .update();
        UUID recentScreening = screening(now);
        UUID oldList = upload(now.minus(settings.linkageUpload().getDays() + 1, java.time.temporal.ChronoUnit.DAYS));
        UUID newList = upload(now);

        var applied = retention.apply(now);

        assertThat(applied.closedCasesErased()).isGreaterThanOrEqualTo(1);
        assertThat(erased(due)).isTrue();
        assertThat(clearValuesOf(due.caseId().value())).isEmpty();
        assertThat(erased(recent)).isFalse();
        assertThat(erased(held)).isFalse();
        assertThat(clearValuesOf(held.caseId().value())).contains("Testa");
        assertThat(erased(open)).isFalse();
        assertThat(exists("cases.anonymous_notification", oldNotification)).isFalse();
        assertThat(exists("cases.anonymous_notification", newNotification)).isTrue();
        assertThat(exists("screening.screening", unreferred)).isFalse();
        assertThat(exists("screening.screening", referred)).isTrue();
        assertThat(exists("screening.screening", recentScreening)).isTrue();
        assertThat(uploadRemoved(oldList)).isTrue();
        assertThat(uploadRemoved(newList)).isFalse();

        var entry = jdbc.sql("""
                        select detail from access.audit_entry where action = 'RETENTION_APPLIED'
                        order by recorded_at desc limit 1""").query(String.class).single();
        assertThat(entry)
                .contains("closed-cases-erased=" + applied.closedCasesErased())
                .contains("screenings=" + applied.screenings());
        assertThat(verification.verify().intact()).isTrue();
    }

    /** The clear text of every encrypted value of the case, in every module (empty ones left out). */
    private List<String> clearValuesOf(UUID caseId) {
        UUID personId = jdbc.sql("select person_id from cases.case_file where id = ?")
                .param(caseId)
                .query(UUID.class)
                .single();
        var values = new java.util.ArrayList<String>();
        for (var column : columns) {
            String where;
            UUID key = caseId;
            if (column.table().equals("cases.person")) {
                where = "id = ?";
                key = personId;
            } else if (column.table().equals("cases.case_file")) {
                where = "id = ?";
            } else if (hasCaseId(column.table())) {
                where = "case_id = ?";
            } else {
                continue;
            }
            var rows = jdbc.sql("select " + column.idColumn() + "::text as row_id, " + column.column()
                            + " as value from " + column.table() + " where " + where)
                    .param(key)
                    .query((row, n) -> new String[] {row.getString("row_id"), row.getString("value")})
                    .list();
            for (String[] row : rows) {
                if (row[1] != null) {
                    String clear = protection.decrypt(row[1], column.contextPrefix() + row[0]);
                    if (!clear.isEmpty()) {
                        values.add(clear);
                    }
                }
            }
        }
        return values;
    }

    private boolean hasCaseId(String table) {
        String[] parts = table.split("\\.");
        return jdbc.sql("""
                        select count(*) from information_schema.columns
                        where table_schema = ? and table_name = ? and column_name = 'case_id'""").param(parts[0]).param(parts[1]).query(Long.class).single() > 0;
    }

    private String facts() {
        return jdbc.sql("select count(*) || ':' || coalesce(md5(string_agg(f::text, ',' order by id)), '')"
                        + " from statistics.fact f")
                .query(String.class)
                .single();
    }

    private void close(UUID caseId, Instant at) {
        jdbc.sql("update cases.case_file set status = 'CLOSED', closed_at = ? where id = ?")
                .param(Timestamp.from(at))
                .param(caseId)
                .update();
    }

    private boolean erased(OpenedCase opened) {
        return jdbc.sql("select erased_at is not null from cases.case_file where id = ?")
                .param(opened.caseId().value())
                .query(Boolean.class)
                .single();
    }

    private boolean exists(String table, UUID id) {
        return jdbc.sql("select count(*) from " + table + " where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private UUID notification(Instant recordedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into cases.anonymous_notification (id, notified_on, recorded_at, organisation_id)
                        values (?, current_date, ?, ?)""")
                .param(id)
                .param(Timestamp.from(recordedAt))
                .param(office())
                .update();
        return id;
    }

    private UUID screening(Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into screening.screening (id, checklist, checklist_version, catalogue_version,
                            rule_version, rule_verification, age_group, answers, result, suggestion, screened_by,
                            organisation_id, screened_at)
                        values (?, 'test', '1', '1', '1', 'VERIFIED', 'ADULT', '{}'::jsonb, '{}'::jsonb, 'NONE', ?, ?, ?)""")
                .param(id)
                .param(UUID.randomUUID())
                .param(office())
                .param(Timestamp.from(at))
                .update();
        return id;
    }

    private UUID upload(Instant at) {
        UUID run = UUID.randomUUID();
        jdbc.sql("""
                        insert into linkage.run (id, name, threshold, merge_within_lists, status, created_at)
                        values (?, ?, 0.9, false, 'DRAFT', ?)""")
                .param(run)
                .param("retention test " + run)
                .param(Timestamp.from(at))
                .update();
        UUID list = UUID.randomUUID();
        jdbc.sql("""
                        insert into linkage.run_list (id, run_id, position, label, records, encodings, uploaded_at)
                        values (?, ?, 0, 'list', 1, ?, ?)""")
                .param(list)
                .param(run)
                .param(protection.encrypt("synthetic encodings", encodingsContext() + list))
                .param(Timestamp.from(at))
                .update();
        return list;
    }

    /** The context the linkage module encrypts an uploaded list under (declared by its EncryptedColumn). */
    private String encodingsContext() {
        return columns.stream()
                .filter(c -> c.table().equals("linkage.run_list") && c.column().equals("encodings"))
                .findFirst()
                .orElseThrow()
                .contextPrefix();
    }

    private boolean uploadRemoved(UUID list) {
        return jdbc.sql("select encodings is null from linkage.run_list where id = ?")
                .param(list)
                .query(Boolean.class)
                .single();
    }
}
