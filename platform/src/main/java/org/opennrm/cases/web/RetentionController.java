package org.opennrm.cases.web;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opennrm.cases.Erasure;
import org.opennrm.cases.Retention;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The retention settings, for administrators and the co-ordinator: how long each kind of record is kept under the
 * jurisdiction's law, when the job runs, how many cases are on legal hold. The periods are set by the operator
 * ({@code opennrm.retention.*}), not on this page: they follow the law, not a click.
 */
@Controller
@RequestMapping("/settings/retention")
@PreAuthorize("hasAuthority('retention:manage:all')")
class RetentionController {

    /** One kind of record: its label, how long it is kept, and what happens then. */
    record Row(String kind, String label, String period, String iso, String then) {}

    private final Retention retention;
    private final Erasure erasure;
    private final MessageSource messages;

    RetentionController(Retention retention, Erasure erasure, MessageSource messages) {
        this.retention = retention;
        this.erasure = erasure;
        this.messages = messages;
    }

    @GetMapping
    String settings(Model model, Locale locale) {
        var settings = retention.settings();
        List<Row> rows = new ArrayList<>();
        rows.add(row("closed-case", settings.closedCase(), locale));
        rows.add(row("anonymous-notification", settings.anonymousNotification(), locale));
        rows.add(row("screening-without-referral", settings.screeningWithoutReferral(), locale));
        rows.add(row("linkage-upload", settings.linkageUpload(), locale));
        rows.add(row("audit", settings.audit(), locale));
        model.addAttribute("rows", rows);
        model.addAttribute("jurisdiction", settings.jurisdiction());
        model.addAttribute("cron", settings.cron());
        model.addAttribute("casesOnHold", erasure.casesOnHold());
        return "cases/retention";
    }

    private Row row(String kind, Period period, Locale locale) {
        return new Row(
                kind,
                messages.getMessage("retention.kind." + kind, null, locale),
                text(period, locale),
                period.toString(),
                messages.getMessage("retention.then." + kind, null, locale));
    }

    private String text(Period period, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (period.getYears() != 0) {
            parts.add(messages.getMessage("retention.years", new Object[] {period.getYears()}, locale));
        }
        if (period.getMonths() != 0) {
            parts.add(messages.getMessage("retention.months", new Object[] {period.getMonths()}, locale));
        }
        if (period.getDays() != 0 || parts.isEmpty()) {
            parts.add(messages.getMessage("retention.days", new Object[] {period.getDays()}, locale));
        }
        return String.join(", ", parts);
    }
}
