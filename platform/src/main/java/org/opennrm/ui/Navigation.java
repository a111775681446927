package org.opennrm.ui;

import java.util.Arrays;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

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
}
