package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/** What a session's attributes read back from their bytes is kept, without one request's change reaching another. */
class KeptSessionAttributesTests {

    private final GenericConversionService conversions =
            SessionStore.attributeConversions(getClass().getClassLoader());

    @Test
    void whoIsSignedInIsReadOnceAndEachRequestGetsItsOwnContext() {
        var signedIn = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                "casemanager", null, List.of(new SimpleGrantedAuthority("CASE_READ"))));
        byte[] stored = bytes(signedIn);

        var first = (SecurityContext) read(stored);
        var second = (SecurityContext) read(stored.clone());
        assertThat(first).isNotSameAs(second);
        assertThat(first.getAuthentication().getName()).isEqualTo("casemanager");
        assertThat(second.getAuthentication()).as("read from the bytes once").isSameAs(first.getAuthentication());

        // a sign-out empties its request's context; a request of the same session at the same time keeps its own
        first.setAuthentication(null);
        var third = (SecurityContext) read(stored);
        assertThat(second.getAuthentication()).isNotNull();
        assertThat(third.getAuthentication()).isNotNull();
        assertThat(third.getAuthentication().getName()).isEqualTo("casemanager");
    }

    @Test
    void otherBytesGiveOtherValuesAndChangeableKindsAreReadEveryTime() {
        var token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "one");
        var other = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "two");
        assertThat(((DefaultCsrfToken) read(bytes(token))).getToken()).isEqualTo("one");
        assertThat(((DefaultCsrfToken) read(bytes(other))).getToken()).isEqualTo("two");
        assertThat(read(bytes(token))).isSameAs(read(bytes(token)));

        byte[] secret = bytes("an authenticator key being enrolled");
        assertThat(read(secret)).isNotSameAs(read(secret)).isEqualTo("an authenticator key being enrolled");

        var list = new ArrayList<>(List.of("a"));
        byte[] stored = bytes(list);
        assertThat(read(stored)).isNotSameAs(read(stored)).isEqualTo(list);
    }

    private Object read(byte[] stored) {
        return conversions.convert(stored, TypeDescriptor.valueOf(byte[].class), TypeDescriptor.valueOf(Object.class));
    }

    private byte[] bytes(Object value) {
        return (byte[])
                conversions.convert(value, TypeDescriptor.valueOf(Object.class), TypeDescriptor.valueOf(byte[].class));
    }
}
