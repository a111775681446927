package org.opennrm.access;

import org.mockito.Mockito;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The platform's own security for a web slice test ({@code @WebMvcTest}): the same filter chains, page rules, CSRF
 * protection, headers and method security as the running platform, without accounts, sessions in the database or
 * sign-in. A slice signs its requests in with {@link TestSignIn}; what happens at sign-in is not its concern.
 *
 * <p>Slices leave out the two account filters ({@code AccessTokenFilter} is replaced here by one that never finds a
 * token, {@code AccountSessionCheck} by {@link #SLICE_EXCLUDED}): they read accounts from the database, which a
 * slice does not have.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, ProblemWriter.class})
public class WebSliceSecurity {

    /** The account filters, by class name, for a slice's {@code excludeFilters} (they are not public). */
    public static final String SLICE_EXCLUDED = "org\\.opennrm\\.access\\.(AccountSessionCheck|AccessTokenFilter)";

    @Bean
    AccessTokenFilter accessTokenFilter() {
        return new AccessTokenFilter(Mockito.mock(AccessTokens.class));
    }

    @Bean
    SignInOutcomes signInOutcomes() {
        return Mockito.mock(SignInOutcomes.class);
    }
}
