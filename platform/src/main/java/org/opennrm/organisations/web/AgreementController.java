package org.opennrm.organisations.web;

import jakarta.validation.Valid;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.RuleViolation;
import org.opennrm.organisations.Agreement;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.PartiesMissing;
import org.opennrm.organisations.PartnershipAgreements;
import org.opennrm.organisations.PartyNotActive;
import org.opennrm.organisations.PartyUnknown;
import org.opennrm.organisations.ReviewBeforeSigning;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agreement pages: the list with overdue reviews first, an agreement's page, the form to register
 * or change one, and the panel of overdue reviews that the home page loads.
 */
@Controller
@RequestMapping("/agreements")
class AgreementController {

    private static final String READ = "hasAnyAuthority('agreements:read:all','agreements:read:organisation')";
    private static final String MANAGE = "hasAuthority('agreements:manage:all')";
    private static final String FORM = "organisations/agreement-form";

    private final PartnershipAgreements agreements;
    private final OrganisationRegistry registry;

    AgreementController(PartnershipAgreements agreements, OrganisationRegistry registry) {
        this.agreements = agreements;
        this.registry = registry;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("today", agreements.today());
        model.addAttribute("nrmRoles", NrmRole.values());
    }

    @GetMapping
    @PreAuthorize(READ)
    String list(Model model) {
        model.addAttribute("agreements", agreements.list());
        model.addAttribute("organisations", organisationsById());
        return "organisations/agreements";
    }

    /** Overdue reviews as a fragment for the home page; nothing at all when none is overdue. */
    @GetMapping("/overdue-panel")
    @PreAuthorize(READ)
    String overduePanel(Model model) {
        model.addAttribute("agreements", agreements.reviewOverdue());
        return "organisations/agreements-overdue-panel";
    }

    @GetMapping("/{id}")
    @PreAuthorize(READ)
    String details(@PathVariable UUID id, Model model) {
        model.addAttribute("agreement", readable(id));
        model.addAttribute("organisations", organisationsById());
        return "organisations/agreement-details";
    }

    @GetMapping("/new")
    @PreAuthorize(MANAGE)
    String newForm(Model model) {
        return show(model, AgreementForm.blank());
    }

    @PostMapping("/new")
    @PreAuthorize(MANAGE)
    String register(
            @Valid @ModelAttribute("form") AgreementForm form,
            BindingResult errors,
            @RequestParam(required = false) String addParty,
            Model model,
            RedirectAttributes redirect) {
        if (addParty != null) {
            return show(model, form.withBlankPartyRow());
        }
        checkRules(form, errors);
        if (errors.hasErrors()) {
            return invalid(model);
        }
        try {
            var agreement = agreements.register(form.details());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/agreements/" + agreement.id();
        } catch (PartyNotActive | PartyUnknown | PartiesMissing | ReviewBeforeSigning e) {
            rejectRefusal(e, errors);
            return invalid(model);
        }
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(MANAGE)
    String editForm(@PathVariable UUID id, Model model) {
        var agreement = readable(id);
        model.addAttribute("agreement", agreement);
        return show(model, AgreementForm.of(agreement));
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize(MANAGE)
    String change(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") AgreementForm form,
            BindingResult errors,
            @RequestParam(required = false) String addParty,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("agreement", readable(id));
        if (addParty != null) {
            return show(model, form.withBlankPartyRow());
        }
        checkRules(form, errors);
        if (form.version() == null) {
            errors.rejectValue("version", "version.missing");
        }
        if (errors.hasErrors()) {
            return invalid(model);
        }
        try {
            agreements.change(id, form.version(), form.details());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/agreements/" + id;
        } catch (PartyNotActive | PartyUnknown | PartiesMissing | ReviewBeforeSigning e) {
            rejectRefusal(e, errors);
            return invalid(model);
        } catch (OptimisticLockingFailureException e) {
            // keep the person's input; the next save applies it over the current version shown beside it
            var current = readable(id);
            model.addAttribute("agreement", current);
            model.addAttribute("conflict", true);
            return show(model, form.withVersion(current.version()));
        }
    }

    private Agreement readable(UUID id) {
        return agreements.find(id).orElseThrow(() -> new RecordNotFound("agreement", id));
    }

    private Map<UUID, Organisation> organisationsById() {
        var byId = new LinkedHashMap<UUID, Organisation>();
        registry.all().forEach(organisation -> byId.put(organisation.id(), organisation));
        return byId;
    }

    /** The agreement's own rules, checked here too so that each shows at its field. */
    private static void checkRules(AgreementForm form, BindingResult errors) {
        var seen = new HashSet<UUID>();
        var rows = form.parties();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            if (row.isBlank()) {
                continue;
            }
            if (row.organisationId() == null) {
                errors.rejectValue("parties[" + i + "].organisationId", "party.organisation.required");
            } else if (!seen.add(row.organisationId())) {
                errors.rejectValue("parties[" + i + "].organisationId", "party.organisation.repeated");
            }
            if (row.nrmRole() == null) {
                errors.rejectValue("parties[" + i + "].nrmRole", "party.nrmRole.required");
            }
        }
        if (seen.size() < 2) {
            errors.rejectValue("parties", "agreement.parties.required");
        }
        if (form.signedOn() != null
                && form.nextReviewOn() != null
                && form.nextReviewOn().isBefore(form.signedOn())) {
            errors.rejectValue("nextReviewOn", "agreement.nextReviewOn.beforeSigning");
        }
    }

    private static void rejectRefusal(RuleViolation refusal, BindingResult errors) {
        switch (refusal) {
            case PartyNotActive e -> errors.rejectValue("parties", "agreement.parties.suspended");
            case PartyUnknown e -> errors.rejectValue("parties", "agreement.parties.unknown");
            case ReviewBeforeSigning e -> errors.rejectValue("nextReviewOn", "agreement.nextReviewOn.beforeSigning");
            // the parties' own reason (no organisation, no role, one named twice, fewer than two), in its words
            default -> refusal.showAt(errors, "parties");
        }
    }

    private String invalid(Model model) {
        model.addAttribute("invalid", true);
        model.addAttribute("organisations", organisationsById());
        return FORM;
    }

    /** Shows the form with this input and no errors (after adding a row, or after a conflict). */
    private String show(Model model, AgreementForm form) {
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", new BeanPropertyBindingResult(form, "form"));
        model.addAttribute("organisations", organisationsById());
        return FORM;
    }
}
