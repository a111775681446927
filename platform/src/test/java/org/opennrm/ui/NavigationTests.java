package org.opennrm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class NavigationTests {

    private final Navigation navigation = new Navigation(null); // has and signedIn render nothing

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void showsALinkWhenThePersonHoldsOneOfItsAuthorities() {
        var token = new TestingAuthenticationToken("casemanager", null, "SIGNED_IN", "cases:read:all");
        token.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(token);

        assertThat(navigation.has("cases:read:all")).isTrue();
        assertThat(navigation.has("agreements:read:all", "cases:read:all")).isTrue();
        assertThat(navigation.has("statistics:read:all")).isFalse();
        assertThat(navigation.signedIn()).isTrue();
    }

    @Test
    void showsNothingToSomeoneNotSignedIn() {
        assertThat(navigation.has("SIGNED_IN")).isFalse();
        assertThat(navigation.signedIn()).isFalse();

        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "key", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(navigation.has("SIGNED_IN", "cases:read:all")).isFalse();
        assertThat(navigation.signedIn()).isFalse();
    }
}
