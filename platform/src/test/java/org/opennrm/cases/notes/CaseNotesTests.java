package org.opennrm.cases.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseRuleViolation;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Notes and contacts of a case: stored encrypted (the text is nowhere in clear in the database), read back only by
 * NRM staff and logged as a read of the case, refused with a clear reason when incomplete, never half-written.
 */
@PlatformTest
class CaseNotesTests {

    @Autowired
    CaseNotes notes;

    @Autowired
    CaseManagement cases;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    JdbcClient jdbc;

    UUID office;
    CaseId caseId;

    @BeforeEach
    void aCase() {
        var inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        var shelter =
                organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        office = organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        caseId = SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.adultReferral(shelter)))
                .caseId();
    }

    @Test
    void aContactIsStoredEncryptedAndReadBackAsALoggedReadOfTheCase() {
        var secret = "Called her; safe at her sister's place " + UUID.randomUUID();
        var saved = SignedIn.as(
                Role.CASE_MANAGER,
                office,
                () -> notes.add(
                        caseId,
                        new NewNote(
                                NoteKind.CONTACT,
                                ContactChannel.PHONE,
                                LocalDate.now().minusDays(1),
                                secret)));
        SignedIn.as(
                Role.CASE_MANAGER,
                office,
                () -> notes.add(
                        caseId,
                        new NewNote(NoteKind.NOTE, ContactChannel.VISIT, null, "Asked for a female interpreter.")));

        long before = readsOfCase();
        var listed = SignedIn.as(Role.CASE_MANAGER, office, () -> notes.of(caseId));
        assertThat(readsOfCase()).isEqualTo(before + 1);
        assertThat(listed).hasSize(2);
        assertThat(listed.getFirst().text()).isEqualTo("Asked for a female interpreter.");
        assertThat(listed.getFirst().channel()).as("a note has no channel").isNull();
        assertThat(listed.get(1).id()).isEqualTo(saved.id());
        assertThat(listed.get(1).text()).isEqualTo(secret);

        var stored = jdbc.sql("select text from cases.case_note where id = :id")
                .param("id", saved.id())
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain("sister").isNotEqualTo(secret);
        assertThat(listed.toString()).doesNotContain("sister");
    }

    @Test
    void incompleteNotesAreRefusedAndNothingIsWritten() {
        long before = notesOfCase();
        assertThatThrownBy(() -> SignedIn.as(
                        Role.CASE_MANAGER,
                        office,
                        () -> notes.add(caseId, new NewNote(NoteKind.CONTACT, null, null, "Called."))))
                .isInstanceOfSatisfying(CaseRuleViolation.class, e -> assertThat(e.messageKey())
                        .isEqualTo("caseNote.channel.required"));
        assertThatThrownBy(() -> SignedIn.as(
                        Role.CASE_MANAGER,
                        office,
                        () -> notes.add(caseId, new NewNote(NoteKind.NOTE, null, null, "   "))))
                .isInstanceOf(CaseRuleViolation.class);
        assertThatThrownBy(() -> SignedIn.as(
                        Role.CASE_MANAGER,
                        office,
                        () -> notes.add(
                                caseId,
                                new NewNote(NoteKind.NOTE, null, LocalDate.now().plusDays(2), "Later."))))
                .isInstanceOfSatisfying(
                        CaseRuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo("caseNote.future"));
        assertThatThrownBy(() -> SignedIn.as(
                        Role.CASE_MANAGER,
                        office,
                        () -> notes.add(caseId, new NewNote(NoteKind.NOTE, null, null, "x".repeat(5001)))))
                .isInstanceOf(CaseRuleViolation.class);
        assertThat(notesOfCase()).isEqualTo(before);
    }

    @Test
    void onlyNrmStaffReadAndOnlyThoseWhoChangeCasesWrite() {
        assertThatThrownBy(() -> SignedIn.as(Role.SERVICE_PROVIDER, office, () -> notes.of(caseId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SignedIn.as(
                        Role.IDENTIFICATION_OFFICER,
                        office,
                        () -> notes.add(caseId, new NewNote(NoteKind.NOTE, null, null, "Not mine to write."))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(SignedIn.as(Role.IDENTIFICATION_OFFICER, office, () -> notes.of(caseId)))
                .isNotNull();
    }

    private long readsOfCase() {
        return jdbc.sql("""
                        select count(*) from access.audit_entry
                        where record_type = 'case' and record_id = :id and action = 'READ' and detail = 'notes'""").param("id", caseId.toString()).query(Long.class).single();
    }

    private long notesOfCase() {
        return jdbc.sql("select count(*) from cases.case_note where case_id = :id")
                .param("id", caseId.value())
                .query(Long.class)
                .single();
    }
}
