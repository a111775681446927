package org.opennrm.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in browser session in step with its account. A session holds the roles its account had
 * at sign-in; when an administrator disables the account or changes its roles, the session ends at its
 * next request and the person signs in again (with a second factor, if the new roles need one). Without
 * this, a person who left or lost a role would keep their access for as long as they stay active.
 *
 * <p>Runs after the security filters, as a servlet filter; API requests (tokens) are checked against the
 * account at each use already, by {@link AccessTokens}.
 */
@Component
class AccountSessionCheck extends OncePerRequestFilter {

    private static final List<String> STATIC = List.of("/assets/", "/webjars/", "/favicon.ico");

    private final Accounts accounts;

    AccountSessionCheck(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return STATIC.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            boolean unchanged = accounts.findById(principal.accountId())
                    .filter(Account::enabled)
                    .filter(account -> account.roles().equals(principal.actor().roles()))
                    .isPresent();
            if (!unchanged) {
                SecurityContextHolder.clearContext();
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
