package org.opennrm.prevention;

import java.util.UUID;
import org.opennrm.RuleViolation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The early-warning home panel (ui/home.html loads it with htmx) for those who read national statistics: the flags
 * not reviewed yet, each with its review form; and the page of all flags with their reviews.
 */
@Controller
class EarlyWarningPanelController {

    private final EarlyWarningScan scan;

    private final org.springframework.context.MessageSource messages;

    EarlyWarningPanelController(EarlyWarningScan scan, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.scan = scan;
    }

    /** Scans first when the last scan is a day old, so that flags arrive without anyone asking. */
    @GetMapping("/prevention/panel")
    @PreAuthorize("hasAuthority('statistics:read:all')")
    String panel(Model model) {
        scan.scanIfDue();
        model.addAttribute("flags", scan.open());
        return "prevention/panel";
    }

    @GetMapping("/prevention/flags")
    @PreAuthorize(PreventionAccess.READ)
    String flags(Model model) {
        model.addAttribute("flags", scan.all());
        return "prevention/flags";
    }

    @PostMapping("/prevention/flags/scan")
    @PreAuthorize("hasAuthority('statistics:read:all')")
    String scanNow(RedirectAttributes redirect) {
        redirect.addFlashAttribute("scanned", scan.scan());
        return "redirect:/prevention/flags";
    }

    @PostMapping("/prevention/flags/{id}/review")
    @PreAuthorize("hasAuthority('statistics:read:all')")
    String review(
            @PathVariable UUID id,
            @RequestParam(name = "comment", required = false) String comment,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response,
            java.util.Locale locale) {
        try {
            scan.review(id, comment);
        } catch (RuleViolation e) {
            response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
            e.showOn(model, "problem", messages, locale);
            model.addAttribute("problemFlag", id);
            model.addAttribute("comment", comment);
            model.addAttribute("flags", scan.all());
            return "prevention/flags";
        }
        redirect.addFlashAttribute("reviewed", true);
        return "redirect:/prevention/flags";
    }
}
