package org.opennrm.monitoring.plan.web;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennrm.monitoring.plan.ActionPlans;
import org.opennrm.monitoring.plan.DatesOutOfOrder;
import org.opennrm.monitoring.plan.Implementation;
import org.opennrm.monitoring.plan.Measure;
import org.opennrm.monitoring.plan.RecommendationSource;
import org.opennrm.monitoring.plan.Recommendations;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The recommendations register: the list with the form to register one, a recommendation's page (linked measures,
 * the government's response), and the evaluator's view of what was done since a date.
 */
@Controller
@RequestMapping("/plans/recommendations")
class RecommendationController {

    private static final String READ = "hasAnyAuthority('plan:read:all','plan:update:organisation')";
    private static final String RECOMMEND = "hasAuthority('plan:recommend:all')";
    private static final String MANAGE = "hasAuthority('plan:manage:all')";

    private final Recommendations recommendations;
    private final ActionPlans plans;
    private final OrganisationRegistry registry;

    RecommendationController(Recommendations recommendations, ActionPlans plans, OrganisationRegistry registry) {
        this.recommendations = recommendations;
        this.plans = plans;
        this.registry = registry;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("sources", RecommendationSource.values());
        model.addAttribute("today", plans.today());
    }

    @GetMapping
    @PreAuthorize(READ)
    String list(@RequestParam(required = false) RecommendationSource source, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", RecommendationForm.blank());
        }
        model.addAttribute("chosen", source);
        model.addAttribute("recommendations", recommendations.list(source));
        return "plan/recommendations";
    }

    @PostMapping
    @PreAuthorize(RECOMMEND)
    String register(
            @Valid @ModelAttribute("form") RecommendationForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                var recommendation = recommendations.register(form.details());
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/plans/recommendations/" + recommendation.id();
            } catch (DatesOutOfOrder e) {
                e.showAt(errors, e.field());
            }
        }
        model.addAttribute("invalid", true);
        return list(null, model);
    }

    /** The evaluator's view: what was done on the measures answering each recommendation since a date. */
    @GetMapping("/since")
    @PreAuthorize(READ)
    String since(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(name = "by", required = false) RecommendationSource source,
            Model model) {
        var from = date == null ? plans.today().minusYears(1) : date;
        model.addAttribute("since", from);
        model.addAttribute("chosen", source);
        model.addAttribute("records", recommendations.since(from, source));
        model.addAttribute("organisations", organisationsById());
        return "plan/recommendations-since";
    }

    @GetMapping("/{id}")
    @PreAuthorize(READ)
    String details(@PathVariable UUID id, Model model) {
        var record = recommendations.find(id);
        model.addAttribute("record", record);
        model.addAttribute("recommendation", record.recommendation());
        if (!model.containsAttribute("responseForm")) {
            model.addAttribute("responseForm", ResponseForm.of(record.recommendation()));
        }
        model.addAttribute("implementations", Implementation.values());
        model.addAttribute("measures", allMeasures());
        model.addAttribute("organisations", organisationsById());
        return "plan/recommendation-details";
    }

    @PostMapping("/{id}/measures")
    @PreAuthorize(RECOMMEND)
    String link(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID measureId,
            Model model,
            RedirectAttributes redirect) {
        if (measureId == null) {
            model.addAttribute("linkMissing", true);
            return details(id, model);
        }
        recommendations.link(id, measureId);
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/plans/recommendations/" + id;
    }

    @PostMapping("/{id}/response")
    @PreAuthorize(MANAGE)
    String respond(
            @PathVariable UUID id,
            @Valid @ModelAttribute("responseForm") ResponseForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("invalid", true);
            return details(id, model);
        }
        try {
            recommendations.respond(id, form.version(), form.response(), form.implementation());
        } catch (OptimisticLockingFailureException e) {
            var current = recommendations.find(id).recommendation();
            var kept = form.withVersion(current.version());
            model.addAttribute("conflict", true);
            model.addAttribute("responseForm", kept);
            model.addAttribute(
                    BindingResult.MODEL_KEY_PREFIX + "responseForm",
                    new BeanPropertyBindingResult(kept, "responseForm"));
            return details(id, model);
        }
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/plans/recommendations/" + id;
    }

    /** Every measure of every plan, for the link form, by plan (latest plan first). */
    private List<Measure> allMeasures() {
        var measures = new ArrayList<Measure>();
        plans.plans()
                .forEach(plan ->
                        plans.overview(plan.id()).measuresByObjective().values().forEach(measures::addAll));
        return measures;
    }

    private Map<UUID, Organisation> organisationsById() {
        var byId = new LinkedHashMap<UUID, Organisation>();
        registry.all().forEach(organisation -> byId.put(organisation.id(), organisation));
        return byId;
    }
}
