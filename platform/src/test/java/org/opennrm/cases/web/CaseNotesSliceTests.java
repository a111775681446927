package org.opennrm.cases.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PagesSlice;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseRuleViolation;
import org.opennrm.cases.notes.CaseNotes;
import org.opennrm.cases.notes.ContactChannel;
import org.opennrm.cases.notes.NewNote;
import org.opennrm.cases.notes.NoteKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A case's notes and contacts as a web slice ({@link PagesSlice}); the case notes are a stand-in. The web layer's part:
 * a note refused by the rules comes back on the page with the reason and what was typed, a kind that does not exist
 * is a bad request that reaches nothing, and only those who change cases write. What a note needs is
 * {@code CaseNotesTests}'.
 */
@PagesSlice
class CaseNotesSliceTests {

    static final UUID OFFICE = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseNotes notes;

    final CaseId caseId = CaseId.of(UUID.randomUUID());

    @Test
    void theFormShowsTheReasonAndKeepsWhatWasTyped() throws Exception {
        when(notes.add(eq(caseId), eq(new NewNote(NoteKind.CONTACT, null, null, "Visited the shelter"))))
                .thenThrow(new CaseRuleViolation("caseNote.channel.required", "Choose how the contact took place."));

        mvc.perform(post("/cases/{id}/notes", caseId.value())
                        .param("kind", "CONTACT")
                        .param("text", "Visited the shelter")
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"note-refused\"")))
                .andExpect(content().string(containsString("Choose how the contact took place.")))
                .andExpect(content().string(containsString("Visited the shelter")));
        mvc.perform(post("/cases/{id}/notes", caseId.value())
                        .param("kind", "NOT_A_KIND")
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isBadRequest());
        verify(notes).add(any(), any());
    }

    @Test
    void aNoteTakenIsSavedAsTypedAndTheListSaysSo() throws Exception {
        var today = LocalDate.ofInstant(PagesSlice.NOW, java.time.ZoneOffset.UTC);
        mvc.perform(post("/cases/{id}/notes", caseId.value())
                        .param("kind", "CONTACT")
                        .param("channel", "PHONE")
                        .param("occurredOn", today.toString())
                        .param("text", "Called about the appointment")
                        .with(csrf())
                        .with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(flash().attribute("flash", "caseNote.saved"))
                .andExpect(redirectedUrl("/cases/" + caseId.value() + "/notes"));
        verify(notes)
                .add(
                        caseId,
                        new NewNote(NoteKind.CONTACT, ContactChannel.PHONE, today, "Called about the appointment"));
    }

    @Test
    void onlyNrmStaffReachTheNotesPageAndOnlyThoseWhoChangeCasesWriteThere() throws Exception {
        mvc.perform(get("/cases/{id}/notes", caseId.value()).with(as(Role.REFERRER, OFFICE)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/cases/{id}/notes", caseId.value())
                        .param("kind", "NOTE")
                        .param("text", "Not theirs to write")
                        .with(csrf())
                        .with(as(Role.IDENTIFICATION_OFFICER, OFFICE)))
                .andExpect(status().isForbidden());
        verifyNoInteractions(notes);
        mvc.perform(get("/cases/{id}/notes", caseId.value()).with(as(Role.IDENTIFICATION_OFFICER, OFFICE)))
                .andExpect(status().isOk());
        verify(notes, never()).add(any(), any());
    }
}
