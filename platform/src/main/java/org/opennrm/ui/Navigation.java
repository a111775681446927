package org.opennrm.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Which links and forms a page shows: {@code th:if="${@navigation.has('cases:read:all')}"}, in the layout and
 * in every page. It only decides what is displayed; every page and endpoint still checks its own permission.
 *
 * <p>Why not {@code sec:authorize}: each of those builds a Spring Security expression context and evaluates
 * an expression, and the layout asks about twenty times per page; that was a tenth of the CPU time of a case
 * page in a profile (and the case page's own thirteen checks another tenth). Here a question is a walk over the signed-in person's authorities.
 */
@Component("navigation")
public class Navigation {

    /** Menus kept at most: languages times the role combinations in use are far fewer. */
    private static final int MOST_KEPT = 512;

    private final ITemplateEngine templates;
    private final Map<MenuKey, String> menus = new ConcurrentHashMap<>();

    public Navigation(ITemplateEngine templates) {
        this.templates = templates;
    }

    /**
     * The layout's main menu for the signed-in person, as HTML ({@code templates/ui/menu.html}), rendered once
     * per language and set of authorities and then kept: its seventeen checks, links and labels were a fifth
     * of the NRM queue page's CPU time. Only what is shown depends on the authorities; the links are the same
     * for all.
     */
    public String menu() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return "";
        }
        var held = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toUnmodifiableSet());
        var current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        var request = current.getRequest();
        var locale = LocaleContextHolder.getLocale();
        var key = new MenuKey(locale.getLanguage(), held, request.getContextPath());
        var menu = menus.get(key);
        if (menu == null) {
            var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                    .buildExchange(request, current.getResponse());
            menu = templates.process(
                    "ui/menu", new WebContext(exchange, Locale.of(locale.getLanguage()), Map.of("held", held)));
            if (menus.size() >= MOST_KEPT) {
                menus.clear();
            }
            menus.put(key, menu);
        }
        return menu;
    }

    /** Whether someone is signed in (the sign-out button), as {@code sec:authorize="isAuthenticated()"} would say. */
    public boolean signedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** Whether the current person holds at least one of the authorities (grants such as {@code cases:read:all}). */
    public boolean has(String... authorities) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        for (GrantedAuthority held : authentication.getAuthorities()) {
            if (Arrays.asList(authorities).contains(held.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    private record MenuKey(String language, Set<String> held, String contextPath) {}
}
