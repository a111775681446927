package org.opennrm.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** "1 question", never "1 questions": the counts of questions take the plural their number needs. */
class QuestionCountWordsTests {

    static String format(String bundle, String key, Locale locale, int count) throws IOException {
        var messages = new Properties();
        try (Reader in = Files.newBufferedReader(
                Path.of("src/main/resources/i18n/" + bundle + ".properties"), StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        return new MessageFormat(messages.getProperty(key), locale).format(new Object[] {count});
    }

    @Test
    void oneQuestionIsSingularAndMoreArePlural() throws IOException {
        assertThat(format("screening", "screening.checklist.questions", Locale.ENGLISH, 1))
                .isEqualTo("1 question, a few minutes");
        assertThat(format("screening", "screening.checklist.questions", Locale.ENGLISH, 12))
                .isEqualTo("12 questions, a few minutes");
        assertThat(format("screening", "screening.caution.ANSWERS_MISSING", Locale.ENGLISH, 1))
                .startsWith("1 question was answered \"don't know\"");
        assertThat(format("screening", "screening.caution.ANSWERS_MISSING", Locale.ENGLISH, 3))
                .startsWith("3 questions were answered");
        assertThat(format("screening_fr", "screening.checklist.questions", Locale.FRENCH, 1))
                .isEqualTo("1 question, quelques minutes");
        assertThat(format("screening_fr", "screening.caution.ANSWERS_MISSING", Locale.FRENCH, 1))
                .startsWith("1 question a reçu la réponse « je ne sais pas » ou est restée sans réponse");
        assertThat(format("screening_fr", "screening.caution.ANSWERS_MISSING", Locale.FRENCH, 2))
                .startsWith("2 questions ont reçu la réponse « je ne sais pas » ou sont restées sans réponse");
    }
}
