package org.opennrm.statistics;

import org.opennrm.access.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The statistician's home panel (ui/home.html loads it with htmx): releases awaiting approval, those another
 * statistician assembled (which this one may approve) apart from their own (which wait for a second statistician).
 */
@Controller
class ReleasePanelController {

    private final Releases releases;

    ReleasePanelController(Releases releases) {
        this.releases = releases;
    }

    @GetMapping("/statistics/panel")
    @PreAuthorize("hasAuthority('statistics:release:all')")
    String panel(Model model) {
        var me = Actor.current().map(Actor::accountId).orElse(null);
        var awaiting = releases.all().stream()
                .filter(release -> release.status() == Release.ReleaseStatus.AWAITING_APPROVAL)
                .toList();
        model.addAttribute(
                "toApprove",
                awaiting.stream()
                        .filter(release -> !release.assembledBy().equals(me))
                        .toList());
        model.addAttribute(
                "mine",
                awaiting.stream()
                        .filter(release -> release.assembledBy().equals(me))
                        .toList());
        return "statistics/panel";
    }
}
