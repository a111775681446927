package org.opennrm.cases.web;

import org.opennrm.cases.queue.WorkPanels;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The parts of the home page that the cases module fills (ui/home.html loads them with htmx): the NRM's due,
 * overdue and new cases for its staff, the children's cases for a guardian.
 */
@Controller
@RequestMapping("/cases/panels")
class WorkPanelController {

    private final WorkPanels panels;

    WorkPanelController(WorkPanels panels) {
        this.panels = panels;
    }

    @GetMapping("/nrm")
    @PreAuthorize("hasAuthority('cases:read:all')")
    String nrm(Model model) {
        model.addAttribute("summary", panels.summary());
        model.addAttribute("reminderDays", panels.reminderWorkingDays());
        return "cases/panel-nrm";
    }

    @GetMapping("/guardian")
    @PreAuthorize("hasAuthority('cases:read:own')")
    String guardian(Model model) {
        model.addAttribute("cases", panels.guardedCases());
        return "cases/panel-guardian";
    }
}
