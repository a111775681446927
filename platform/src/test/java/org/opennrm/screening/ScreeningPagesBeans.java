package org.opennrm.screening;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;

/** The screening pages' own beans for a web slice ({@code PagesSlice}): the question texts, from the messages. */
@TestConfiguration(proxyBeanMethods = false)
public class ScreeningPagesBeans {

    @Bean
    QuestionTexts questionTexts(MessageSource messages) {
        return new QuestionTexts(messages);
    }
}
