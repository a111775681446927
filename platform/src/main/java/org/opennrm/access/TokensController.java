package org.opennrm.access;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.opennrm.RecordNotFound;
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

/**
 * The signed-in person's personal access tokens for the API. A new token's value is shown once, on the
 * answer to the form, and never again; a token of anyone else does not exist here (404).
 */
@Controller
@RequestMapping("/account/tokens")
@PreAuthorize("hasAuthority('tokens:manage:own')")
class TokensController {

    private final AccessTokens tokens;
    private final Clock clock;

    TokensController(AccessTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("form", TokenForm.empty());
        return page(model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("form") TokenForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        Set<Grant> wanted = new HashSet<>();
        if (form.grants() != null) {
            for (String authority : form.grants()) {
                try {
                    wanted.add(Grant.parse(authority));
                } catch (IllegalArgumentException e) {
                    errors.rejectValue("grants", "token.grants.beyond");
                }
            }
        }
        if (!errors.hasErrors()) {
            try {
                Instant expiresAt = form.expiresOn() == null
                        ? null
                        : form.expiresOn()
                                .plusDays(1)
                                .atStartOfDay(clock.getZone())
                                .toInstant();
                var created = tokens.create(owner(), form.name(), wanted, expiresAt);
                // the value must not stay in any cache: it is shown this once
                response.setHeader("Cache-Control", "no-store");
                model.addAttribute("created", created);
                model.addAttribute("now", clock.instant());
                return "access/token-created";
            } catch (TokenBeyondOwnerRights e) {
                errors.rejectValue("grants", "token.grants.beyond");
            }
        }
        return page(model);
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        var owner = owner();
        if (!tokens.revoke(owner, id) && tokens.of(owner).stream().noneMatch(t -> t.id().equals(id))) {
            throw new RecordNotFound("access-token", id);
        }
        redirect.addFlashAttribute("flash", "token.flash.revoked");
        return "redirect:/account/tokens";
    }

    private String page(Model model) {
        var owner = owner();
        model.addAttribute("tokens", tokens.of(owner));
        model.addAttribute("grants", sorted(owner.grants()));
        model.addAttribute("now", clock.instant());
        return "access/tokens";
    }

    static java.util.List<Grant> sorted(Set<Grant> grants) {
        return grants.stream()
                .sorted(Comparator.comparing(Grant::permission).thenComparing(Grant::scope))
                .toList();
    }

    private static Actor owner() {
        return Actor.current().orElseThrow(() -> new RecordNotFound("account", "current"));
    }
}
