package org.opennrm.ui;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.opennrm.KeptPage;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.IWebExchange;
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

    /** Frames kept at most: one per person and language in use; when full, all are dropped and rendered anew. */
    private static final int MOST_FRAMES = 4096;

    private final Map<FrameKey, Frame> frames = new ConcurrentHashMap<>();

    public Navigation(ITemplateEngine templates) {
        this.templates = templates;
    }

    /**
     * The page frame for this request: the parts of the layout that are the same on every page one person sees
     * in one language ({@code templates/ui/frame.html}: the CSRF meta elements, style sheet and scripts; the
     * header with the menu, the languages and the sign-out form), rendered once per language, person and set of
     * authorities and then kept, with a mark where the CSRF token goes. Each page gets them with its request's
     * own token in place of the mark (Spring Security masks the token anew for every request).
     *
     * <p>Why: the layout was a seventh of the case page's CPU time in a side-by-side comparison (a case page
     * without it served 15 % more pages a second), most of it in these parts' links, messages and forms. A
     * frame holds nothing about a case or a person in the NRM's care; only the signed-in person's own name.
     */
    public Frame frame() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = signedIn();
        Set<String> held = authentication == null || !authentication.isAuthenticated()
                ? Set.of()
                : authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .collect(Collectors.toUnmodifiableSet());
        var current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        var request = current.getRequest();
        var token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        var language = LocaleContextHolder.getLocale().getLanguage();
        var key = new FrameKey(
                language,
                held,
                signedIn ? authentication.getName() : null,
                request.getContextPath(),
                token == null ? null : token.getHeaderName(),
                token == null ? null : token.getParameterName());
        var kept = frames.get(key);
        if (kept == null) {
            kept = render(key, request, current);
            if (frames.size() >= MOST_FRAMES) {
                frames.clear();
            }
            frames.put(key, kept);
        }
        return token == null ? kept : kept.withToken(token.getToken());
    }

    private Frame render(FrameKey key, HttpServletRequest request, ServletRequestAttributes current) {
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, current.getResponse());
        var locale = Locale.of(key.language());
        var model = new HashMap<String, Object>();
        model.put(
                "frameCsrf",
                key.csrfHeader() == null
                        ? null
                        : new DefaultCsrfToken(key.csrfHeader(), key.csrfParameter(), KeptPage.MARK));
        model.put("frameName", key.name());
        model.put("frameSignedIn", key.held().contains("SIGNED_IN"));
        model.put("frameMenu", key.held().contains("SIGNED_IN") ? menu(key, exchange, locale) : "");
        var context = new WebContext(exchange, locale, model);
        return new Frame(
                templates.process("ui/frame", Set.of("head"), context).strip(),
                templates.process("ui/frame", Set.of("top"), context).strip());
    }

    /**
     * The main menu, as HTML ({@code templates/ui/menu.html}), rendered once per language and set of authorities
     * and then kept: its seventeen checks, links and labels were a fifth of the NRM queue page's CPU time. Only
     * what is shown depends on the authorities; the links are the same for all. Kept apart from the frames,
     * which are per person: everyone with the same grants shares one menu.
     */
    private String menu(FrameKey frame, IWebExchange exchange, Locale locale) {
        var key = new MenuKey(frame.language(), frame.held(), frame.contextPath());
        var menu = menus.get(key);
        if (menu == null) {
            menu = templates.process("ui/menu", new WebContext(exchange, locale, Map.of("held", frame.held())));
            if (menus.size() >= MOST_KEPT) {
                menus.clear();
            }
            menus.put(key, menu);
        }
        return menu;
    }

    /**
     * The kept parts of the layout, as HTML: {@code head} goes into the page's head, {@code top} first into its
     * body. Both are rendered from {@code templates/ui/frame.html}.
     */
    public record Frame(String head, String top) {

        Frame withToken(String token) {
            return new Frame(head.replace(KeptPage.MARK, token), top.replace(KeptPage.MARK, token));
        }
    }

    /** Everything a frame depends on besides the words of its language (the CSRF names are fixed by the setup). */
    private record FrameKey(
            String language,
            Set<String> held,
            String name,
            String contextPath,
            String csrfHeader,
            String csrfParameter) {}

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
