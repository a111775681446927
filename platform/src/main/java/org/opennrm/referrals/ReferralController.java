package org.opennrm.referrals;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseRuleViolation;
import org.opennrm.cases.CodeNotInList;
import org.opennrm.cases.ProfileChoices;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.OrganisationStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The referrer's pages: the referral form (phone-friendly, reachable from a screening with
 * {@code ?screening=<id>}), "my referrals" with status and counts per month, and the anonymous notification
 * for an adult who declines.
 */
@Controller
@RequestMapping("/referrals")
class ReferralController {

    private static final String CREATE = "hasAuthority('referrals:create:organisation')";
    private static final String READ = "hasAnyAuthority('referrals:read:organisation','referrals:read:all')";
    private static final String FORM = "referrals/referral-form";
    private static final String ANONYMOUS = "referrals/anonymous-notification";

    // which field a refused rule is about, so that its message shows next to it
    private static final Map<String, String> FIELD_OF_RULE = Map.of(
            "caseRule.guardianMissing", "guardianAccountId",
            "caseRule.notAGuardian", "guardianAccountId",
            "caseRule.consentForAssistance", "consentAssistance",
            "caseRule.ageMissing", "ageEstimate",
            "caseRule.birthInFuture", "dateOfBirth",
            "caseRule.ageEstimate", "ageEstimate",
            "caseRule.eventDateInFuture", "eventDate",
            "caseRule.eventIncomplete", "eventDate",
            "caseRule.childNotAnonymous", "ageGroup",
            "caseRule.ageGroupMissing", "ageGroup");

    private final Referrals referrals;
    private final CaseManagement cases;
    private final ProfileChoices choices;
    private final OrganisationRegistry organisations;
    private final Clock clock;

    ReferralController(
            Referrals referrals,
            CaseManagement cases,
            ProfileChoices choices,
            OrganisationRegistry organisations,
            Clock clock) {
        this.referrals = referrals;
        this.cases = cases;
        this.choices = choices;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping("/new")
    @PreAuthorize(CREATE)
    String newForm(@RequestParam(name = "screening", required = false) UUID screening, Model model, Locale locale) {
        var form = ReferralForm.blank(screening);
        if (screening != null) {
            var context = cases.screeningContext(screening);
            if (context.isPresent()) {
                form = form.withScreening(
                        context.get().exploitationForms(), context.get().ageInDoubt());
            }
        }
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", new BeanPropertyBindingResult(form, "form"));
        return withChoices(model, locale, FORM);
    }

    @PostMapping("/new")
    @PreAuthorize(CREATE)
    String refer(
            @Valid @ModelAttribute("form") ReferralForm form,
            BindingResult errors,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                var receipt = referrals.refer(form.request(form.childrensProcedure(LocalDate.now(clock))));
                redirect.addFlashAttribute("flash", "referral.flash.sent");
                redirect.addFlashAttribute("sentReference", receipt.reference());
                return "redirect:/referrals/mine";
            } catch (CodeNotInList e) {
                errors.reject(e.messageKey());
            } catch (CaseRuleViolation e) {
                reject(errors, e.messageKey());
            } catch (Referrals.ReferralRefused e) {
                errors.reject(e.messageKey());
            }
        }
        model.addAttribute("invalid", true);
        return withChoices(model, locale, FORM);
    }

    @GetMapping("/mine")
    @PreAuthorize(READ)
    String mine(Model model) {
        model.addAttribute("referrals", referrals.mine());
        model.addAttribute("monthlyCounts", referrals.monthlyCounts());
        return "referrals/my-referrals";
    }

    @GetMapping("/anonymous")
    @PreAuthorize(CREATE)
    String anonymousForm(Model model, Locale locale) {
        var form = AnonymousNotificationForm.blank();
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", new BeanPropertyBindingResult(form, "form"));
        return withChoices(model, locale, ANONYMOUS);
    }

    @PostMapping("/anonymous")
    @PreAuthorize(CREATE)
    String notifyAnonymously(
            @Valid @ModelAttribute("form") AnonymousNotificationForm form,
            BindingResult errors,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                cases.notifyAnonymously(form.notification());
                redirect.addFlashAttribute("flash", "anonymous.flash.sent");
                return "redirect:/referrals/mine";
            } catch (CaseRuleViolation e) {
                reject(errors, e.messageKey());
            }
        }
        model.addAttribute("invalid", true);
        return withChoices(model, locale, ANONYMOUS);
    }

    private static void reject(BindingResult errors, String messageKey) {
        var field = FIELD_OF_RULE.get(messageKey);
        if (field == null) {
            errors.reject(messageKey);
        } else {
            errors.rejectValue(field, messageKey);
        }
    }

    private String withChoices(Model model, Locale locale, String view) {
        model.addAllAttributes(choices.in(locale));
        model.addAttribute("guardians", cases.guardians());
        model.addAttribute(
                "sharingChoices",
                organisations.all().stream()
                        .filter(organisation -> organisation.status() == OrganisationStatus.ACTIVE)
                        .toList());
        return view;
    }
}
