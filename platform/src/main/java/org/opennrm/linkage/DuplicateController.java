package org.opennrm.linkage;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.opennrm.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Possible duplicates for case managers: the open alerts with the two cases and their similarity, the decision
 * (different persons, or the same person; recorded only), and a fragment with the alerts of one case for the case
 * page.
 */
@Controller
@RequestMapping("/linkage/duplicates")
class DuplicateController {

    private static final String READ = "hasAuthority('cases:read:all')";
    private static final String WRITE = "hasAuthority('cases:write:all')";

    private final DuplicateCheck duplicates;
    private final MessageSource messages;

    DuplicateController(DuplicateCheck duplicates, MessageSource messages) {
        this.duplicates = duplicates;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(READ)
    String open(Model model) {
        model.addAttribute("alerts", duplicates.open());
        model.addAttribute("sweep", duplicates.lastSweep());
        return "linkage/duplicates";
    }

    @GetMapping("/case/{caseId}")
    @PreAuthorize(READ)
    String ofCase(@PathVariable UUID caseId, Model model) {
        model.addAttribute("caseId", caseId);
        model.addAttribute("alerts", duplicates.ofCase(caseId));
        return "linkage/case-duplicates :: alerts";
    }

    @PostMapping("/{id}/review")
    @PreAuthorize(WRITE)
    String review(
            @PathVariable UUID id,
            @RequestParam(required = false) DuplicateStatus decision,
            @RequestParam(defaultValue = "-1") int version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            duplicates.review(id, decision, version);
            redirect.addFlashAttribute("flash", "linkage.duplicate.reviewed");
            return "redirect:/linkage/duplicates";
        } catch (OptimisticLockingFailureException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute(
                    "problem", messages.getMessage("linkage.duplicate.changed", null, LocaleContextHolder.getLocale()));
        } catch (RuleViolation e) {
            // the refusal's own reason, in the reader's language
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            e.showOn(model, "problem", messages, LocaleContextHolder.getLocale());
        }
        model.addAttribute("alerts", duplicates.open());
        model.addAttribute("sweep", duplicates.lastSweep());
        return "linkage/duplicates";
    }
}
