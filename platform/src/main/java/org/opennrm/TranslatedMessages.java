package org.opennrm;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The words of the pages, as {@link ReloadableResourceBundleMessageSource} reads them, with one addition: a word
 * that a language's bundle does not hold falls back to English (the base bundle), and an administrator sees that
 * it did by a marker after it ({@link #MARKER}), so that a missing translation is found and added. Nobody else
 * sees the marker, and nobody ever sees a key in place of a word: a key missing in English too is left to the
 * caller's default (the tests keep every key of the templates in English).
 */
public class TranslatedMessages extends ReloadableResourceBundleMessageSource {

    /** Shown after an English word on a page in another language, to administrators only. */
    static final String MARKER = " [EN]";

    static final String ADMINISTRATOR = "ROLE_ADMINISTRATOR";

    private final String[] basenames;
    private final ResourceLoader files = new DefaultResourceLoader(TranslatedMessages.class.getClassLoader());
    private final Map<String, Set<String>> keysByLanguage = new ConcurrentHashMap<>();

    TranslatedMessages(String... basenames) {
        this.basenames = basenames.clone();
        setBasenames(basenames);
    }

    @Override
    protected String resolveCodeWithoutArguments(String code, Locale locale) {
        String message = super.resolveCodeWithoutArguments(code, locale);
        return message != null && untranslated(code, locale) ? message + MARKER : message;
    }

    @Override
    protected MessageFormat resolveCode(String code, Locale locale) {
        MessageFormat format = super.resolveCode(code, locale);
        if (format == null || !untranslated(code, locale)) {
            return format;
        }
        return new MessageFormat(format.toPattern() + MARKER.replace("'", "''"), format.getLocale());
    }

    /** True if the word is shown to an administrator in a language other than English whose bundle lacks it. */
    boolean untranslated(String code, Locale locale) {
        if (locale == null || locale.getLanguage().isEmpty() || "en".equals(locale.getLanguage())) {
            return false;
        }
        if (!administrator()) {
            return false;
        }
        return !keysOf(locale.getLanguage()).contains(code);
    }

    /** Every key the bundles of one language hold (not the English ones it falls back to). */
    Set<String> keysOf(String language) {
        return keysByLanguage.computeIfAbsent(language, this::load);
    }

    private Set<String> load(String language) {
        Set<String> keys = new HashSet<>();
        for (String basename : basenames) {
            Resource resource = files.getResource(basename + "_" + language + ".properties");
            if (!resource.exists()) {
                continue;
            }
            var properties = new Properties();
            try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException unreadable) {
                continue;
            }
            keys.addAll(properties.stringPropertyNames());
        }
        return Set.copyOf(keys);
    }

    /**
     * Whether a word that a language's bundle lacks is marked ({@link #MARKER}) on the pages of the person signed in:
     * an administrator's. Pages whose words are written in ahead of time must not be shared with such a person.
     */
    public static boolean marksUntranslatedWords() {
        return administrator();
    }

    private static boolean administrator() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return signedIn != null
                && signedIn.getAuthorities().stream().anyMatch(a -> ADMINISTRATOR.equals(a.getAuthority()));
    }
}
