package org.opennrm.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Array;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;

    AccountSessionCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
            // runs on every page request: one plain query for the two columns it needs, not the whole account
            boolean unchanged = jdbc.sql("select roles from access.account where id = :id and enabled")
                    .param("id", principal.accountId())
                    .query((rs, row) ->
                            sameRoles(rs.getArray("roles"), principal.actor().roles()))
                    .optional()
                    .orElse(false);
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

    /** Whether the stored roles are still the session's; a role this version does not know never is. */
    private static boolean sameRoles(Array stored, Set<Role> held) throws SQLException {
        var roles = EnumSet.noneOf(Role.class);
        for (Object role : (Object[]) stored.getArray()) {
            try {
                roles.add(Role.valueOf((String) role));
            } catch (IllegalArgumentException noLongerARole) {
                return false;
            }
        }
        return roles.equals(held);
    }
}
