package org.opennrm.monitoring.plan.web;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opennrm.RuleViolation;
import org.opennrm.monitoring.plan.ActionPlans;
import org.opennrm.monitoring.plan.BaselineMissing;
import org.opennrm.monitoring.plan.DatesOutOfOrder;
import org.opennrm.monitoring.plan.EvidenceRequired;
import org.opennrm.monitoring.plan.FundingSource;
import org.opennrm.monitoring.plan.IndicatorOrigin;
import org.opennrm.monitoring.plan.LeadMissing;
import org.opennrm.monitoring.plan.MeasureRecord;
import org.opennrm.monitoring.plan.MeasureStatus;
import org.opennrm.monitoring.plan.Pillar;
import org.opennrm.monitoring.plan.Plan;
import org.opennrm.monitoring.plan.PlanIndicators;
import org.opennrm.monitoring.plan.body.CoordinatingBody;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.statistics.publishing.PlanIndicatorCounts.Rule;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The action plan's pages: the list of plans, a plan with its objectives, measures and budget totals, the forms to
 * draft it, a measure's page where its lead organisation reports status, evidence and spending, and the home panel
 * of the measures one's organisation leads.
 */
@Controller
@RequestMapping("/plans")
class PlanController {

    private static final String READ = "hasAnyAuthority('plan:read:all','plan:update:organisation')";
    private static final String MANAGE = "hasAuthority('plan:manage:all')";
    private static final String UPDATE = "hasAnyAuthority('plan:manage:all','plan:update:organisation')";

    private final ActionPlans plans;
    private final PlanIndicators indicators;
    private final OrganisationRegistry registry;
    private final CoordinatingBody body;
    private final MessageSource messages;

    PlanController(
            ActionPlans plans,
            PlanIndicators indicators,
            OrganisationRegistry registry,
            CoordinatingBody body,
            MessageSource messages) {
        this.plans = plans;
        this.indicators = indicators;
        this.registry = registry;
        this.body = body;
        this.messages = messages;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("today", plans.today());
    }

    @GetMapping
    @PreAuthorize(READ)
    String list(Model model) {
        model.addAttribute("plans", plans.plans());
        return "plan/plans";
    }

    /**
     * The home panel: for the co-ordinator, the measures of every plan that are overdue; for a lead organisation,
     * the measures it leads, overdue ones marked; for the co-ordinator also the open action items of the
     * co-ordinating body that are overdue or due soon. Nothing when there are none.
     */
    @GetMapping("/panel")
    @PreAuthorize(UPDATE)
    String panel(Model model) {
        boolean coordinator = navigationHas("plan:manage:all");
        var measures = coordinator ? plans.overdue() : plans.ledByMyOrganisation();
        var today = plans.today();
        model.addAttribute("coordinator", coordinator);
        model.addAttribute("organisations", organisationsById());
        model.addAttribute("measures", measures);
        model.addAttribute(
                "overdue",
                measures.stream().filter(measure -> measure.overdue(today)).count());
        model.addAttribute("today", today);
        model.addAttribute("bodyActions", coordinator ? body.dueAndOverdue() : java.util.List.of());
        return "plan/panel";
    }

    @GetMapping("/new")
    @PreAuthorize(MANAGE)
    String newPlan(Model model) {
        return showPlanForm(model, PlanForm.blank(), null);
    }

