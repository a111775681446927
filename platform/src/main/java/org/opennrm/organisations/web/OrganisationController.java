package org.opennrm.organisations.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationAlreadyActive;
import org.opennrm.organisations.OrganisationAlreadySuspended;
import org.opennrm.organisations.OrganisationNameTaken;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.OrganisationSearch;
import org.opennrm.organisations.OrganisationStatus;
import org.opennrm.organisations.PartnershipAgreements;
import org.opennrm.organisations.Sector;
import org.opennrm.organisations.ServiceCode;
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
 * The registry pages: the list with search and filters, an organisation's page with its contact points
 * and agreements, the form to register or change one, and suspension and reactivation.
 */
@Controller
@RequestMapping("/organisations")
class OrganisationController {

    private static final String READ = "hasAuthority('organisations:read:all')";
    private static final String MANAGE = "hasAuthority('organisations:manage:all')";
    private static final String FORM = "organisations/organisation-form";

    private final OrganisationRegistry registry;
    private final PartnershipAgreements agreements;

    OrganisationController(OrganisationRegistry registry, PartnershipAgreements agreements) {
        this.registry = registry;
        this.agreements = agreements;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("nrmRoles", NrmRole.values());
        model.addAttribute("statuses", OrganisationStatus.values());
        model.addAttribute("serviceCodes", ServiceCode.values());
    }

    @GetMapping
    @PreAuthorize(READ)
    String list(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Sector sector,
            @RequestParam(required = false) NrmRole nrmRole,
            @RequestParam(required = false) OrganisationStatus status,
            Model model) {
        var search = new OrganisationSearch(name, sector, nrmRole, status);
        model.addAttribute("search", search);
        model.addAttribute("organisations", registry.search(search));
        return "organisations/organisations";
    }

    @GetMapping("/{id}")
    @PreAuthorize(READ)
    String details(@PathVariable UUID id, Model model) {
        var organisation = existing(id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("services", OfferedServices.of(organisation));
        model.addAttribute("agreements", agreements.partyTo(id));
        model.addAttribute("today", agreements.today());
        return "organisations/organisation-details";
    }

    @GetMapping("/new")
    @PreAuthorize(MANAGE)
    String newForm(Model model) {
        return show(model, OrganisationForm.blank());
    }

    @PostMapping("/new")
    @PreAuthorize(MANAGE)
    String register(
            @Valid @ModelAttribute("form") OrganisationForm form,
            BindingResult errors,
            @RequestParam(required = false) String addContactPoint,
            Model model,
            RedirectAttributes redirect) {
        if (addContactPoint != null) {
            return show(model, form.withBlankContactRows());
        }
        requireNamedContactPoints(form, errors);
        if (errors.hasErrors()) {
            model.addAttribute("invalid", true);
            return FORM;
        }
        try {
            var organisation = registry.register(form.details());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/organisations/" + organisation.id();
        } catch (OrganisationNameTaken e) {
            errors.rejectValue("name", "organisation.name.taken");
            model.addAttribute("invalid", true);
            return FORM;
        }
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(MANAGE)
    String editForm(@PathVariable UUID id, Model model) {
        var organisation = existing(id);
        model.addAttribute("organisation", organisation);
        return show(model, OrganisationForm.of(organisation));
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize(MANAGE)
    String change(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") OrganisationForm form,
            BindingResult errors,
            @RequestParam(required = false) String addContactPoint,
            Model model,
            RedirectAttributes redirect) {
        var organisation = existing(id);
        model.addAttribute("organisation", organisation);
        if (addContactPoint != null) {
            return show(model, form.withBlankContactRows());
        }
        requireNamedContactPoints(form, errors);
        if (form.version() == null) {
            errors.rejectValue("version", "version.missing");
        }
        if (errors.hasErrors()) {
            model.addAttribute("invalid", true);
            return FORM;
        }
        try {
            registry.change(id, form.version(), form.details());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/organisations/" + id;
        } catch (OrganisationNameTaken e) {
            errors.rejectValue("name", "organisation.name.taken");
            model.addAttribute("invalid", true);
            return FORM;
        } catch (OptimisticLockingFailureException e) {
            // keep every character the person typed; the next save applies it over the current version
            var current = existing(id);
            model.addAttribute("organisation", current);
            model.addAttribute("conflict", true);
            model.addAttribute("currentServices", OfferedServices.of(current));
            return show(model, form.withVersion(current.version()));
        }
    }

    @PostMapping("/{id}/suspend")
    @PreAuthorize(MANAGE)
    String suspend(@PathVariable UUID id, RedirectAttributes redirect) {
        return changeStatus(id, true, redirect);
    }

    @PostMapping("/{id}/reactivate")
    @PreAuthorize(MANAGE)
    String reactivate(@PathVariable UUID id, RedirectAttributes redirect) {
        return changeStatus(id, false, redirect);
    }

    private String changeStatus(UUID id, boolean suspend, RedirectAttributes redirect) {
        try {
            if (suspend) {
                registry.suspend(id);
                redirect.addFlashAttribute("flash", "organisation.flash.suspended");
            } else {
                registry.reactivate(id);
                redirect.addFlashAttribute("flash", "organisation.flash.reactivated");
            }
        } catch (OrganisationAlreadySuspended e) {
            redirect.addFlashAttribute("flash", "organisation.flash.alreadySuspended");
        } catch (OrganisationAlreadyActive e) {
            redirect.addFlashAttribute("flash", "organisation.flash.alreadyActive");
        }
        return "redirect:/organisations/" + id;
    }

    private Organisation existing(UUID id) {
        return registry.find(id).orElseThrow(() -> new RecordNotFound("organisation", id));
    }

    /** A contact point without a name cannot be reached by anyone: a filled row needs one. */
    private static void requireNamedContactPoints(OrganisationForm form, BindingResult errors) {
        List<OrganisationForm.ContactPointForm> rows = form.contactPoints();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            if (!row.isBlank() && !row.isNamed()) {
                errors.rejectValue("contactPoints[" + i + "].name", "contactPoint.name.required");
            }
        }
    }

    /** Shows the form with this input and no errors (after adding a row, or after a conflict). */
    private static String show(Model model, OrganisationForm form) {
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", new BeanPropertyBindingResult(form, "form"));
        return FORM;
    }
}
