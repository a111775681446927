package org.opennrm.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.opennrm.access.AccountManagement;
import org.opennrm.access.Actor;
import org.opennrm.access.Grant;
import org.opennrm.access.Permission;
import org.opennrm.access.Scope;
import org.opennrm.cases.AgeCategory;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseRuleViolation;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.ClosureReason;
import org.opennrm.cases.CodeLists;
import org.opennrm.cases.ConsentPurpose;
import org.opennrm.cases.ConsentStatement;
import org.opennrm.cases.DecisionKind;
import org.opennrm.cases.EventEntry;
import org.opennrm.cases.ProfileChoices;
import org.opennrm.cases.queue.QueuePages;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.OrganisationStatus;
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
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The NRM's pages: the queue of what is due with reminders, the case page (every view logged), and the forms
 * of consent, the children's procedure, profile, timeline and closure ({@link DecisionController} has the
 * identification decisions and reviews). Whoever may
 * not read a case gets the same "not found" as for a case that does not exist.
 */
@Controller
@RequestMapping("/cases")
class CaseController {

    private static final String WRITE = "hasAuthority('cases:write:all')";
    private static final String WRITE_OR_GUARDIAN = "hasAnyAuthority('cases:write:all','child:represent:own')";
    private static final String PROFILE_FORM = "cases/profile-form";

    private final CaseManagement cases;
    private final ProfileChoices choices;
    private final OrganisationRegistry organisations;
    private final AccountManagement accounts;
    private final Clock clock;
    private final QueuePages queuePages;

    CaseController(
            CaseManagement cases,
            ProfileChoices choices,
            OrganisationRegistry organisations,
            AccountManagement accounts,
            Clock clock,
            QueuePages queuePages) {
        this.cases = cases;
        this.choices = choices;
        this.organisations = organisations;
        this.accounts = accounts;
        this.clock = clock;
        this.queuePages = queuePages;
    }

    @GetMapping("/queue")
    @PreAuthorize("hasAuthority('cases:read:all')")
    String queue(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String reference,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        if (reference != null && !reference.isBlank()) {
            var found = cases.findByReference(reference);
            if (found.isPresent()) {
                return "redirect:/cases/" + found.get();
            }
            model.addAttribute("referenceNotFound", true);
        } else if (RequestContextUtils.getInputFlashMap(request) == null) {
            // the page every reader gets: sent as kept when nothing changed since it was last rendered for them
            var kept = queuePages.kept(page, locale);
            if (kept.isPresent()) {
                response.setLocale(locale);
                kept.get().send(request, response);
                return null; // sent: no view (the response argument marks the request as handled)
            }
            model.addAttribute("queueLists", queuePages.listsOfPageToKeep(page, locale, request, response));
            return "cases/queue";
        }
        model.addAttribute("queueLists", queuePages.lists(page, locale, request, response));
        return "cases/queue";
    }

    @GetMapping("/{id}")
    String details(@PathVariable UUID id, Model model, Locale locale) {
        var file = cases.read(CaseId.of(id));
        var details = file.details();
        model.addAttribute("file", file);
        model.addAttribute("details", details);
        model.addAttribute("person", file.person());
        model.addAttribute("names", namesOf(details, organisations.all()));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("closureReasons", ClosureReason.values());
        model.addAttribute("countryNames", cases.codeLists().countryNames(locale));
        model.addAttribute("languageNames", cases.codeLists().languageNames(locale));
        boolean open = details.status() == CaseStatus.OPEN;
        // what the reader may do, decided once here rather than by a dozen checks in the page (a sec:authorize
        // evaluated a security expression each time: four of them were 6% of the page's CPU time in a profile);
        // reading the case above already required a signed-in actor
        var reader = Actor.current().orElseThrow();
        boolean writes = reader.can(Permission.CASES_WRITE, Scope.ALL);
        model.addAttribute("open", open);
        model.addAttribute("readsAll", reader.can(Permission.CASES_READ, Scope.ALL));
        // the documents page's own rule: those who read all cases, and a guardian their child's (a service provider
        // reads a case only through a referral to it, and its documents only as shared there)
        model.addAttribute(
                "readsDocuments",
                reader.grants().contains(new Grant(Permission.CASES_READ, Scope.ALL))
                        || reader.grants().contains(new Grant(Permission.CASES_READ, Scope.OWN)));
        model.addAttribute("managesRetention", reader.can(Permission.RETENTION_MANAGE, Scope.ALL));
        model.addAttribute("readsCriminalJustice", reader.can(Permission.CRIMINAL_JUSTICE_READ, Scope.ALL));
        model.addAttribute("mayDecide", reader.can(Permission.DECISIONS_TAKE, Scope.ALL));
        model.addAttribute("mayChange", open && writes);
        model.addAttribute("mayConsent", open && (writes || reader.can(Permission.CHILD_REPRESENT, Scope.OWN)));
        model.addAttribute("canDecidePreliminary", details.awaitsDecision(DecisionKind.PRELIMINARY));
        model.addAttribute("canDecideFormal", details.awaitsDecision(DecisionKind.FORMAL));
        return "cases/case-details";
    }

