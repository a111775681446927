package org.opennrm.screening;

import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * The name of a checklist in the reader's language: a checklist added in the pages carries its own names, a
     * shipped one reads its name from the message bundles ({@code screening.checklist.<id>.title}).
     */
    String title(Checklist checklist, Locale locale) {
        String own = checklist.titles().get(locale.getLanguage());
        if (own != null) {
            return own;
        }
        String shipped = messages.getMessage("screening.checklist." + checklist.id() + ".title", null, null, locale);
        if (shipped != null) {
            return shipped;
        }
        return checklist.titles().getOrDefault("en", checklist.id());
    }

    /** What the checklist is for: the shipped description, or the words every checklist added in the pages has. */
    String description(Checklist checklist, Locale locale) {
        String shipped =
                messages.getMessage("screening.checklist." + checklist.id() + ".description", null, null, locale);
        return shipped != null ? shipped : messages.getMessage("screening.checklist.added.description", null, locale);
    }

    /** Checklist id to its name, for the checklists given. */
    Map<String, String> titles(List<Checklist> checklists, Locale locale) {
        Map<String, String> titles = new LinkedHashMap<>();
        checklists.forEach(checklist -> titles.put(checklist.id(), title(checklist, locale)));
        return titles;
    }

    /** Checklist id to what it is for, for the checklists given. */
    Map<String, String> descriptions(List<Checklist> checklists, Locale locale) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        checklists.forEach(checklist -> descriptions.put(checklist.id(), description(checklist, locale)));
        return descriptions;
    }

    /** Question id to its text, for every question of the checklist version. */
    Map<String, String> texts(Checklist checklist, Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        checklist.questions().forEach(question -> texts.put(question.id(), text(question, locale)));
        return texts;
    }
}
