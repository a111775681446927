package org.opennrm.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs API requests in by their {@code Authorization: Bearer onrm_...} personal access token. */
@Component
class AccessTokenFilter extends OncePerRequestFilter {

    private final AccessTokens tokens;

    AccessTokenFilter(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.authenticate(header.substring(7).strip()).ifPresent(actor -> {
                var authentication = UsernamePasswordAuthenticationToken.authenticated(
                        actor, null, AccountPrincipal.authoritiesOf(actor));
                SecurityContextHolder.setContext(new SecurityContextImpl(authentication));
            });
        }
        chain.doFilter(request, response);
    }
}
