package org.opennrm.monitoring.plan.report;

import jakarta.validation.Valid;
import java.util.Locale;
import java.util.UUID;
import org.opennrm.monitoring.plan.ActionPlans;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The yearly reports of a plan for the signed-in: the list with the form to draft one, and a report's page with its
 * preview, the draft's text form, and the approve and publish steps.
 */
@Controller
@RequestMapping("/plans")
class ReportController {

    private final PlanReports reports;
    private final ActionPlans plans;
    private final MessageSource messages;

    ReportController(PlanReports reports, ActionPlans plans, MessageSource messages) {
        this.reports = reports;
        this.plans = plans;
        this.messages = messages;
    }

    @GetMapping("/{id}/reports")
    @PreAuthorize(PlanReports.READ)
    String list(@PathVariable UUID id, Model model) {
        if (!model.containsAttribute("reportForm")) {
            var plan = plans.find(id).orElse(null);
            int year = plan == null
                    ? plans.today().getYear()
                    : Math.min(
                            Math.max(
                                    plans.today().getYear() - 1, plan.startsOn().getYear()),
                            plan.endsOn().getYear());
            model.addAttribute("reportForm", new ReportForm(year, null, null, null, null, null));
        }
        return listPage(id, model);
    }

    @PostMapping("/{id}/reports")
    @PreAuthorize(PlanReports.MANAGE)
    String draft(
            @PathVariable UUID id,
            @Valid @ModelAttribute("reportForm") ReportForm form,
            BindingResult errors,
            Model model) {
        if (errors.hasErrors()) {
            model.addAttribute("invalid", true);
            return listPage(id, model);
        }
        try {
            var report = reports.draft(id, form.year(), form.title(), form.releaseId());
            return "redirect:/plans/reports/" + report.id();
        } catch (ReportRefused e) {
            // at the field it names (the year, the title, the release), in its own words
            e.showAt(errors, e.field() == null ? "title" : e.field());
            model.addAttribute("invalid", true);
            return listPage(id, model);
        }
    }

    @GetMapping("/reports/{reportId}")
    @PreAuthorize(PlanReports.READ)
    String details(@PathVariable UUID reportId, Model model) {
        var report = reports.report(reportId);
        if (!model.containsAttribute("reportForm")) {
            model.addAttribute("reportForm", ReportForm.of(report));
        }
        return page(report, model);
    }

    @PostMapping("/reports/{reportId}")
    @PreAuthorize(PlanReports.MANAGE)
    String edit(
            @PathVariable UUID reportId,
            @Valid @ModelAttribute("reportForm") ReportForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        var report = reports.report(reportId);
        if (errors.hasErrors() || form.version() == null) {
            model.addAttribute("invalid", true);
            return page(report, model);
        }
        try {
            reports.edit(
                    reportId, form.version(), form.title(), form.introduction(), form.commentary(), form.releaseId());
        } catch (OptimisticLockingFailureException e) {
            model.addAttribute("conflict", true);
            model.addAttribute("reportForm", form.atVersion(report.version()));
            return page(report, model);
        } catch (ReportRefused e) {
            e.showOn(model, "refused", messages, locale);
            return page(report, model);
        }
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/plans/reports/" + reportId;
    }

    @PostMapping("/reports/{reportId}/approve")
    @PreAuthorize(PlanReports.PUBLISH)
    String approve(
            @PathVariable UUID reportId,
            @RequestParam int version,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        return step(
                reportId, model, redirect, locale, () -> reports.approve(reportId, version), "plan.report.approved");
    }

    @PostMapping("/reports/{reportId}/publish")
    @PreAuthorize(PlanReports.PUBLISH)
    String publish(
            @PathVariable UUID reportId,
            @RequestParam int version,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        return step(
                reportId, model, redirect, locale, () -> reports.publish(reportId, version), "plan.report.published");
    }

    private String step(
            UUID reportId, Model model, RedirectAttributes redirect, Locale locale, Runnable action, String flash) {
        try {
            action.run();
        } catch (OptimisticLockingFailureException e) {
            var report = reports.report(reportId);
            model.addAttribute("conflict", true);
            model.addAttribute("reportForm", ReportForm.of(report));
            return page(report, model);
        } catch (ReportRefused e) {
            var report = reports.report(reportId);
            // the step refused (not a draft, approved by its drafter), in its own words
            e.showOn(model, "refused", messages, locale);
            model.addAttribute("reportForm", ReportForm.of(report));
            return page(report, model);
        }
        redirect.addFlashAttribute("flash", flash);
        return "redirect:/plans/reports/" + reportId;
    }

    private String listPage(UUID planId, Model model) {
        var plan = plans.find(planId).orElseThrow(() -> new org.opennrm.RecordNotFound("plan", planId));
        model.addAttribute("plan", plan);
        model.addAttribute("reports", reports.reports(planId));
        model.addAttribute("releases", reports.releases());
        model.addAttribute("mayManage", plans.mayManage());
        return "plan/reports";
    }

    private String page(PlanReport report, Model model) {
        model.addAttribute("report", report);
        model.addAttribute("plan", plans.find(report.planId()).orElseThrow());
        model.addAttribute("releases", reports.releases());
        model.addAttribute("mayManage", plans.mayManage() && report.draft());
        model.addAttribute("mayApprove", reports.mayApprove(report));
        model.addAttribute("mayPublish", reports.mayPublish(report));
        model.addAttribute("article", reports.preview(report.id(), LocaleContextHolder.getLocale()));
        return "plan/report";
    }
}
