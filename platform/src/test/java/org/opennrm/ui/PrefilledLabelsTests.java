package org.opennrm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opennrm.access.Role;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

class PrefilledLabelsTests {

    private static final Map<String, String> MESSAGES = Map.of(
            "a.title", "Deadlines",
            "a.tricky", "Fish & \"chips\" <b>'n'</b> l'été",
            "a.inline", "Looks like [[${secret}]]",
            "a.param", "Hello {0}");

    private static String fill(String template) {
        return PrefilledLabels.fill(template, MESSAGES::get);
    }

    @Test
    void aLabelsElementHoldsItsMessageEscapedAsThymeleafEscapesIt() {
        assertThat(fill("<h2 class=\"x\" th:text=\"#{a.title}\">Prototype</h2>"))
                .isEqualTo("<h2 class=\"x\">Deadlines</h2>");
        assertThat(fill("<p th:text=\"#{a.tricky}\">x</p>"))
                .isEqualTo("<p>Fish &amp; &quot;chips&quot; &lt;b&gt;&#39;n&#39;&lt;/b&gt; l&#39;été</p>");
        // other attributes stay, before and after, and so does a condition on the element
        assertThat(fill("<dt id=\"d\" th:if=\"${x}\" th:text=\"#{a.title}\" class=\"c\">P</dt>"))
                .isEqualTo("<dt id=\"d\" th:if=\"${x}\" class=\"c\">Deadlines</dt>");
        assertThat(fill("<th:block th:text=\"#{a.title}\">P</th:block>")).isEqualTo("<th:block>Deadlines</th:block>");
        // several on a line, and the text between them untouched
        assertThat(fill("<li th:text=\"#{a.title}\">1</li> and <li th:text=\"#{a.title}\">2</li>"))
                .isEqualTo("<li>Deadlines</li> and <li>Deadlines</li>");
    }

    @Test
    void whatIsNotPlainlyALabelIsLeftToThymeleaf() {
        List<String> untouched = List.of(
                // no message for the key: Thymeleaf's own fallback decides
                "<p th:text=\"#{a.missing}\">P</p>",
                // a message that would become an inlined expression
                "<p th:text=\"#{a.inline}\">P</p>",
                // the key with parameters, or an expression for the key
                "<p th:text=\"#{a.param(${x})}\">P</p>",
                "<p th:text=\"#{${'a.' + x}}\">P</p>",
                "<p th:text=\"${x} ?: #{a.title}\">P</p>",
                // an element holding more than text
                "<p th:text=\"#{a.title}\">P <b>bold</b></p>",
                // another attribute that sets the content
                "<p th:utext=\"${x}\" th:text=\"#{a.title}\">P</p>",
                "<p th:text=\"#{a.title}\" th:remove=\"all\">P</p>",
                "<textarea th:text=\"#{a.title}\">P</textarea>",
                "<script th:text=\"#{a.title}\">P</script>",
                // a value holding ">", before or after the label's attribute: the tag must not be cut there
                "<p th:if=\"${x > 1}\" th:text=\"#{a.title}\">P</p>",
                "<p th:text=\"#{a.title}\" th:if=\"${x > 1}\">P</p>",
                "<p th:text=\"#{a.title}\" title='a > b'>P</p>");
        for (String template : untouched) {
            assertThat(fill(template)).as(template).isEqualTo(template);
        }
    }

    /**
     * The same templates rendered by Thymeleaf with and without the labels filled in: the same page, character for
     * character, whether the labels were filled, left alone or mixed with expressions.
     */
    @Test
    void aPageRenderedFromTheFilledTemplateIsThePageThymeleafRenders() {
        var messages = new StaticMessageSource();
        MESSAGES.forEach((key, message) -> messages.addMessage(key, Locale.FRENCH, message));
        messages.addMessage("b.other", Locale.FRENCH, "Autre");
        var engine = new SpringTemplateEngine();
        var strings = new StringTemplateResolver();
        strings.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(new PrefilledLabels.Resolver(strings, messages));
        engine.setTemplateEngineMessageSource(messages);
        String template = """
                <html><body>
                <h1 th:text="#{a.title}">Prototype</h1>
                <p class="x" th:if="${show}" th:text="#{a.tricky}">x</p>
                <p th:unless="${show}" th:text="#{a.title}">hidden</p>
                <ul><li th:each="item : ${items}"><span th:text="#{b.other}">o</span> <b th:text="${item}">i</b></li></ul>
                <p th:text="#{a.param(${who})}">P</p>
                <p th:text="#{a.missing}">P</p>
                <p th:text="#{a.inline}">P</p>
                <p th:text="#{a.title}" th:if="${count > 1}">many</p>
                <option value="1" th:selected="${show}" th:text="#{b.other}">x</option>
                <th:block th:text="#{a.title}">P</th:block>
                <button type="submit" class="x"
                        th:text="#{a.title}">P</button>
                <button th:text="#{a.title}"
                        class="y">P</button>
                </body></html>""";
        var context = new Context(Locale.FRENCH);
        context.setVariable("show", true);
        context.setVariable("items", List.of("un", "deux"));
        context.setVariable("who", "<Ana>");
        context.setVariable("count", 2);
        context.setVariable("secret", "never shown");
        String asItWas = engine.process(template, context);
        String filled = engine.process(
                new TemplateSpec(
                        template, Set.of(), TemplateMode.HTML, Map.of(PrefilledLabels.LANGUAGE, Locale.FRENCH)),
                context);
        assertThat(filled).isEqualTo(asItWas);
        // the labels were in fact filled in (the template as read has no message keys left where it could)
        assertThat(fill(template)).doesNotContain("#{a.title}\">Prototype").contains("<h1>Deadlines</h1>");
        assertThat(asItWas)
                .contains("Fish &amp; &quot;chips&quot;")
                .contains("Hello &lt;Ana&gt;")
                .contains("??a.missing_fr??");
    }

    @Test
    void onlyTheLanguagesOfferedAreFilledIn() {
        assertThat(PrefilledLabels.attributesFor(Locale.FRENCH)).containsEntry(PrefilledLabels.LANGUAGE, Locale.FRENCH);
        assertThat(PrefilledLabels.attributesFor(Locale.forLanguageTag("zz"))).isNull();
        assertThat(PrefilledLabels.attributesFor(Locale.forLanguageTag("fr-FR")))
                .isNull();
        assertThat(PrefilledLabels.attributesFor(null)).isNull();
    }

    /** An administrator sees a mark after each word not yet translated, which depends on the reader: not filled. */
    @Test
    void anAdministratorsPagesAreNotFilledIn() {
        try {
            SecurityContextHolder.getContext()
                    .setAuthentication(new TestingAuthenticationToken("admin", "x", Role.ADMINISTRATOR.authority()));
            assertThat(PrefilledLabels.attributesFor(Locale.FRENCH)).isNull();
            SecurityContextHolder.getContext()
                    .setAuthentication(new TestingAuthenticationToken("cm", "x", Role.CASE_MANAGER.authority()));
            assertThat(PrefilledLabels.attributesFor(Locale.FRENCH)).isNotNull();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
