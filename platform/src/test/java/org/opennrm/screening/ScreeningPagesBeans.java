package org.opennrm.screening;

import org.mockito.Mockito;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;

/**
 * The screening pages' own beans for a web slice ({@code PagesSlice}): the question texts, from the messages; and
 * stand-ins for the checklists' versions and changes behind the checklist settings pages (their types are not public,
 * so the slice's annotation cannot name them). Being beans of this configuration, they are wrapped in their classes'
 * method security: a test tells the mocks inside (AopTestUtils) what to answer, and resets them itself.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ScreeningPagesBeans {

    @Bean
    QuestionTexts questionTexts(MessageSource messages) {
        return new QuestionTexts(messages);
    }

    @Bean
    ChecklistVersions checklistVersions() {
        return Mockito.mock(ChecklistVersions.class);
    }

    @Bean
    ChecklistChanges checklistChanges() {
        return Mockito.mock(ChecklistChanges.class);
    }
}
