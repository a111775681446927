package org.opennrm.monitoring.plan.report;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The published reports are for the public: {@code /public/reports/**} is open without signing in, answers only
 * GET (nothing there changes anything, so there is no session and no form), and keeps the pages' content security
 * policy (scripts from the platform only). Everything else stays behind the platform's own chains.
 */
@Configuration(proxyBeanMethods = false)
class PublicReportsSecurity {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    @Order(0)
    @ConditionalOnWebApplication
    SecurityFilterChain publicReports(HttpSecurity http) throws Exception {
        http.securityMatcher("/public/reports", "/public/reports/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                org.springframework.http.HttpMethod.GET, "/public/reports", "/public/reports/**")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }
}
