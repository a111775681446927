package org.opennrm.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opennrm.ChangeCount;
import org.springframework.beans.factory.annotation.Value;
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
 *
 * <p>What the account holds is read at most once per {@code opennrm.security.session-check-ttl} (default 1 s)
 * for each account, and again at once after any change to an account made through this process (counted by
 * {@link AccountChanges}). A change made by another instance of the platform therefore ends the session
 * within that second. Why: the check ran a query before every page, a fifth of the NRM queue page's cost.
 */
@Component
class AccountSessionCheck extends OncePerRequestFilter {

    private static final List<String> STATIC = List.of("/assets/", "/webjars/", "/favicon.ico");

    private final JdbcClient jdbc;
    private final AccountChanges changes;
    private final long timeToLiveNanos;
    private final Map<UUID, Held> held = new ConcurrentHashMap<>();

    AccountSessionCheck(
            JdbcClient jdbc,
            AccountChanges changes,
            @Value("${opennrm.security.session-check-ttl:PT1S}") Duration timeToLive) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.timeToLiveNanos = timeToLive.toNanos();
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
            var now = held(principal.accountId());
            boolean unchanged = now.roles()
                    .map(roles -> roles.equals(principal.actor().roles()))
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
            if (now.passwordChangeRequired() && !whileChangingPassword(request)) {
                // a password someone else chose (the first administrator's) is replaced before any work is done
                response.sendRedirect(request.getContextPath() + "/account");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * The roles an enabled account holds now, read at most once per time-to-live and after every change;
     * nothing for an account that is disabled or gone, or that holds a role this version does not know (such a
     * session always ends).
     */
    private Held held(UUID accountId) {
        var known = held.get(accountId);
        if (known != null && changes.current(known.read(), timeToLiveNanos)) {
            return known;
        }
        var mark = changes.mark();
        // one plain query for the columns it needs, not the whole account
        Held read = jdbc.sql("select roles, password_change_required from access.account where id = :id and enabled")
                .param("id", accountId)
                .query((rs, row) ->
                        new Held(rolesOf(rs.getArray("roles")), rs.getBoolean("password_change_required"), mark))
                .optional()
                .orElse(new Held(Optional.empty(), false, mark));
        held.put(accountId, read);
        return read;
    }

    /** The pages a person who must choose a new password can still reach: their account page, and signing out. */
    private static boolean whileChangingPassword(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/account")
                || path.equals("/account/password")
                || path.equals("/logout")
                || path.equals("/error")
                || path.startsWith("/sign-in/");
    }

    private static Optional<Set<Role>> rolesOf(Array stored) throws SQLException {
        var roles = EnumSet.noneOf(Role.class);
        for (Object role : (Object[]) stored.getArray()) {
            try {
                roles.add(Role.valueOf((String) role));
            } catch (IllegalArgumentException noLongerARole) {
                return Optional.empty();
            }
        }
        return Optional.of(Collections.unmodifiableSet(roles));
    }

    /** What an account held when it was read, and the mark of that read. */
    private record Held(Optional<Set<Role>> roles, boolean passwordChangeRequired, ChangeCount.Mark read) {}
}
