package org.opennrm.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opennrm.TranslatedMessages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.IThrottledTemplateProcessor;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.cache.StandardCacheManager;
import org.thymeleaf.context.IContext;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresolver.TemplateResolution;
import org.thymeleaf.templateresource.ITemplateResource;
import org.unbescape.html.HtmlEscape;

/**
 * The pages' fixed labels, filled in once per language when a template is read instead of at every rendering.
 *
 * <p>A label is an element whose only content is text and whose {@code th:text} is a message key and nothing else
 * ({@code <h2 th:text="#{case.deadlines}">Deadlines</h2>}): 2,000 of them in the templates. Thymeleaf processed each
 * one at every rendering (the attribute, the message expression, the message source's look-up and the escaping):
 * a large part of a page's rendering, which was most of the case page's CPU time. Here a page's template is read
 * for its language with each label's element holding the message itself, escaped as {@code th:text} escapes it,
 * and Thymeleaf keeps the parsed template per language (the language is one of the template's resolution
 * attributes, which are part of its cache key and which the templates and fragments a page includes inherit).
 *
 * <p>What is left to Thymeleaf, exactly as before: a label whose key has no message (Thymeleaf's own fallback
 * decides), a message that holds an inlined expression ({@code [[...]]} or {@code [(...)]}), an element with
 * anything else in it or with an attribute that would change its content, {@code script}, {@code style} and
 * {@code textarea}; pages in a language that is not offered; and the pages of administrators, who see a mark after
 * each word that is not yet translated ({@code TranslatedMessages}), which depends on who reads the page.
 */
public final class PrefilledLabels {

    /** The template resolution attribute that names the language to fill the labels in. */
    static final String LANGUAGE = "opennrm.labels.language";

    /**
     * Whether pages are rendered from templates with their labels filled in: {@code opennrm.pages.prefilled-labels}
     * (default true), for an operator who suspects a label shown wrongly, and for the tests that compare pages
     * rendered both ways.
     */
    private static volatile boolean filling = true;

    /**
     * An element with a label: its name, its attributes before and after {@code th:text="#{key}"}, and its content,
     * text only. Attribute values are in double quotes in the templates; see {@link #fillable}.
     */
    private static final Pattern LABEL = Pattern.compile(
            "<([A-Za-z][A-Za-z0-9:-]*)(\\s[^<>]*?)?(\\s+)th:text=\"#\\{([A-Za-z0-9_.-]+)\\}\"([^<>]*)>([^<]*)</\\1>");

    /** Attributes that make an element's content something other than its label. */
    private static final Pattern CONTENT_ATTRIBUTES = Pattern.compile(
            "\\b(?:th|data-th):(?:utext|text|replace|insert|include|substituteby|remove|inline|field)=");

    private static final Set<String> RAW_ELEMENTS = Set.of("script", "style", "textarea");

    private PrefilledLabels() {}

    /**
     * The template's text with each label filled in; {@code messages} gives a key's message in the page's
     * language, or null where Thymeleaf must decide.
     */
    static String fill(String template, UnaryOperator<String> messages) {
        Matcher label = LABEL.matcher(template);
        StringBuilder filled = new StringBuilder(template.length());
        while (label.find()) {
            String element = label.group(1);
            String before = label.group(2) == null ? "" : label.group(2);
            String after = label.group(5);
            String message = fillable(element, before, after) ? messages.apply(label.group(4)) : null;
            if (message == null || message.contains("[[") || message.contains("[(")) {
                label.appendReplacement(filled, Matcher.quoteReplacement(label.group()));
            } else {
                label.appendReplacement(
                        filled,
                        Matcher.quoteReplacement("<" + element + withoutLabel(before, label.group(3), after) + ">"
                                + HtmlEscape.escapeHtml4Xml(message) + "</" + element + ">"));
            }
        }
        label.appendTail(filled);
        return filled.toString();
    }

    /**
     * The element's attributes without {@code th:text}, spaced as Thymeleaf leaves them when it removes the
     * attribute: the space after it goes, or, for the last attribute, the space before it.
     */
    private static String withoutLabel(String before, String spaceBefore, String after) {
        String rest = after.stripLeading();
        if (rest.isEmpty()) {
            return before + after;
        }
        return before + spaceBefore + rest;
    }

    /**
     * Whether the element found is a label: not one whose content is raw text, nothing else setting its content,
     * and every attribute value closed (a {@code >} inside a quoted value ends the pattern's tag early, and then
     * the quotes do not pair up).
     */
    private static boolean fillable(String element, String before, String after) {
        return !RAW_ELEMENTS.contains(element.toLowerCase(Locale.ROOT))
                && !CONTENT_ATTRIBUTES.matcher(before).find()
                && !CONTENT_ATTRIBUTES.matcher(after).find()
                && closed(before)
                && closed(after);
    }

    /**
     * Whether every quoted attribute value is closed: double quotes pair up, and so do single quotes outside them
     * (inside a double-quoted value, as in {@code ${open} ? 'active'}, they are part of the value).
     */
    private static boolean closed(String attributes) {
        boolean inDouble = false;
        int single = 0;
        for (int i = 0; i < attributes.length(); i++) {
            char c = attributes.charAt(i);
            if (c == '"') {
                inDouble = !inDouble;
            } else if (c == '\'' && !inDouble) {
                single++;
            }
        }
        return !inDouble && single % 2 == 0;
    }

    /**
     * The resolution attributes of a page rendered for the current person in {@code locale}: the language to fill
     * the labels in, or none (the template as it is) for a language not offered or an administrator's page.
     */
    static Map<String, Object> attributesFor(Locale locale) {
        if (!filling
                || locale == null
                || !Languages.SUPPORTED.contains(locale)
                || TranslatedMessages.marksUntranslatedWords()) {
            return null;
        }
        return Map.of(LANGUAGE, locale);
    }

