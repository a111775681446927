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
 * are kept in parts, and {@link #words} puts them into the reader's language with the rest, so that every page that
 * shows a refusal shows this one like any other; the API answers the English message.
 */
class ReleaseRefused extends RuleViolation {

    private final transient List<JointReason> exposures;
    private final transient JointReasons reasons;

    /** A refusal in words under {@code statistics.release.refused.<key>}, in English as given. */
    static ReleaseRefused because(String key, String english) {
        return new ReleaseRefused(key, english, List.of(), null);
    }

    /**
     * A refusal whose words name the exposures that stay (the message's first argument).
     *
     * @param reasons how the exposures are worded; null where the check has none (then the refusal is in English)
     */
    ReleaseRefused(String key, String english, List<JointReason> exposures, JointReasons reasons) {
        super("statistics.release.refused." + key, english);
        this.exposures = List.copyOf(exposures);
        this.reasons = reasons;
    }

    /**
     * The refusal in the reader's language, the exposures included; in English, never half-filled, where they cannot
     * be worded (no reasons' words, or a refusal read back from a serialised form).
     */
    @Override
    public String words(MessageSource messages, Locale locale) {
        if (!namesExposures()) {
            return super.words(messages, locale);
        }
        return reasons == null
                ? getMessage()
                : messages.getMessage(
                        messageKey(), new Object[] {reasons.exposures(exposures, locale)}, getMessage(), locale);
    }

    @Override
    public String lang(MessageSource messages, Locale locale) {
        return namesExposures() && reasons == null ? "en" : super.lang(messages, locale);
    }

    /** Whether the message's words need the exposures. */
    private boolean namesExposures() {
        return messageKey() != null && exposures != null && !exposures.isEmpty();
    }
}
