package org.opennrm.prevention;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The prevention officer's home panel: the early-warning flags of the watched series that await the co-ordinator's
 * review (to read, not to review), and the way to trends, who is exploited where and the campaigns.
 */
@Controller
class PreventionPanelController {

    /** Flags listed on the panel at most; the rest on the page of all flags. */
    static final int SHOWN_FLAGS = 5;

    private final EarlyWarningScan scan;

    PreventionPanelController(EarlyWarningScan scan) {
        this.scan = scan;
    }

    @GetMapping("/prevention/officer-panel")
    @PreAuthorize("hasAuthority('prevention:read:all')")
    String panel(Model model) {
        scan.scanIfDue();
        var open = scan.open();
        model.addAttribute("flags", open.subList(0, Math.min(SHOWN_FLAGS, open.size())));
        model.addAttribute("moreFlags", Math.max(0, open.size() - SHOWN_FLAGS));
        return "prevention/officer-panel";
    }
}
