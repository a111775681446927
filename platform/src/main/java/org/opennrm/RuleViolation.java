package org.opennrm;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A request that breaks a rule of the NRM's work (a decision out of order, an end before a start). Its
 * message is written for the person who made the request: it must name the rule, never personal data. Every refusal
 * carries a message key (there is no constructor without one, so that no refusal reaches a page in English only): a
 * page shows its words in the reader's language ({@link #words}); the API answers the English message.
 */
public class RuleViolation extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    /** A refusal with its words under {@code messageKey} (arguments as in the message) and in English. */
    public RuleViolation(String messageKey, String english, Object... arguments) {
        super(english);
        this.messageKey = messageKey;
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    /** The key of the message in the module's bundle. */
    public String messageKey() {
        return messageKey;
    }

    /** The message's arguments (counts, periods, line numbers: never personal data). */
    public Object[] messageArguments() {
        // transient: a refusal read back from a serialised form has no arguments, and shows its English message
        return arguments == null ? new Object[0] : arguments.clone();
    }

    /** The refusal in the reader's language, or in English where it has no words there. */
    public String words(MessageSource messages, Locale locale) {
        String key = messageKey();
        return key == null ? getMessage() : messages.getMessage(key, messageArguments(), getMessage(), locale);
    }

    /**
     * Puts the refusal on a page's model: {@code name} holds its words in the reader's language ({@link #words}),
     * {@code name + "Lang"} is {@code en} where they fell back to English ({@link #lang}), for the page's {@code lang}.
     */
    public void showOn(org.springframework.ui.Model model, String name, MessageSource messages, Locale locale) {
        model.addAttribute(name, words(messages, locale));
        model.addAttribute(name + "Lang", lang(messages, locale));
    }

    /**
     * Puts the refusal at a form's field, as a field error the page words in the reader's language (its English where
     * the bundles have no words for it).
     */
    public void showAt(org.springframework.validation.Errors errors, String field) {
        errors.rejectValue(field, messageKey(), messageArguments(), getMessage());
    }

    /** {@code en} where {@link #words} falls back to English (for the page's {@code lang}), else null. */
    public String lang(MessageSource messages, Locale locale) {
        String key = messageKey();
        return key != null && messages.getMessage(key, messageArguments(), null, locale) != null ? null : "en";
    }
}
