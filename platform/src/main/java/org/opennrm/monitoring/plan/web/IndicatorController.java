package org.opennrm.monitoring.plan.web;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opennrm.RuleViolation;
import org.opennrm.monitoring.plan.ActionPlans;
import org.opennrm.monitoring.plan.DatesOutOfOrder;
import org.opennrm.monitoring.plan.IndicatorOrigin;
import org.opennrm.monitoring.plan.IndicatorRecord;
import org.opennrm.monitoring.plan.PlanIndicators;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An indicator's page with its values and sources, and the forms to define an indicator and add a value. */
@Controller
@RequestMapping("/plans")
class IndicatorController {

    private static final String READ = "hasAnyAuthority('plan:read:all','plan:update:organisation')";
    private static final String MANAGE = "hasAuthority('plan:manage:all')";
    private static final String UPDATE = "hasAnyAuthority('plan:manage:all','plan:update:organisation')";

    private final PlanIndicators indicators;
    private final ActionPlans plans;
    private final OrganisationRegistry registry;
    private final MessageSource messages;

    IndicatorController(
            PlanIndicators indicators, ActionPlans plans, OrganisationRegistry registry, MessageSource messages) {
        this.indicators = indicators;
        this.plans = plans;
        this.registry = registry;
        this.messages = messages;
    }

    @GetMapping("/indicators/{indicatorId}")
    @PreAuthorize(READ)
    String details(@PathVariable UUID indicatorId, Model model) {
        var record = indicators.indicator(indicatorId);
        if (!model.containsAttribute("valueForm")) {
            model.addAttribute("valueForm", ValueForm.blank(plans.today().getYear()));
        }
        return page(model, record);
    }

    @PostMapping("/indicators/{indicatorId}/values")
    @PreAuthorize(UPDATE)
    String addValue(
            @PathVariable UUID indicatorId,
            @Valid @ModelAttribute("valueForm") ValueForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        var record = indicators.indicator(indicatorId);
        boolean reported = record.indicator().origin() == IndicatorOrigin.REPORTED;
        if (reported && form.value() == null) {
            errors.rejectValue("value", "plan.indicator.value.required");
        }
        if (form.firstMonth() != null
                && form.lastMonth() != null
                && form.lastMonth().isBefore(form.firstMonth())) {
            errors.rejectValue("lastMonth", "plan.indicator.months.outOfOrder");
        }
        if (errors.hasErrors()) {
            model.addAttribute("invalid", true);
            return page(model, record);
        }
        try {
            if (reported) {
                indicators.report(indicatorId, form.firstMonth(), form.lastMonth(), form.value(), form.note());
            } else {
                indicators.compute(indicatorId, form.firstMonth(), form.lastMonth());
            }
        } catch (DatesOutOfOrder e) {
            e.showAt(errors, e.field());
            model.addAttribute("invalid", true);
            return page(model, record);
        } catch (RuleViolation e) {
            // the plan's refusal in its own words (too many decimals, a note too long) is the form's message
            e.showOn(model, "refusal", messages, locale);
            return page(model, record);
        }
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/plans/indicators/" + indicatorId;
    }

    private String page(Model model, IndicatorRecord record) {
        model.addAttribute("record", record);
        model.addAttribute("indicator", record.indicator());
        model.addAttribute("mayRecord", indicators.mayRecord(record));
        model.addAttribute("protectedCounts", record.indicator().rule() != null && !PlanIndicators.seesRawCounts());
        model.addAttribute("minimumCellSize", indicators.minimumCellSize());
        model.addAttribute("organisations", organisationsById());
        return "plan/indicator-details";
    }

    private Map<UUID, Organisation> organisationsById() {
        var byId = new LinkedHashMap<UUID, Organisation>();
        registry.all().forEach(organisation -> byId.put(organisation.id(), organisation));
        return byId;
    }
}