    // --- the case page's occasional forms, opened on demand

    /**
     * The forms that write to a case, for the consent and the children's procedure. A case page reads far more
     * often than it writes, and these forms were most of its weight (the country list alone some 250 options):
     * the page now offers each one closed, and opening it fetches it (htmx), or, without JavaScript, follows the
     * link to it as a page of its own. The form needs nothing of the case but its id and the version the page
     * showed, which its POST checks, so this reads no case data and logs no read.
     */
    @GetMapping("/{id}/forms/{form:consent|best-interests}")
    @PreAuthorize(WRITE_OR_GUARDIAN)
    String caseFormForCaseWorkersOrGuardians(
            @PathVariable UUID id,
            @PathVariable String form,
            @RequestParam(required = false) Integer version,
            Model model,
            Locale locale,
            HttpServletRequest request) {
        return caseForm(id, form, version, model, locale, request);
    }

    @GetMapping("/{id}/forms/{form:guardian|age-assessment|event}")
    @PreAuthorize(WRITE)
    String caseFormForCaseWorkers(
            @PathVariable UUID id,
            @PathVariable String form,
            @RequestParam(required = false) Integer version,
            Model model,
            Locale locale,
            HttpServletRequest request) {
        return caseForm(id, form, version, model, locale, request);
    }

    private String caseForm(
            UUID id, String form, Integer version, Model model, Locale locale, HttpServletRequest request) {
        model.addAttribute("caseId", id);
        model.addAttribute("version", version);
        model.addAttribute("today", LocalDate.now(clock));
        String fragment;
        String title;
        switch (form) {
            case "consent" -> {
                fragment = "consent";
                title = "consent.record";
                model.addAttribute("consentPurposes", ConsentPurpose.values());
                model.addAttribute(
                        "sharingChoices",
                        organisations.all().stream()
                                .filter(organisation -> organisation.status() == OrganisationStatus.ACTIVE)
                                .toList());
            }
            case "guardian" -> {
                fragment = "guardian";
                title = "guardian.appoint";
                model.addAttribute("guardians", cases.guardians());
            }
            case "best-interests" -> {
                fragment = "bestInterests";
                title = "bestInterests.record";
            }
            case "age-assessment" -> {
                fragment = "ageAssessment";
                title = "ageAssessment.record";
            }
            default -> {
                fragment = "event";
                title = "event.add";
                model.addAttribute("eventTypeCodes", cases.codeLists().codes(CodeLists.EVENT_TYPE));
                model.addAttribute("countryOptionsHtml", countryOptionsHtml(locale, model));
            }
        }
        if ("true".equals(request.getHeader("HX-Request"))) {
            return "cases/case-forms :: " + fragment;
        }
        model.addAttribute("form", fragment);
        model.addAttribute("formTitle", title);
        // a page of its own says which case it writes to (opened from the case page, the page shows that)
        model.addAttribute("reference", cases.referenceOf(CaseId.of(id)));
        return "cases/case-form";
    }

    // --- profile

    @GetMapping("/{id}/profile")
    @PreAuthorize(WRITE)
    String profileForm(@PathVariable UUID id, Model model, Locale locale) {
        var details = cases.read(CaseId.of(id)).details();
        var form = ProfileForm.of(details);
        model.addAttribute("details", details);
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", new BeanPropertyBindingResult(form, "form"));
        model.addAllAttributes(choices.in(locale));
        return PROFILE_FORM;
    }

