package org.opennrm.access;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opennrm.RecordNotFound;
import org.opennrm.access.AccountManagement.AccountSearch;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Account administration pages. Administrators create and change accounts; co-ordinators see the same
 * list and details but cannot change anything.
 */
@Controller
@RequestMapping("/accounts")
@PreAuthorize("hasAuthority('accounts:read:all')")
class AccountsController {

    private final AccountManagement accounts;
    private final OrganisationRegistry organisations;
    private final Clock clock;

    AccountsController(AccountManagement accounts, OrganisationRegistry organisations, Clock clock) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping
    String list(
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(required = false) UUID organisation,
            @RequestParam(required = false) Role role,
            Model model) {
        model.addAttribute("accounts", accounts.search(new AccountSearch(text, organisation, role)));
        model.addAttribute("q", text);
        model.addAttribute("organisation", organisation);
        model.addAttribute("role", role);
        return withChoices(model, "access/accounts");
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('accounts:manage:all')")
    String newAccount(Model model) {
        model.addAttribute("form", AccountForm.empty());
        return withChoices(model, "access/account-new");
    }

    @PostMapping
    @PreAuthorize("hasAuthority('accounts:manage:all')")
    String create(
            @Valid @ModelAttribute("form") AccountForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                var account = accounts.register(form.toNewAccount());
                redirect.addFlashAttribute("flash", "account.flash.created");
                return "redirect:/accounts/" + account.id();
            } catch (AccountAlreadyExists e) {
                errors.rejectValue("username", "account.username.taken");
            } catch (PasswordTooWeak e) {
                errors.rejectValue("password", "account.password.tooShort");
            } catch (AccountChangeRefused e) {
                errors.reject(e.messageKey());
            } catch (IllegalArgumentException e) {
                errors.rejectValue("organisationId", "account.organisation.required");
            }
        }
        return withChoices(model, "access/account-new");
    }

    @GetMapping("/{id}")
    String details(@PathVariable UUID id, Model model) {
        model.addAttribute("passwordForm", AccountPasswordForm.empty());
        return details(accounts.read(id), model);
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('accounts:manage:all')")
    String edit(@PathVariable UUID id, Model model) {
        var account = accounts.read(id);
        model.addAttribute("account", account);
        model.addAttribute("form", AccountEditForm.of(account));
        model.addAttribute("version", account.version());
        return withChoices(model, "access/account-edit");
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('accounts:manage:all')")
    String change(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") AccountEditForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        int version = form.version();
        if (!errors.hasErrors()) {
            try {
                accounts.change(id, form.version(), form.toChange());
                redirect.addFlashAttribute("flash", "flash.saved");
                return "redirect:/accounts/" + id;
            } catch (OptimisticLockingFailureException e) {
                // keep what the person typed; offer the current version to compare with and save over
                var current = accounts.read(id);
                model.addAttribute("conflict", true);
                model.addAttribute("current", current);
                version = current.version();
            } catch (AccountChangeRefused e) {
                errors.reject(e.messageKey());
            }
        }
        model.addAttribute("account", accounts.find(id).orElseThrow(() -> new RecordNotFound("account", id)));
        model.addAttribute("version", version);
        return withChoices(model, "access/account-edit");
    }

    @PostMapping("/{id}/disable")
    @PreAuthorize("hasAuthority('accounts:manage:all')")
    String disable(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            accounts.disable(id);
            redirect.addFlashAttribute("flash", "account.flash.disabled");
        } catch (AccountChangeRefused e) {
            redirect.addFlashAttribute("refused", e.messageKey());
        }
        return "redirect:/accounts/" + id;
    }

    @PostMapping("/{id}/enable")
    @PreAuthorize("hasAuthority('accounts:manage:all')")
    String enable(@PathVariable UUID id, RedirectAttributes redirect) {
        accounts.enable(id);
        redirect.addFlashAttribute("flash", "account.flash.enabled");
        return "redirect:/accounts/" + id;
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasAuthority('accounts:manage:all')")
    String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
        accounts.unlock(id);
        redirect.addFlashAttribute("flash", "account.flash.unlocked");
        return "redirect:/accounts/" + id;
    }

    @PostMapping("/{id}/second-factor/reset")
    @PreAuthorize("hasAuthority('accounts:manage:all')")
    String resetSecondFactor(@PathVariable UUID id, RedirectAttributes redirect) {
        accounts.resetSecondFactor(id);
        redirect.addFlashAttribute("flash", "account.flash.secondFactorReset");
        return "redirect:/accounts/" + id;
    }

    @PostMapping("/{id}/password")
    @PreAuthorize("hasAuthority('accounts:manage:all')")
    String setPassword(
            @PathVariable UUID id,
            @Valid @ModelAttribute("passwordForm") AccountPasswordForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                accounts.setPassword(id, form.newPassword());
                redirect.addFlashAttribute("flash", "account.flash.passwordSet");
                return "redirect:/accounts/" + id;
            } catch (PasswordTooWeak e) {
                errors.rejectValue("newPassword", "account.password.tooShort");
            }
        }
        return details(accounts.read(id), model);
    }

    private String details(Account account, Model model) {
        model.addAttribute("account", account);
        model.addAttribute(
                "organisationName",
                organisations
                        .find(account.organisationId())
                        .map(Organisation::name)
                        .orElse(""));
        model.addAttribute("locked", account.isLocked(clock.instant()));
        model.addAttribute("secondFactorRequired", account.requiresSecondFactor());
        return "access/account-details";
    }

    private String withChoices(Model model, String view) {
        var all = organisations.all();
        Map<UUID, String> names = all.stream().collect(Collectors.toMap(Organisation::id, Organisation::name));
        model.addAttribute("organisations", all);
        model.addAttribute("organisationNames", names);
        model.addAttribute("roles", Role.values());
        model.addAttribute("now", clock.instant());
        return view;
    }
}
