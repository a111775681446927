package org.opennrm.cases.web;

import java.time.LocalDate;
import java.util.UUID;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseRuleViolation;
import org.opennrm.cases.notes.CaseNotes;
import org.opennrm.cases.notes.ContactChannel;
import org.opennrm.cases.notes.NewNote;
import org.opennrm.cases.notes.NoteKind;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case's notes and contact log: the list (a read of the case, logged) and the form to add one. A refused note is
 * shown again with what was typed and the reason next to it; nothing is half-written.
 */
@Controller
class CaseNotesController {

    private final CaseNotes notes;

    CaseNotesController(CaseNotes notes) {
        this.notes = notes;
    }

    @GetMapping("/cases/{id}/notes")
    @PreAuthorize("hasAuthority('cases:read:all')")
    String list(@PathVariable UUID id, Model model) {
        return page(id, model, null, null, null, null, null);
    }

    @PostMapping("/cases/{id}/notes")
    @PreAuthorize("hasAuthority('cases:write:all')")
    String add(
            @PathVariable UUID id,
            @RequestParam(required = false) NoteKind kind,
            @RequestParam(required = false) ContactChannel channel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
            @RequestParam(required = false) String text,
            Model model,
            RedirectAttributes redirect) {
        try {
            notes.add(CaseId.of(id), new NewNote(kind, channel, occurredOn, text));
        } catch (CaseRuleViolation refused) {
            return page(id, model, refused.messageKey(), kind, channel, occurredOn, text);
        }
        redirect.addFlashAttribute("flash", "caseNote.saved");
        return "redirect:/cases/" + id + "/notes";
    }

    private String page(
            UUID id,
            Model model,
            String refused,
            NoteKind kind,
            ContactChannel channel,
            LocalDate occurredOn,
            String text) {
        model.addAttribute("caseId", id);
        model.addAttribute("notes", notes.of(CaseId.of(id)));
        model.addAttribute("kinds", NoteKind.values());
        model.addAttribute("channels", ContactChannel.values());
        model.addAttribute("refused", refused);
        model.addAttribute("kind", kind == null ? NoteKind.CONTACT : kind);
        model.addAttribute("channel", channel);
        model.addAttribute("occurredOn", occurredOn == null ? LocalDate.now() : occurredOn);
        model.addAttribute("text", text);
        model.addAttribute("textLimit", org.opennrm.cases.Case.TEXT_LIMIT);
        return "cases/notes";
    }
}