    @PostMapping("/{id}/profile")
    @PreAuthorize(WRITE)
    String changeProfile(
            @PathVariable UUID id,
            @ModelAttribute("form") ProfileForm form,
            BindingResult errors,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        var caseId = CaseId.of(id);
        try {
            cases.changeProfile(caseId, form.version(), form.profile());
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/cases/" + id;
        } catch (CaseRuleViolation e) {
            errors.reject(e.messageKey());
            model.addAttribute("invalid", true);
            model.addAttribute("details", cases.read(caseId).details());
        } catch (OptimisticLockingFailureException e) {
            var current = cases.read(caseId).details();
            model.addAttribute("conflict", true);
            model.addAttribute("details", current);
            model.addAttribute("form", form.withVersion(current.version()));
        }
        model.addAllAttributes(choices.in(locale));
        return PROFILE_FORM;
    }

    // --- actions on the case page: each redirects back with what happened

    /**
     * Withdraws the consent the case page's button names ({@code consent}, its id), or, as a form elsewhere may
     * ask, the consent in force for a purpose (and organisation).
     */
    @PostMapping("/{id}/consents/withdraw")
    @PreAuthorize(WRITE_OR_GUARDIAN)
    String withdrawConsent(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID consent,
            @RequestParam(required = false) ConsentPurpose purpose,
            @RequestParam(required = false) UUID organisationId,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        return act(id, redirect, "consent.flash.withdrawn", () -> {
            if (consent != null) {
                cases.withdrawConsent(CaseId.of(id), version, consent);
            } else {
                cases.withdrawConsent(CaseId.of(id), version, purpose, organisationId);
            }
        });
    }

    @PostMapping("/{id}/consents")
    @PreAuthorize(WRITE_OR_GUARDIAN)
    String giveConsent(
            @PathVariable UUID id,
            @RequestParam ConsentPurpose purpose,
            @RequestParam(required = false) UUID organisationId,
            @RequestParam(defaultValue = "true") boolean given,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        return actFromForm(
                id,
                "consent",
                typed("purpose", purpose, "organisationId", organisationId),
                redirect,
                "consent.flash.recorded",
                () -> cases.giveConsent(CaseId.of(id), version, new ConsentStatement(purpose, organisationId, given)));
    }

    @PostMapping("/{id}/guardian")
    @PreAuthorize(WRITE)
    String appointGuardian(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID guardianAccountId,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        return actFromForm(
                id,
                "guardian",
                typed("guardianAccountId", guardianAccountId),
                redirect,
                "guardian.flash.appointed",
                () -> cases.appointGuardian(CaseId.of(id), version, guardianAccountId));
    }

    @PostMapping("/{id}/best-interests")
    @PreAuthorize(WRITE_OR_GUARDIAN)
    String recordBestInterests(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assessedOn,
            @RequestParam(required = false) String summary,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        return actFromForm(
                id,
                "best-interests",
                typed("assessedOn", assessedOn, "summary", summary),
                redirect,
                "bestInterests.flash.recorded",
                () -> cases.recordBestInterests(CaseId.of(id), version, assessedOn, summary));
    }

    @PostMapping("/{id}/age-assessment")
    @PreAuthorize(WRITE)
    String recordAgeAssessment(
            @PathVariable UUID id,
            @RequestParam(required = false) AgeCategory outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assessedOn,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        return actFromForm(
                id,
                "age-assessment",
                typed("outcome", outcome, "assessedOn", assessedOn),
                redirect,
                "ageAssessment.flash.recorded",
                () -> cases.recordAgeAssessment(CaseId.of(id), version, outcome, assessedOn));
    }

    @PostMapping("/{id}/events")
    @PreAuthorize(WRITE)
    String addEvent(
            @PathVariable UUID id,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        return actFromForm(
                id,
                "event",
                typed("type", type, "occurredOn", occurredOn, "country", country, "description", description),
                redirect,
                "event.flash.added",
                () -> cases.addEvent(
                        CaseId.of(id),
                        version,
                        new EventEntry(
                                type == null || type.isBlank() ? null : type, occurredOn, country, description)));
    }

