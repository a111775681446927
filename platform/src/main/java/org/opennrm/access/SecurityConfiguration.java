package org.opennrm.access;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * How people and API clients prove who they are. Pages: password, then a second factor for roles that
 * can open case files (or optional single sign-on), a session that times out when idle, CSRF tokens on
 * every form. API: personal access tokens only, no cookies, so no CSRF surface.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String SECOND_FACTOR_PENDING = "SECOND_FACTOR_PENDING";

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /**
     * No observations of the security filters: with observations merely disabled by name, Spring Security
     * still wrapped each of its filters in an observing decorator on every request (a fifth of the NRM queue
     * page's CPU time ran under it). HTTP request metrics (http.server.requests) time each request as a whole.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder(
            @org.springframework.beans.factory.annotation.Value(
                            "${opennrm.security.password-hash.memory-kib:" + PasswordHashing.MEMORY_KIB + "}")
                    int memoryKib,
            @org.springframework.beans.factory.annotation.Value(
                            "${opennrm.security.password-hash.iterations:" + PasswordHashing.ITERATIONS + "}")
                    int iterations) {
        return PasswordHashing.argon2id(memoryKib, iterations);
    }

    /** The token filter runs inside the API security chain only, not as a servlet filter of its own. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<AccessTokenFilter> accessTokenFilterOutsideChains(
            AccessTokenFilter filter) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * With single sign-on the session cookie is {@code SameSite=Lax} instead of {@code Strict}: the identity provider
     * sends the browser back to {@code /login/oauth2/code/...} from its own site, and a strict cookie is not sent on
     * that navigation, so the session holding the sign-in request was not found and every single sign-on ended on
     * "/login?error" (found by {@code SingleSignOnEndToEndBrowserTests}). Lax still keeps the cookie off cross-site
     * posts, frames and sub-requests, and CSRF tokens guard every change either way. Without single sign-on the
     * cookie stays strict.
     */
    @Bean
    DefaultCookieSerializerCustomizer laxSessionCookieForSingleSignOn(
            ObjectProvider<ClientRegistrationRepository> singleSignOn) {
        return serializer -> {
            if (singleSignOn.getIfAvailable() != null) {
                serializer.setSameSite("Lax");
            }
        };
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    // filter chains exist only in a web application: an operator command runs without one (Commands)
    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain api(HttpSecurity http, AccessTokenFilter accessTokens, ProblemWriter problems)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(AccountPrincipal.SIGNED_IN))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // tokens travel in the Authorization header, never in cookies: no cross-site request can carry them
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(accessTokens, UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems::unauthorised)
                        .accessDeniedHandler(problems::forbidden))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain pages(
            HttpSecurity http,
            SignInOutcomes outcomes,
            SecurityContextRepository contexts,
            ObjectProvider<ClientRegistrationRepository> singleSignOn)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/assets/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/actuator/health/**",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/sign-in/second-factor/**")
                        .hasAuthority(SECOND_FACTOR_PENDING)
                        .anyRequest()
                        .hasAuthority(AccountPrincipal.SIGNED_IN))
                .securityContext(context -> context.securityContextRepository(contexts))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(outcomes)
                        .failureHandler(outcomes)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?signedOut")
                        .addLogoutHandler(outcomes)
                        .deleteCookies("OPENNRM_SESSION"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
                        .invalidSessionUrl("/login?expired"))
                // nothing here asks the servlet request who is signed in (Actor reads the security context), so
                // the request is not wrapped once more to answer getUserPrincipal and isUserInRole: every
                // request-attribute read and every handler-mapping check went through that wrapper too
                .servletApi(servletApi -> servletApi.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .permissionsPolicyHeader(permissions ->
                                permissions.policy("camera=(), microphone=(), geolocation=(), payment=()")))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                request -> "true".equals(request.getHeader("HX-Request")))
                        .accessDeniedHandler(SecurityConfiguration::deniedOrSecondFactorMissing));
        if (singleSignOn.getIfAvailable() != null) {
            http.oauth2Login(
                    oauth -> oauth.loginPage("/login").successHandler(outcomes).failureHandler(outcomes));
        }
        return http.build();
    }

    /** Between password and second factor, every page leads to the second-factor step, not to a 403. */
    private static void deniedOrSecondFactorMissing(
            jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.access.AccessDeniedException denied)
            throws java.io.IOException, jakarta.servlet.ServletException {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        boolean pending = authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> SECOND_FACTOR_PENDING.equals(a.getAuthority()));
        if (pending) {
            response.sendRedirect(request.getContextPath() + "/sign-in/second-factor");
            return;
        }
        new org.springframework.security.web.access.AccessDeniedHandlerImpl().handle(request, response, denied);
    }
}