    @PostMapping("/new")
    @PreAuthorize(MANAGE)
    String create(
            @Valid @ModelAttribute("form") PlanForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        checkPeriod(form, errors);
        if (errors.hasErrors()) {
            return invalid(model, "plan/plan-form");
        }
        try {
            var plan = plans.create(form.details());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/plans/" + plan.id();
        } catch (DatesOutOfOrder e) {
            e.showAt(errors, e.field());
            return invalid(model, "plan/plan-form");
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize(READ)
    String details(@PathVariable UUID id, Model model) {
        var overview = plans.overview(id);
        model.addAttribute("overview", overview);
        model.addAttribute("plan", overview.plan());
        model.addAttribute("organisations", organisationsById());
        model.addAttribute("pillars", Pillar.values());
        if (!model.containsAttribute("objectiveForm")) {
            model.addAttribute("objectiveForm", ObjectiveForm.blank());
        }
        if (!model.containsAttribute("indicatorForm")) {
            model.addAttribute("indicatorForm", IndicatorForm.blank());
        }
        model.addAttribute("indicators", indicators.of(id));
        model.addAttribute("rules", Rule.values());
        model.addAttribute("origins", IndicatorOrigin.values());
        return "plan/plan-details";
    }

    @PostMapping("/{id}/indicators")
    @PreAuthorize(MANAGE)
    String define(
            @PathVariable UUID id,
            @Valid @ModelAttribute("indicatorForm") IndicatorForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        if (form.origin() == IndicatorOrigin.COMPUTED && form.rule() == null) {
            errors.rejectValue("rule", "plan.indicator.rule.required");
        }
        if (form.origin() == IndicatorOrigin.REPORTED && form.measureId() == null) {
            errors.rejectValue("measureId", "plan.indicator.measure.required");
        }
        if (form.baselineYear() != null && form.targetYear() != null && form.targetYear() < form.baselineYear()) {
            errors.rejectValue("targetYear", "plan.indicator.targetYear.beforeBaseline");
        }
        if (!errors.hasErrors()) {
            try {
                var indicator = indicators.define(id, form.details());
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/plans/indicators/" + indicator.id();
            } catch (BaselineMissing e) {
                errors.rejectValue("baseline", "plan.indicator.baseline.required");
            } catch (DatesOutOfOrder e) {
                e.showAt(errors, e.field());
            } catch (RuleViolation e) {
                // a refusal that names no field (a measure of another plan) is the form's message, in its own words
                e.showOn(model, "indicatorRefusal", messages, locale);
            }
        }
        model.addAttribute("indicatorInvalid", errors.hasErrors());
        return details(id, model);
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(MANAGE)
    String editPlan(@PathVariable UUID id, Model model) {
        var plan = plans.overview(id).plan();
        return showPlanForm(model, PlanForm.of(plan), plan);
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize(MANAGE)
    String change(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") PlanForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var current = plans.overview(id).plan();
        model.addAttribute("plan", current);
        checkPeriod(form, errors);
        if (form.version() == null) {
            errors.rejectValue("version", "version.missing");
        }
        if (errors.hasErrors()) {
            return invalid(model, "plan/plan-form");
        }
        try {
            plans.change(id, form.version(), form.details());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/plans/" + id;
        } catch (DatesOutOfOrder e) {
            e.showAt(errors, e.field());
            return invalid(model, "plan/plan-form");
        } catch (OptimisticLockingFailureException e) {
            // the person's input stays in the form; saving again applies it over the current version shown beside it
            var latest = plans.overview(id).plan();
            model.addAttribute("conflict", true);
            return showPlanForm(model, form.withVersion(latest.version()), latest);
        }
    }

    @PostMapping("/{id}/objectives")
    @PreAuthorize(MANAGE)
    String addObjective(
            @PathVariable UUID id,
            @Valid @ModelAttribute("objectiveForm") ObjectiveForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("invalid", true);
            return details(id, model);
        }
        plans.addObjective(id, form.pillar(), form.title());
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/plans/" + id + "#objectives";
    }

    @GetMapping("/{id}/measures/new")
    @PreAuthorize(MANAGE)
    String newMeasure(
            @PathVariable UUID id,
            @org.springframework.web.bind.annotation.RequestParam(required = false) UUID objective,
            Model model) {
        return showMeasureForm(model, id, MeasureForm.blank(objective));
    }

    @PostMapping("/{id}/measures/new")
    @PreAuthorize(MANAGE)
    String addMeasure(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") MeasureForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        if (form.startsOn() != null && form.dueOn() != null && form.dueOn().isBefore(form.startsOn())) {
            errors.rejectValue("dueOn", "plan.measure.dueOn.beforeStart");
        }
        if (errors.hasErrors()) {
            model.addAttribute("invalid", true);
            return measureFormPage(model, id);
        }
        try {
            var measure = plans.addMeasure(id, form.details());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/plans/measures/" + measure.id();
        } catch (DatesOutOfOrder e) {
            e.showAt(errors, e.field());
        } catch (LeadMissing e) {
            errors.rejectValue("leadOrganisation", "plan.measure.lead.required");
        } catch (RuleViolation e) {
            // an objective of another plan, an organisation not in the registry: the form's message, in its own words
            e.showOn(model, "refusal", messages, locale);
        }
        model.addAttribute("invalid", errors.hasErrors());
        return measureFormPage(model, id);
    }

    @GetMapping("/measures/{measureId}/edit")
    @PreAuthorize(MANAGE)
    String editMeasure(@PathVariable UUID measureId, Model model) {
        var measure = plans.measure(measureId).measure();
        model.addAttribute("measure", measure);
        return showMeasureForm(model, measure.planId(), MeasureForm.of(measure));
    }

    @PostMapping("/measures/{measureId}/edit")
    @PreAuthorize(MANAGE)
    String changeMeasure(
            @PathVariable UUID measureId,
            @Valid @ModelAttribute("form") MeasureForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        var current = plans.measure(measureId).measure();
        model.addAttribute("measure", current);
        if (form.startsOn() != null && form.dueOn() != null && form.dueOn().isBefore(form.startsOn())) {
            errors.rejectValue("dueOn", "plan.measure.dueOn.beforeStart");
        }
        if (form.version() == null) {
            errors.rejectValue("version", "version.missing");
        }
        if (errors.hasErrors()) {
            model.addAttribute("invalid", true);
            return measureFormPage(model, current.planId());
        }
        try {
            plans.changeMeasure(measureId, form.version(), form.details());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/plans/measures/" + measureId;
        } catch (OptimisticLockingFailureException e) {
            // what the person typed stays in the form, on the current version shown beside it
            var latest = plans.measure(measureId).measure();
            model.addAttribute("measure", latest);
            model.addAttribute("conflict", true);
            return showMeasureForm(model, latest.planId(), form.withVersion(latest.version()));
        } catch (DatesOutOfOrder e) {
            // a due date before the start, or an activity the new period would leave out: at the date it names
            e.showAt(errors, e.field());
        } catch (LeadMissing e) {
            errors.rejectValue("leadOrganisation", "plan.measure.lead.required");
        } catch (RuleViolation e) {
            e.showOn(model, "refusal", messages, locale);
        }
        model.addAttribute("invalid", errors.hasErrors());
        return measureFormPage(model, current.planId());
    }

    @GetMapping("/measures/{measureId}")
    @PreAuthorize(READ)
    String measure(@PathVariable UUID measureId, Model model) {
        var record = plans.measure(measureId);
        if (!model.containsAttribute("statusForm")) {
            model.addAttribute("statusForm", StatusForm.of(record.measure()));
        }
        if (!model.containsAttribute("budgetForm")) {
            model.addAttribute("budgetForm", BudgetForm.of(record.measure(), defaultYear(record.plan())));
        }
        return measurePage(model, record);
    }

    @PostMapping("/measures/{measureId}/status")
    @PreAuthorize(UPDATE)
    String report(
            @PathVariable UUID measureId,
            @Valid @ModelAttribute("statusForm") StatusForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        var record = plans.measure(measureId);
        model.addAttribute("budgetForm", BudgetForm.of(record.measure(), defaultYear(record.plan())));
        if (errors.hasErrors()) {
            model.addAttribute("invalid", true);
            return measurePage(model, record);
        }
        try {
            plans.report(measureId, form.update());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/plans/measures/" + measureId;
        } catch (EvidenceRequired e) {
            errors.rejectValue("evidence", "plan.measure.evidence.required");
        } catch (OptimisticLockingFailureException e) {
            return conflict(
                    model,
                    measureId,
                    "statusForm",
                    form.withVersion(plans.measure(measureId).measure().version()));
        } catch (RuleViolation e) {
            e.showOn(model, "refusal", messages, locale);
        }
        model.addAttribute("invalid", errors.hasErrors());
        return measurePage(model, record);
    }

    @PostMapping("/measures/{measureId}/budget")
    @PreAuthorize(UPDATE)
    String budget(
            @PathVariable UUID measureId,
            @Valid @ModelAttribute("budgetForm") BudgetForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        var record = plans.measure(measureId);
        model.addAttribute("statusForm", StatusForm.of(record.measure()));
        if (form.year() != null && !record.plan().years().contains(form.year())) {
            errors.rejectValue("year", "plan.budget.year.outsidePlan");
        }
        if (errors.hasErrors()) {
            model.addAttribute("invalid", true);
            return measurePage(model, record);
        }
        try {
            var line = plans.budget(measureId, form.entry());
            redirect.addFlashAttribute("flash", line.overspent() ? "plan.budget.saved.overspent" : "flash.saved");
            return "redirect:/plans/measures/" + measureId + "#budget";
        } catch (OptimisticLockingFailureException e) {
            return conflict(
                    model,
                    measureId,
                    "budgetForm",
                    form.withVersion(plans.measure(measureId).measure().version()));
        } catch (RuleViolation e) {
            e.showOn(model, "refusal", messages, locale);
            return measurePage(model, record);
        }
    }

    @PostMapping("/measures/{measureId}/activities")
    @PreAuthorize(UPDATE)
    String addActivity(
            @PathVariable UUID measureId,
            @Valid @ModelAttribute("activityForm") ActivityForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var record = plans.measure(measureId);
        if (!errors.hasErrors()) {
            try {
                plans.addActivity(measureId, form.title(), form.dueOn());
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/plans/measures/" + measureId + "#activities";
            } catch (DatesOutOfOrder e) {
                e.showAt(errors, e.field());
            }
        }
        model.addAttribute("invalid", true);
        model.addAttribute("statusForm", StatusForm.of(record.measure()));
        model.addAttribute("budgetForm", BudgetForm.of(record.measure(), defaultYear(record.plan())));
        return measurePage(model, record);
    }

    @PostMapping("/measures/{measureId}/activities/{activityId}/done")
    @PreAuthorize(UPDATE)
    String activityDone(@PathVariable UUID measureId, @PathVariable UUID activityId, RedirectAttributes redirect) {
        plans.activityDone(activityId);
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/plans/measures/" + measureId + "#activities";
    }

    /** Shows the current measure with a notice, the person's input kept in the form with the current version. */
    private String conflict(Model model, UUID measureId, String formName, Object form) {
        var latest = plans.measure(measureId);
        model.addAttribute("conflict", true);
        model.addAttribute(formName, form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + formName, new BeanPropertyBindingResult(form, formName));
        if ("statusForm".equals(formName)) {
            model.addAttribute("budgetForm", BudgetForm.of(latest.measure(), defaultYear(latest.plan())));
        } else {
            model.addAttribute("statusForm", StatusForm.of(latest.measure()));
        }
        return measurePage(model, latest);
    }

    private String measurePage(Model model, MeasureRecord record) {
        if (!model.containsAttribute("activityForm")) {
            model.addAttribute("activityForm", new ActivityForm(null, null));
        }
        model.addAttribute("record", record);
        model.addAttribute("measure", record.measure());
        model.addAttribute("mayUpdate", plans.mayUpdate(record.measure()));
        model.addAttribute("statuses", MeasureStatus.values());
        model.addAttribute("sources", FundingSource.values());
        model.addAttribute("organisations", organisationsById());
        return "plan/measure-details";
    }

    private int defaultYear(Plan plan) {
        int year = plans.today().getYear();
        return plan.years().contains(year) ? year : plan.startsOn().getYear();
    }

    private String showMeasureForm(Model model, UUID planId, MeasureForm form) {
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", new BeanPropertyBindingResult(form, "form"));
        return measureFormPage(model, planId);
    }

    private String measureFormPage(Model model, UUID planId) {
        var overview = plans.overview(planId);
        model.addAttribute("plan", overview.plan());
        model.addAttribute("objectives", overview.objectives());
        model.addAttribute("organisations", organisationsById());
        return "plan/measure-form";
    }

    private String showPlanForm(Model model, PlanForm form, Plan plan) {
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", new BeanPropertyBindingResult(form, "form"));
        model.addAttribute("plan", plan);
        return "plan/plan-form";
    }

    private static String invalid(Model model, String view) {
        model.addAttribute("invalid", true);
        return view;
    }

    private static void checkPeriod(PlanForm form, BindingResult errors) {
        if (form.startsOn() != null && form.endsOn() != null && form.endsOn().isBefore(form.startsOn())) {
            errors.rejectValue("endsOn", "plan.endsOn.beforeStart");
        }
    }

    private static boolean navigationHas(String authority) {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(held -> authority.equals(held.getAuthority()));
    }

    private Map<UUID, Organisation> organisationsById() {
        var byId = new LinkedHashMap<UUID, Organisation>();
        registry.all().forEach(organisation -> byId.put(organisation.id(), organisation));
        return byId;
    }
}
