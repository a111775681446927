package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * Every permission has its words in every interface language: the token page and the account pages list permissions
 * by these words, and a permission added to the enum without them showed its message key (it happened twice).
 */
class PermissionLabelsTests {

    static final List<String> LANGUAGES = List.of("en", "fr", "de", "it", "ru", "es");

    /** The bundles that may hold a permission's words (as application.yml lists them; linkage keeps its own). */
    static final List<String> BUNDLES = List.of(
            "ui",
            "access",
            "accounts",
            "audit",
            "organisations",
            "screening",
            "cases",
            "referrals",
            "assistance",
            "linkage",
            "statistics",
            "notifications",
            "returns",
            "plan",
            "prevention",
            "inspection",
            "ads",
            "finance");

    @Test
    void everyPermissionHasItsWordsInEveryLanguage() {
        var missing = new ArrayList<String>();
        for (String language : LANGUAGES) {
            var bundles = BUNDLES.stream()
                    .map(name -> ResourceBundle.getBundle(
                            "i18n/" + name,
                            Locale.forLanguageTag(language),
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)))
                    .toList();
            for (Permission permission : Permission.values()) {
                String key = "permission." + permission.name();
                boolean worded = bundles.stream()
                        .anyMatch(bundle -> bundle.containsKey(key)
                                && !bundle.getString(key).isBlank());
                if (!worded) {
                    missing.add(language + ": " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
