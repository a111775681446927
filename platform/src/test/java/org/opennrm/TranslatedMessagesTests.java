package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.NoSuchMessageException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A word missing in a language falls back to English; an administrator sees that it did (a marker), nobody else
 * does, and a word the language has is shown without a marker.
 */
class TranslatedMessagesTests {

    final TranslatedMessages messages = new TranslatedMessages("classpath:i18n-test/sample");

    {
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    static final Locale GERMAN = Locale.forLanguageTag("de");

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aMissingWordFallsBackToEnglishWithoutAMarkerForStaff() {
        signIn("ROLE_CASE_MANAGER");
        assertThat(messages.getMessage("sample.missing", null, GERMAN)).isEqualTo("Presumed victim");
        assertThat(messages.getMessage("sample.withArgument", new Object[] {"NRM-2026-000001"}, GERMAN))
                .isEqualTo("The case's reference is NRM-2026-000001.");
    }

    @Test
    void anAdministratorSeesTheMarkerOnAWordThatFellBackToEnglish() {
        signIn("ROLE_ADMINISTRATOR");
        assertThat(messages.getMessage("sample.missing", null, GERMAN))
                .isEqualTo("Presumed victim" + TranslatedMessages.MARKER);
        assertThat(messages.getMessage("sample.withArgument", new Object[] {"NRM-2026-000001"}, GERMAN))
                .isEqualTo("The case's reference is NRM-2026-000001." + TranslatedMessages.MARKER);
    }

    @Test
    void aTranslatedWordAndEnglishItselfCarryNoMarker() {
        signIn("ROLE_ADMINISTRATOR");
        assertThat(messages.getMessage("sample.translated", null, GERMAN)).isEqualTo("Erholungs- und Bedenkzeit");
        assertThat(messages.getMessage("sample.missing", null, Locale.ENGLISH)).isEqualTo("Presumed victim");
    }

    @Test
    void aLanguageWithNoBundleAtAllFallsBackToEnglishMarkedForAdministrators() {
        signIn("ROLE_ADMINISTRATOR");
        assertThat(messages.getMessage("sample.translated", null, Locale.forLanguageTag("it")))
                .isEqualTo("Recovery and reflection period" + TranslatedMessages.MARKER);
    }

    @Test
    void nobodySignedInSeesNoMarker() {
        assertThat(messages.getMessage("sample.missing", null, GERMAN)).isEqualTo("Presumed victim");
    }

    @Test
    void aKeyThatExistsNowhereIsNeverTurnedIntoText() {
        // the caller's default is used, or the caller learns that the word is missing: the key is not shown
        assertThat(messages.getMessage("sample.nowhere", null, "Default", GERMAN))
                .isEqualTo("Default");
        assertThatThrownBy(() -> messages.getMessage("sample.nowhere", null, GERMAN))
                .isInstanceOf(NoSuchMessageException.class);
    }

    private static void signIn(String authority) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "someone", null, List.of(new SimpleGrantedAuthority(authority))));
    }
}
