package org.opennrm.screening;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The text of a question in the reader's language: a question added in the pages carries its own texts, a
 * question shipped in the jar reads them from the message bundles ({@code screening.question.<id>}).
 */
@Component
class QuestionTexts {

    private final MessageSource messages;

    QuestionTexts(MessageSource messages) {
        this.messages = messages;
    }

    String text(Checklist.Question question, Locale locale) {
        String own = question.labels().get(locale.getLanguage());
        if (own != null) {
            return own;
        }
        String shipped = messages.getMessage("screening.question." + question.id(), null, null, locale);
        if (shipped != null) {
            return shipped;
        }
        // a version is saved only with every platform language, so this is a language added later
        return question.labels().getOrDefault("en", question.id());
    }

    /** Question id to its text, for every question of the checklist version. */
    Map<String, String> texts(Checklist checklist, Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        checklist.questions().forEach(question -> texts.put(question.id(), text(question, locale)));
        return texts;
    }
}
