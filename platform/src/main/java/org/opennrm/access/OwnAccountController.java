package org.opennrm.access;

import jakarta.validation.Valid;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own account: profile, password, second factor status. */
@Controller
@RequestMapping("/account")
@PreAuthorize("hasAuthority('SIGNED_IN')")
class OwnAccountController {

    private final AccountManagement accounts;
    private final OrganisationRegistry organisations;

    OwnAccountController(AccountManagement accounts, OrganisationRegistry organisations) {
        this.accounts = accounts;
        this.organisations = organisations;
    }

    @GetMapping
    String ownAccount(Model model) {
        model.addAttribute("passwordForm", AccountPasswordForm.empty());
        return page(model);
    }

    @PostMapping("/password")
    String changePassword(
            @Valid @ModelAttribute("passwordForm") AccountPasswordForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (form.newPassword() != null && !form.newPassword().equals(form.repeatPassword())) {
            errors.rejectValue("repeatPassword", "account.password.mismatch");
        }
        if (!errors.hasErrors()) {
            try {
                accounts.changeOwnPassword(form.currentPassword(), form.newPassword());
                redirect.addFlashAttribute("flash", "account.flash.passwordChanged");
                return "redirect:/account";
            } catch (AccountChangeRefused e) {
                errors.rejectValue("currentPassword", e.messageKey());
            } catch (PasswordTooWeak e) {
                errors.rejectValue("newPassword", "account.password.tooShort");
            }
        }
        return page(model);
    }

    private String page(Model model) {
        var account = accounts.own();
        model.addAttribute("account", account);
        model.addAttribute(
                "organisationName",
                organisations
                        .find(account.organisationId())
                        .map(Organisation::name)
                        .orElse(""));
        model.addAttribute("secondFactorRequired", account.requiresSecondFactor());
        model.addAttribute("passwordChangeRequired", accounts.ownPasswordChangeRequired());
        return "access/account-own";
    }
}
