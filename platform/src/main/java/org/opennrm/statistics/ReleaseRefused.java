package org.opennrm.statistics;

import java.util.List;
import java.util.Locale;
import org.opennrm.RuleViolation;
import org.opennrm.statistics.publishing.JointReason;
import org.opennrm.statistics.publishing.JointReasons;
import org.springframework.context.MessageSource;

/**
 * A release that cannot be assembled or approved; nothing of it is published. Its words are under a message key of
 * {@code statistics.release.refused.*}; where the joint check could not protect a small cell, the exposures that stay
 * are kept in parts and worded in the reader's language with the rest ({@link #words(MessageSource, JointReasons,
 * Locale)}); the API answers the English message.
 */
class ReleaseRefused extends RuleViolation {

    private final transient List<JointReason> exposures;

    ReleaseRefused(String message) {
        super(message);
        this.exposures = List.of();
    }

    /** A refusal in words under {@code statistics.release.refused.<key>}, in English as given. */
    static ReleaseRefused because(String key, String english) {
        return new ReleaseRefused(key, english, List.of());
    }

    /** A refusal whose words name the exposures that stay (the message's first argument). */
    ReleaseRefused(String key, String english, List<JointReason> exposures) {
        super("statistics.release.refused." + key, english);
        this.exposures = List.copyOf(exposures);
    }

    /** The refusal in the reader's language, the exposures included. */
    String words(MessageSource messages, JointReasons reasons, Locale locale) {
        if (!namesExposures()) {
            return words(messages, locale);
        }
        return messages.getMessage(
                messageKey(), new Object[] {reasons.exposures(exposures, locale)}, getMessage(), locale);
    }

    /** Without the reasons' words at hand, a refusal that names exposures is given in English, never half-filled. */
    @Override
    public String words(MessageSource messages, Locale locale) {
        return namesExposures() ? getMessage() : super.words(messages, locale);
    }

    @Override
    public String lang(MessageSource messages, Locale locale) {
        return namesExposures() ? "en" : super.lang(messages, locale);
    }

    /** Whether the message's words need the exposures (a refusal read back from a serialised form has none). */
    private boolean namesExposures() {
        return messageKey() != null && exposures != null && !exposures.isEmpty();
    }
}
