package org.opennrm.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;

/**
 * What happens after a password (or single sign-on) check: lock-out counting, the second factor for
 * roles that need it, and an audit entry for each outcome.
 */
@Component
class SignInOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInOutcomes.class);

    private final Accounts accounts;
    private final AuditTrail audit;
    private final SecurityContextRepository contexts;
    private final Clock clock;
    private final int maxFailedSignIns;
    private final Duration lockDuration;
    private final boolean identityProviderEnforcesSecondFactor;
    private final RequestCache requestCache = new HttpSessionRequestCache();

    SignInOutcomes(
            Accounts accounts,
            AuditTrail audit,
            SecurityContextRepository contexts,
            Clock clock,
            @Value("${opennrm.security.max-failed-sign-ins:5}") int maxFailedSignIns,
            @Value("${opennrm.security.lock-duration:15m}") Duration lockDuration,
            @Value("${opennrm.security.oidc.identity-provider-enforces-second-factor:false}")
                    boolean identityProviderEnforcesSecondFactor) {
        this.accounts = accounts;
        this.audit = audit;
        this.contexts = contexts;
        this.clock = clock;
        this.maxFailedSignIns = maxFailedSignIns;
        this.lockDuration = lockDuration;
        this.identityProviderEnforcesSecondFactor = identityProviderEnforcesSecondFactor;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException {
        boolean singleSignOn = auth.getPrincipal() instanceof OidcUser;
        Optional<Account> signedIn =
                switch (auth.getPrincipal()) {
                    case AccountPrincipal principal -> accounts.findById(principal.accountId());
                    case OidcUser oidc -> accountFor(oidc);
                    default -> Optional.empty();
                };
        if (signedIn.isEmpty() || !signedIn.get().enabled()) {
            // a valid identity-provider login without an (enabled) account here grants nothing
            SecurityContextHolder.clearContext();
            request.getSession().invalidate();
            audit.recordFor(null, null, null, AuditAction.SIGN_IN_FAILED, "no enabled account for single sign-on");
            // not "user name or password wrong": the provider said yes, the platform has no enabled account for them
            response.sendRedirect(request.getContextPath() + "/login?noAccount");
            return;
        }
        Account account = signedIn.get();
        account.succeedSignIn();
        accounts.updateSignInState(account);
        boolean secondFactorNeeded = (account.requiresSecondFactor() || account.hasSecondFactor())
                && !(singleSignOn && identityProviderEnforcesSecondFactor);
        if (secondFactorNeeded) {
            var pending = new UsernamePasswordAuthenticationToken(
                    new PendingSignIn(account.id(), singleSignOn ? "single sign-on" : "password"),
                    null,
                    List.of(new SimpleGrantedAuthority(SECOND_FACTOR_PENDING)));
            complete(pending, request, response);
            response.sendRedirect(request.getContextPath()
                    + (account.hasSecondFactor() ? "/sign-in/second-factor" : "/sign-in/second-factor/enrol"));
            return;
        }
        signIn(account, singleSignOn ? "single sign-on" : "password", request, response);
        redirectToWhereTheyWereGoing(request, response);
    }

    /** Makes the account fully signed in and records it. Called after all factors have been checked. */
    void signIn(Account account, String how, HttpServletRequest request, HttpServletResponse response) {
        request.changeSessionId();
        var principal = new AccountPrincipal(account, false);
        principal.eraseCredentials();
        var full = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        complete(full, request, response);
        audit.recordFor(account.id(), account.username(), account.organisationId(), AuditAction.SIGN_IN, how);
    }

    void redirectToWhereTheyWereGoing(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var saved = requestCache.getRequest(request, response);
        response.sendRedirect(saved != null ? saved.getRedirectUrl() : request.getContextPath() + "/");
    }

    private void complete(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        var context = new SecurityContextImpl(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String username = request.getParameter("username");
        Optional<Account> account = username == null ? Optional.empty() : accounts.findByUsername(username);
        account.ifPresentOrElse(
                this::countFailure,
                () -> audit.recordFor(null, null, null, AuditAction.SIGN_IN_FAILED, "unknown account"));
        // one message for every failure: the page must not tell an attacker which accounts exist
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    /** Counts a failed password or second-factor check; locks the account after too many in a row. */
    void countFailure(Account account) {
        var now = clock.instant();
        if (account.isLocked(now)) {
            audit.recordFor(
                    account.id(),
                    account.username(),
                    account.organisationId(),
                    AuditAction.SIGN_IN_FAILED,
                    "account locked");
            return;
        }
        boolean locked = account.failSignIn(maxFailedSignIns, lockDuration, now);
        accounts.updateSignInState(account);
        audit.recordFor(account.id(), account.username(), account.organisationId(), AuditAction.SIGN_IN_FAILED, null);
        if (locked) {
            log.warn("Account {} locked after {} failed sign-ins", account.id(), maxFailedSignIns);
            audit.recordFor(
                    account.id(),
                    account.username(),
                    account.organisationId(),
                    AuditAction.ACCOUNT_LOCKED,
                    "locked for " + lockDuration);
        }
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            audit.recordFor(
                    principal.accountId(),
                    principal.getUsername(),
                    principal.organisationId(),
                    AuditAction.SIGN_OUT,
                    null);
        }
    }

    private Optional<Account> accountFor(OidcUser user) {
        // accounts are matched on the identity provider's user name, then e-mail; never created on the fly
        String username = user.getPreferredUsername();
        Optional<Account> byUsername = username == null ? Optional.empty() : accounts.findByUsername(username);
        if (byUsername.isPresent() || user.getEmail() == null) {
            return byUsername;
        }
        return accounts.findByEmail(user.getEmail());
    }

    private static final String SECOND_FACTOR_PENDING = SecurityConfiguration.SECOND_FACTOR_PENDING;

    /**
     * The principal between the first factor (a password, or the identity provider's sign-in) and the second: it
     * carries no permission at all, and no name, so that the page frame shows nobody signed in (it showed this
     * record's text) until the second factor is given. The first factor is named in the audit entry of the sign-in.
     */
    record PendingSignIn(java.util.UUID accountId, String firstFactor)
            implements java.security.Principal, java.io.Serializable {

        @Override
        public String getName() {
            return null;
        }
    }
}
