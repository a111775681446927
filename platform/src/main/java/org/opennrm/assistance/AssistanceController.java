package org.opennrm.assistance;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseRuleViolation;
import org.opennrm.cases.SurvivorTexts;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of assistance: the case's needs, plan, services and non-punishment; the closure with a durable solution
 * and the person's feedback (questions shown in the person's language); reopening; permit reminders.
 */
@Controller
@RequestMapping("/assistance")
class AssistanceController {

    private static final String READ = "hasAnyAuthority('cases:read:all','services:record:organisation')";
    private static final String WRITE = "hasAuthority('cases:write:all')";
    private static final String RECORD = "hasAnyAuthority('cases:write:all','services:record:organisation')";

    private final Assistance assistance;
    private final OrganisationRegistry organisations;
    private final MessageSource messages;

    private final SurvivorTexts survivorTexts;
    private final CaseManagement cases;

    AssistanceController(
            Assistance assistance,
            OrganisationRegistry organisations,
            MessageSource messages,
            SurvivorTexts survivorTexts,
            CaseManagement cases) {
        this.survivorTexts = survivorTexts;
        this.cases = cases;
        this.assistance = assistance;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping("/cases/{id}")
    @PreAuthorize(READ)
    String page(@PathVariable UUID id, Model model) {
        var file = assistance.read(CaseId.of(id));
        model.addAttribute("file", file);
        model.addAttribute("caseId", id);
        model.addAttribute("areas", NeedArea.values());
        model.addAttribute("levels", NeedLevel.values());
        model.addAttribute("kinds", PlanItemKind.values());
        model.addAttribute("serviceTypes", ServiceType.values());
        model.addAttribute("results", ServiceResult.values());
        model.addAttribute("names", organisationNames());
        return "assistance/assistance";
    }

    @PostMapping("/cases/{id}/needs")
    @PreAuthorize(WRITE)
    String assess(@PathVariable UUID id, @ModelAttribute NeedForm form, RedirectAttributes redirect) {
        return act(id, redirect, "assist.flash.assessed", () -> assistance.assess(CaseId.of(id), form));
    }

    @PostMapping("/cases/{id}/plan")
    @PreAuthorize(WRITE)
    String openPlan(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "assist.flash.planOpened", () -> assistance.openPlan(CaseId.of(id)));
    }

    @PostMapping("/cases/{id}/plan/items")
    @PreAuthorize(WRITE)
    String addToPlan(@PathVariable UUID id, @ModelAttribute PlanItemForm form, RedirectAttributes redirect) {
        return act(id, redirect, "assist.flash.itemAdded", () -> assistance.addToPlan(CaseId.of(id), form));
    }

    @PostMapping("/cases/{id}/plan/close")
    @PreAuthorize(WRITE)
    String closePlan(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "assist.flash.planClosed", () -> assistance.closePlan(CaseId.of(id)));
    }

    @PostMapping("/cases/{id}/services")
    @PreAuthorize(RECORD)
    String recordService(@PathVariable UUID id, @ModelAttribute ServiceForm form, RedirectAttributes redirect) {
        return act(id, redirect, "assist.flash.serviceRecorded", () -> assistance.recordService(CaseId.of(id), form));
    }

    @PostMapping("/cases/{id}/services/{serviceId}/result")
    @PreAuthorize(RECORD)
    String recordResult(
            @PathVariable UUID id,
            @PathVariable UUID serviceId,
            @ModelAttribute ResultForm form,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("decidedService", serviceId);
        return act(
                id,
                redirect,
                "assist.flash.resultRecorded",
                () -> assistance.recordResult(CaseId.of(id), serviceId, form));
    }

    @PostMapping("/cases/{id}/non-punishment")
    @PreAuthorize(WRITE)
    String nonPunishment(@PathVariable UUID id, @ModelAttribute NonPunishmentForm form, RedirectAttributes redirect) {
        return act(
                id, redirect, "assist.flash.nonPunishment", () -> assistance.recordNonPunishment(CaseId.of(id), form));
    }

    @GetMapping("/cases/{id}/closure")
    @PreAuthorize(WRITE)
    String closure(@PathVariable UUID id, @RequestParam(required = false) String language, Model model, Locale locale) {
        var file = assistance.read(CaseId.of(id));
        // the person's own language first (a logged read of the case), unless another one was asked for
        List<String> recorded = survivorTexts.offers(language) ? List.of() : cases.languagesOf(CaseId.of(id));
        String chosen = survivorTexts.choose(language, recorded, locale);
        var shown = survivorTexts.language(chosen).orElseThrow();
        Map<String, SurvivorTexts.Text> questions = new LinkedHashMap<>();
        for (var question : FeedbackQuestion.values()) {
            questions.put(fieldOf(question), survivorTexts.text(chosen, "feedback.question." + question));
        }
        Map<String, SurvivorTexts.Text> answers = new LinkedHashMap<>();
        for (var answer : FeedbackAnswer.values()) {
            answers.put(answer.name(), survivorTexts.text(chosen, "feedback.answer." + answer));
        }
        model.addAttribute("file", file);
        model.addAttribute("caseId", id);
        model.addAttribute("feedbackLanguage", chosen);
        model.addAttribute("feedbackShown", shown);
        model.addAttribute("feedbackIntro", survivorTexts.text(chosen, "feedback.intro"));
        model.addAttribute("feedbackTitle", survivorTexts.text(chosen, "feedback.title"));
        model.addAttribute("feedbackLanguages", survivorTexts.languages());
        model.addAttribute("questions", questions);
        model.addAttribute("answers", answers);
        model.addAttribute("solutions", DurableSolution.values());
        return "assistance/closure";
    }

    @PostMapping("/cases/{id}/closure")
    @PreAuthorize(WRITE)
    String close(@PathVariable UUID id, @ModelAttribute ClosureForm form, RedirectAttributes redirect) {
        try {
            assistance.close(CaseId.of(id), form);
            redirect.addFlashAttribute("flash", "assist.flash.closed");
            return "redirect:/assistance/cases/" + id + "/closure";
        } catch (AssistanceRuleViolation refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        } catch (CaseRuleViolation refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/assistance/cases/" + id + "/closure";
    }

    @PostMapping("/cases/{id}/reopen")
    @PreAuthorize(WRITE)
    String reopen(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            assistance.reopen(CaseId.of(id), reason);
            redirect.addFlashAttribute("flash", "assist.flash.reopened");
        } catch (CaseRuleViolation refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/assistance/cases/" + id + "/closure";
    }

    @GetMapping("/reminders")
    @PreAuthorize("hasAuthority('cases:read:all')")
    String reminders(Model model) {
        model.addAttribute("reminders", assistance.permitReminders());
        return "assistance/reminders";
    }

    /** The form field of a question: FELT_SAFE is answered in the field feltSafe. */
    static String fieldOf(FeedbackQuestion question) {
        var words = question.name().toLowerCase(Locale.ROOT).split("_");
        var field = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            field.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return field.toString();
    }

    private static String act(UUID id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", done);
        } catch (AssistanceRuleViolation refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
            if (refused.field() != null) {
                redirect.addFlashAttribute("refusedField", refused.field());
            }
        }
        return "redirect:/assistance/cases/" + id;
    }

    private Map<UUID, String> organisationNames() {
        var names = new HashMap<UUID, String>();
        organisations.all().forEach(organisation -> names.put(organisation.id(), organisation.name()));
        return names;
    }
}
