package org.opennrm.referrals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The parts of the home page that the referrals module fills (ui/home.html loads them with htmx): for a referring
 * organisation, its referrals awaiting a decision and those decided lately; for a service provider, the referrals
 * it has not yet answered.
 */
@Controller
@RequestMapping("/referrals/panels")
class ReferralPanelController {

    /** "Lately" on a referrer's home page: a decision within this many days. */
    static final int RECENT_DAYS = 30;

    /** At most this many decided referrals are listed on the panel; "My referrals" has them all. */
    static final int LISTED = 5;

    private final Referrals referrals;
    private final ServiceReferrals serviceReferrals;
    private final Clock clock;

    ReferralPanelController(Referrals referrals, ServiceReferrals serviceReferrals, Clock clock) {
        this.referrals = referrals;
        this.serviceReferrals = serviceReferrals;
        this.clock = clock;
    }

    @GetMapping("/referrer")
    @PreAuthorize("hasAuthority('referrals:read:organisation')")
    String referrer(Model model) {
        var mine = referrals.mine();
        var since = LocalDate.now(clock).minusDays(RECENT_DAYS);
        var decided = mine.stream()
                .filter(referral ->
                        referral.decidedOn() != null && !referral.decidedOn().isBefore(since))
                .sorted(Comparator.comparing(MyReferral::decidedOn).reversed())
                .toList();
        model.addAttribute(
                "awaiting",
                mine.stream()
                        .filter(referral -> referral.status() == ReferralStatus.SENT)
                        .count());
        model.addAttribute("decidedCount", decided.size());
        model.addAttribute("decided", decided.stream().limit(LISTED).toList());
        model.addAttribute("recentDays", RECENT_DAYS);
        return "referrals/panel-referrer";
    }

    @GetMapping("/services")
    @PreAuthorize("hasAuthority('cases:read:organisation')")
    String services(Model model) {
        var counts = serviceReferrals.incomingCounts();
        model.addAttribute("toAnswer", counts.get(ServiceReferralStatus.SENT));
        model.addAttribute("accepted", counts.get(ServiceReferralStatus.ACCEPTED));
        return "referrals/panel-services";
    }
}
