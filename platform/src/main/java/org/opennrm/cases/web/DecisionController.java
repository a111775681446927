package org.opennrm.cases.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseRuleViolation;
import org.opennrm.cases.Decision;
import org.opennrm.cases.DecisionKind;
import org.opennrm.cases.DecisionOutcome;
import org.opennrm.cases.ReviewOutcome;
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
 * The identification decisions of a case (preliminary and formal) and the review of a negative one, as forms with
 * field messages. What may be decided when is the aggregate's rule ({@link Case#awaitsDecision}); a refusal comes
 * back on the form with its message and everything typed.
 */
@Controller
@RequestMapping("/cases")
class DecisionController {

    private static final String DECIDE = "hasAuthority('decisions:take:all')";
    private static final String DECISION_FORM = "cases/decision-form";
    private static final String REVIEW_FORM = "cases/review-form";

    private final CaseManagement cases;
    private final Clock clock;

    DecisionController(CaseManagement cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * A decision or review form, with the outcomes it offers. Added here rather than by a
     * {@code @ModelAttribute} method, which ran on every request of this controller (the queue and the case
     * page too) through the controller's security proxy: a twentieth of the queue page's CPU time.
     */
    private static String form(Model model, String view) {
        model.addAttribute("outcomes", DecisionOutcome.values());
        model.addAttribute("reviewOutcomes", ReviewOutcome.values());
        return view;
    }

    @GetMapping("/{id}/decisions/{kind}")
    @PreAuthorize(DECIDE)
    String decisionForm(@PathVariable UUID id, @PathVariable String kind, Model model) {
        var decisionKind = kindOf(kind);
        var details = cases.read(CaseId.of(id)).details();
        return showDecisionForm(
                model, details, decisionKind, DecisionForm.blank(LocalDate.now(clock), details.version()));
    }

    @PostMapping("/{id}/decisions/{kind}")
    @PreAuthorize(DECIDE)
    String decide(
            @PathVariable UUID id,
            @PathVariable String kind,
            @Valid @ModelAttribute("form") DecisionForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var decisionKind = kindOf(kind);
        var caseId = CaseId.of(id);
        if (form.outcome() != null && form.outcome().kind() != decisionKind) {
            errors.rejectValue("outcome", "decision.outcome.required");
        }
        if (!errors.hasErrors()) {
            try {
                if (decisionKind == DecisionKind.PRELIMINARY) {
                    cases.decidePreliminary(caseId, form.version(), form.request());
                } else {
                    cases.decideFormal(caseId, form.version(), form.request());
                }
                redirect.addFlashAttribute("flash", "decision.flash.recorded");
                return "redirect:/cases/" + id;
            } catch (CaseRuleViolation e) {
                errors.reject(e.messageKey());
            } catch (OptimisticLockingFailureException e) {
                var current = cases.read(caseId).details();
                model.addAttribute("conflict", true);
                model.addAttribute("details", current);
                model.addAttribute("kind", decisionKind);
                model.addAttribute("form", form.withVersion(current.version()));
                return form(model, DECISION_FORM);
            }
        }
        model.addAttribute("invalid", true);
        model.addAttribute("details", cases.read(caseId).details());
        model.addAttribute("kind", decisionKind);
        return form(model, DECISION_FORM);
    }

    @GetMapping("/{id}/decisions/{decisionId}/review")
    @PreAuthorize(DECIDE)
    String reviewForm(@PathVariable UUID id, @PathVariable UUID decisionId, Model model) {
        var details = cases.read(CaseId.of(id)).details();
        model.addAttribute("details", details);
        model.addAttribute("decision", decisionOf(details, decisionId));
        var form = ReviewForm.blank(LocalDate.now(clock), details.version());
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", new BeanPropertyBindingResult(form, "form"));
        return form(model, REVIEW_FORM);
    }

    @PostMapping("/{id}/decisions/{decisionId}/review")
    @PreAuthorize(DECIDE)
    String review(
            @PathVariable UUID id,
            @PathVariable UUID decisionId,
            @Valid @ModelAttribute("form") ReviewForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var caseId = CaseId.of(id);
        if (!errors.hasErrors()) {
            try {
                cases.review(caseId, decisionId, form.version(), form.request());
                redirect.addFlashAttribute("flash", "review.flash.recorded");
                return "redirect:/cases/" + id;
            } catch (CaseRuleViolation e) {
                errors.reject(e.messageKey());
            } catch (OptimisticLockingFailureException e) {
                var current = cases.read(caseId).details();
                model.addAttribute("conflict", true);
                model.addAttribute("details", current);
                model.addAttribute("decision", decisionOf(current, decisionId));
                model.addAttribute("form", form.withVersion(current.version()));
                return form(model, REVIEW_FORM);
            }
        }
        var details = cases.read(caseId).details();
        model.addAttribute("invalid", true);
        model.addAttribute("details", details);
        model.addAttribute("decision", decisionOf(details, decisionId));
        return form(model, REVIEW_FORM);
    }

    private String showDecisionForm(Model model, Case details, DecisionKind kind, DecisionForm form) {
        model.addAttribute("details", details);
        model.addAttribute("kind", kind);
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", new BeanPropertyBindingResult(form, "form"));
        return form(model, DECISION_FORM);
    }

    private static DecisionKind kindOf(String kind) {
        return switch (kind) {
            case "preliminary" -> DecisionKind.PRELIMINARY;
            case "formal" -> DecisionKind.FORMAL;
            default -> throw new org.opennrm.RecordNotFound("decision form", kind);
        };
    }

    private static Decision decisionOf(Case details, UUID decisionId) {
        return details.decisions().stream()
                .filter(decision -> decision.id().equals(decisionId))
                .findFirst()
                .orElseThrow(() -> new org.opennrm.RecordNotFound("decision", decisionId));
    }
}
