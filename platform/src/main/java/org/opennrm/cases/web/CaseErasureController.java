package org.opennrm.cases.web;

import java.util.UUID;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.Erasure;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Erasure of a person's data and legal hold, from the case page, for those who manage retention. Erasing cannot be
 * undone, so it needs a ticked confirmation; a case on legal hold is refused with the reason; either way the answer
 * is a message on the case page.
 */
@Controller
@PreAuthorize("hasAuthority('retention:manage:all')")
class CaseErasureController {

    private final Erasure erasure;

    CaseErasureController(Erasure erasure) {
        this.erasure = erasure;
    }

    @PostMapping("/cases/{id}/erase")
    String erase(
            @PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
        var caseId = CaseId.of(id);
        if (!confirm) {
            redirect.addFlashAttribute("flash", "caseErasure.confirmFirst");
        } else if (erasure.onHold(caseId)) {
            redirect.addFlashAttribute("flash", "caseErasure.onHold");
        } else {
            try {
                erasure.erase(caseId);
                redirect.addFlashAttribute("flash", "caseErasure.erased");
            } catch (org.opennrm.RuleViolation refused) {
                // erased already, or put on hold in between: nothing more to remove, and the page says which
                redirect.addFlashAttribute(
                        "flash", refused.messageKey() != null ? refused.messageKey() : "caseErasure.notErased");
            }
        }
        return "redirect:/cases/" + id + "#erasure";
    }

    @PostMapping("/cases/{id}/legal-hold")
    String hold(@PathVariable UUID id, @RequestParam(defaultValue = "true") boolean hold, RedirectAttributes redirect) {
        var caseId = CaseId.of(id);
        if (hold) {
            erasure.placeHold(caseId);
            redirect.addFlashAttribute("flash", "caseErasure.holdPlaced");
        } else {
            erasure.releaseHold(caseId);
            redirect.addFlashAttribute("flash", "caseErasure.holdReleased");
        }
        return "redirect:/cases/" + id + "#erasure";
    }
}
