package org.opennrm.screening;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns answers and context as they arrive from a form or a JSON request into a screening request. */
final class RawAnswers {

    private RawAnswers() {}

    static ScreeningRequest parse(
            String checklist, Map<String, String> answers, String ageGroup, Collection<String> forms) {
        Map<String, Answer> parsed = new LinkedHashMap<>();
        if (answers != null) {
            answers.forEach((question, answer) -> parsed.put(question, answer(question, answer)));
        }
        return new ScreeningRequest(checklist, parsed, ageGroup(ageGroup), forms(forms));
    }

    private static Answer answer(String question, String answer) {
        try {
            return Answer.valueOf(normal(answer));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw AnswerInvalid.unknownAnswer(AnswerInvalid.shortened(question), answer);
        }
    }

    private static AgeGroup ageGroup(String ageGroup) {
        if (ageGroup == null || ageGroup.isBlank()) {
            return AgeGroup.UNKNOWN;
        }
        try {
            return AgeGroup.valueOf(normal(ageGroup));
        } catch (IllegalArgumentException e) {
            throw AnswerInvalid.unknownAgeGroup(ageGroup);
        }
    }

    private static Set<ExploitationForm> forms(Collection<String> forms) {
        Set<ExploitationForm> parsed = EnumSet.noneOf(ExploitationForm.class);
        if (forms != null) {
            for (String form : forms) {
                try {
                    parsed.add(ExploitationForm.valueOf(normal(form)));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw AnswerInvalid.unknownForm(form);
                }
            }
        }
        return parsed;
    }

    private static String normal(String value) {
        return value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }
}