    @PostMapping("/{id}/assistance")
    @PreAuthorize(WRITE)
    String startAssistance(
            @PathVariable UUID id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return act(id, redirect, "assistance.flash.started", () -> cases.startAssistance(CaseId.of(id), version));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(WRITE)
    String close(
            @PathVariable UUID id,
            @RequestParam(required = false) ClosureReason reason,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String confirmed,
            RedirectAttributes redirect) {
        // closing is not undone by a second tap: the page asks for the box to be ticked (a browser without its
        // check sends the form without it, and is refused here)
        if (!"true".equals(confirmed)) {
            redirect.addFlashAttribute("refused", "case.close.notConfirmed");
            return "redirect:/cases/" + id;
        }
        return act(id, redirect, "case.flash.closed", () -> cases.close(CaseId.of(id), version, reason));
    }

    /**
     * Like {@link #act}, for a form with text typed into it: a refusal goes back to the form, as a page of its own,
     * with the message, what was typed, and the case's current version (after a conflict the person reads the
     * message, checks the case and sends again), so that nothing typed is lost.
     */
    private String actFromForm(
            UUID id,
            String form,
            Map<String, String> typed,
            RedirectAttributes redirect,
            String done,
            Runnable action) {
        return attempt(id, redirect, done, action, refused -> backToForm(id, form, typed, refused, redirect));
    }

    private String backToForm(
            UUID id, String form, Map<String, String> typed, String refused, RedirectAttributes redirect) {
        redirect.addFlashAttribute("refused", refused);
        redirect.addFlashAttribute("typed", typed);
        return cases.summary(CaseId.of(id))
                .map(summary -> "redirect:/cases/" + id + "/forms/" + form + "?version=" + summary.version())
                .orElse("redirect:/cases/" + id);
    }

    /** The fields of a form as typed, by name, for {@link #backToForm}; absent ones are left out. */
    private static Map<String, String> typed(Object... namesAndValues) {
        var typed = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                typed.put((String) namesAndValues[i], namesAndValues[i + 1].toString());
            }
        }
        return typed;
    }

    /** The country options, with the country typed before a refusal (see {@link #backToForm}) chosen again. */
    private String countryOptionsHtml(Locale locale, Model model) {
        String html = cases.codeLists().countryOptionsHtml(locale);
        if (model.getAttribute("typed") instanceof Map<?, ?> typed && typed.get("country") instanceof String country) {
            // only an exact code of the list matches: anything else typed leaves the options as they are
            return html.replace("value=\"" + country + "\">", "value=\"" + country + "\" selected>");
        }
        return html;
    }

    /** Does what a form on the case page asks and goes back to the case page, with what was done or refused. */
    private static String act(UUID id, RedirectAttributes redirect, String done, Runnable action) {
        return attempt(id, redirect, done, action, refused -> {
            redirect.addFlashAttribute("refused", refused);
            return "redirect:/cases/" + id;
        });
    }

    /**
     * Runs a change to a case: done, back to the case page with {@code done} as its message; refused by a case rule
     * or by a concurrent change, where {@code refusedTo} sends the person with the refusal's message key.
     */
    private static String attempt(
            UUID id, RedirectAttributes redirect, String done, Runnable action, Function<String, String> refusedTo) {
        try {
            action.run();
        } catch (CaseRuleViolation e) {
            return refusedTo.apply(e.messageKey());
        } catch (OptimisticLockingFailureException e) {
            return refusedTo.apply("form.conflict");
        }
        redirect.addFlashAttribute("flash", done);
        return "redirect:/cases/" + id;
    }

    // --- helpers

    /** Names of the organisations and accounts a case page mentions (professionals, not the person). */
    private Map<UUID, String> namesOf(Case details, List<Organisation> registered) {
        var names = new HashMap<UUID, String>();
        registered.forEach(organisation -> names.put(organisation.id(), organisation.name()));
        var mentioned = new HashSet<UUID>();
        details.guardians().forEach(appointment -> mentioned.add(appointment.guardianAccountId()));
        details.decisions().forEach(decision -> mentioned.add(decision.decidedBy()));
        names.putAll(accounts.displayNames(mentioned));
        return names;
    }
}