    /** Turns the filling in of labels on or off for the pages rendered from now on (see {@link #filling}). */
    public static void fillIn(boolean on) {
        filling = on;
    }

    /** The templates as the resolver finds them, with the labels filled in when a language is asked for. */
    static final class Resolver implements ITemplateResolver {

        private final ITemplateResolver templates;
        private final MessageSource messages;

        Resolver(ITemplateResolver templates, MessageSource messages) {
            this.templates = templates;
            this.messages = messages;
        }

        @Override
        public String getName() {
            return templates.getName();
        }

        @Override
        public Integer getOrder() {
            return templates.getOrder();
        }

        @Override
        public TemplateResolution resolveTemplate(
                IEngineConfiguration configuration,
                String ownerTemplate,
                String template,
                Map<String, Object> attributes) {
            var found = templates.resolveTemplate(configuration, ownerTemplate, template, attributes);
            if (found == null
                    || found.getTemplateMode() != TemplateMode.HTML
                    || attributes == null
                    || !(attributes.get(LANGUAGE) instanceof Locale language)) {
                return found;
            }
            return new TemplateResolution(
                    new Filled(found.getTemplateResource(), key -> message(key, language)),
                    found.isTemplateResourceExistenceVerified(),
                    found.getTemplateMode(),
                    found.getUseDecoupledLogic(),
                    found.getValidity());
        }

        private String message(String key, Locale language) {
            try {
                return messages.getMessage(key, null, language);
            } catch (NoSuchMessageException missing) {
                return null;
            }
        }
    }

    /** A template's text with its labels filled in. */
    private record Filled(ITemplateResource template, UnaryOperator<String> messages) implements ITemplateResource {

        @Override
        public String getDescription() {
            return template.getDescription();
        }

        @Override
        public String getBaseName() {
            return template.getBaseName();
        }

        @Override
        public boolean exists() {
            return template.exists();
        }

        @Override
        public Reader reader() throws IOException {
            var text = new StringWriter();
            try (Reader reader = template.reader()) {
                reader.transferTo(text);
            }
            return new StringReader(fill(text.toString(), messages));
        }

        @Override
        public ITemplateResource relative(String relativeLocation) {
            return template.relative(relativeLocation);
        }
    }

    /**
     * The engine as a page's view uses it: a page is rendered with the resolution attributes of its reader's
     * language ({@link #attributesFor}); everything else is the engine's own.
     */
    static ISpringTemplateEngine forPages(ISpringTemplateEngine engine) {
        return engine instanceof ForPages ? engine : new ForPages(engine);
    }

    private record ForPages(ISpringTemplateEngine engine) implements ISpringTemplateEngine {

        @Override
        public void process(String template, Set<String> selectors, IContext context, Writer writer) {
            var attributes = attributesFor(context.getLocale());
            if (attributes == null) {
                engine.process(template, selectors, context, writer);
            } else {
                engine.process(new TemplateSpec(template, selectors, (TemplateMode) null, attributes), context, writer);
            }
        }

        @Override
        public void setTemplateEngineMessageSource(MessageSource messageSource) {
            engine.setTemplateEngineMessageSource(messageSource);
        }

        @Override
        public Collection<Class<?>> getAllowedClassOverridesForViews() {
            return engine.getAllowedClassOverridesForViews();
        }

        @Override
        public void setAllowedClassOverridesForViews(Collection<Class<?>> classes) {
            engine.setAllowedClassOverridesForViews(classes);
        }

        @Override
        public IEngineConfiguration getConfiguration() {
            return engine.getConfiguration();
        }

        @Override
        public String process(String template, IContext context) {
            return engine.process(template, context);
        }

        @Override
        public String process(String template, Set<String> selectors, IContext context) {
            return engine.process(template, selectors, context);
        }

        @Override
        public String process(TemplateSpec spec, IContext context) {
            return engine.process(spec, context);
        }

        @Override
        public void process(String template, IContext context, Writer writer) {
            engine.process(template, context, writer);
        }

        @Override
        public void process(TemplateSpec spec, IContext context, Writer writer) {
            engine.process(spec, context, writer);
        }

        @Override
        public IThrottledTemplateProcessor processThrottled(String template, IContext context) {
            return engine.processThrottled(template, context);
        }

        @Override
        public IThrottledTemplateProcessor processThrottled(String template, Set<String> selectors, IContext context) {
            return engine.processThrottled(template, selectors, context);
        }

        @Override
        public IThrottledTemplateProcessor processThrottled(TemplateSpec spec, IContext context) {
            return engine.processThrottled(spec, context);
        }
    }

    /**
     * Puts the resolver in front of Spring Boot's, and gives the engine room for a template per language: its
     * default cache of 200 parsed templates would hold the 136 templates in one language only. With it, the pages'
     * own view ({@link PageView}); a test slice imports both from here.
     */
    @Configuration(proxyBeanMethods = false)
    @Import(PageView.Installation.class)
    public static class Installation {

        @Bean
        static BeanPostProcessor prefilledLabels(ObjectProvider<MessageSource> messages, Environment environment) {
            fillIn(environment.getProperty("opennrm.pages.prefilled-labels", Boolean.class, true));
            return new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String name) {
                    if (bean instanceof SpringTemplateEngine engine) {
                        var cache = new StandardCacheManager();
                        cache.setTemplateCacheMaxSize(2_000);
                        engine.setCacheManager(cache);
                    }
                    return bean;
                }

                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof ITemplateResolver resolver
                            && !(bean instanceof Resolver)
                            && "defaultTemplateResolver".equals(name)) {
                        return new Resolver(resolver, messages.getObject());
                    }
                    return bean;
                }
            };
        }
    }
}
