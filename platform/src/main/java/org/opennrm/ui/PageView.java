package org.opennrm.ui;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.opennrm.KeptPage;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * A page, rendered whole into memory (as {@code spring.thymeleaf.servlet.produce-partial-output-while-processing:
 * false} asks) and then sent as bytes, with its length.
 *
 * <p>Why: the servlet container turned the rendered text into UTF-8 through a {@code CharsetEncoder}, which
 * falls back to a character-by-character loop for the rest of its 8 KB buffer once it meets one character
 * beyond ASCII (the title's middle dot, "Fran&ccedil;ais" in the language links): a twentieth of the NRM queue
 * page's CPU time in a profile. {@link String#getBytes(Charset)} encodes the whole page in one pass. Sending the
 * length also spares the chunked encoding of a page larger than the container's buffer.
 *
 * <p>It also renders the pages that their controller keeps ({@link KeptPage}): such a page is rendered with a mark
 * in place of the CSRF token, handed to the controller's keeper, and sent with the request's own token.
 */
class PageView extends ThymeleafView {

    /** The request attribute under which Spring Security also offers the CSRF token to pages. */
    private static final String CSRF_ATTRIBUTE = "_csrf";

    /** Pages are rendered with their labels filled in for their reader's language ({@link PrefilledLabels}). */
    @Override
    protected void setTemplateEngine(org.thymeleaf.spring6.ISpringTemplateEngine templateEngine) {
        super.setTemplateEngine(PrefilledLabels.forPages(templateEngine));
    }

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        var keeper = KeptPage.takeKeeper(request);
        var token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (keeper != null && token != null && response.getStatus() == HttpServletResponse.SC_OK) {
            keep(model, request, response, keeper, token);
            return;
        }
        var page = new Rendered(response);
        super.render(model, new PageVariables(unwrapped(request)), page);
        page.send();
    }

    /**
     * The container's own request under the filters' wrappers, for a page rendered on the request's first dispatch.
     *
     * <p>Why: Thymeleaf keeps a page's variables as request attributes, and every read of one passed through the
     * five wrappers of the security and web filters, each delegating to the next (6 to 10 % of the case page's
     * CPU time in profiles). The wrappers change nothing a page reads: attributes, locale, session, paths and the
     * CSRF token are the container request's own, and the pages ask the security context, not the request, who is
     * signed in. A forward or an error dispatch keeps its wrappers: they carry that dispatch's own attributes.
     */
    static HttpServletRequest unwrapped(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            return request;
        }
        ServletRequest inner = request;
        while (inner instanceof ServletRequestWrapper wrapper) {
            inner = wrapper.getRequest();
        }
        return inner instanceof HttpServletRequest http ? http : request;
    }

    /**
     * The request as the page's rendering sees it: the attributes the rendering sets (Thymeleaf keeps the model and
     * every {@code th:with} and {@code th:each} variable as request attributes, and takes them away again) are kept in
     * a map of the page's own, in front of the container's request, which still answers every other attribute.
     *
     * <p>Why: each read of a page's variable went to the container's attributes (its special attributes first, then
     * a concurrent map, then the connector's own), and each set and removal also told the container's attribute
     * listeners: 7 % of the case page's CPU time in a profile. Nothing reads these attributes after the page is
     * rendered; what the filters and the controller set before is read through.
     */
    static final class PageVariables extends HttpServletRequestWrapper {

        /** A removed attribute, which must not be read through to the container's request. */
        private static final Object REMOVED = new Object();

        private final Map<String, Object> attributes = new HashMap<>();

        PageVariables(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            Object value = attributes.get(name);
            if (value == null) {
                return super.getAttribute(name);
            }
            return value == REMOVED ? null : value;
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value == null ? REMOVED : value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.put(name, REMOVED);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            Set<String> names = new LinkedHashSet<>();
            for (var inner = super.getAttributeNames(); inner.hasMoreElements(); ) {
                names.add(inner.nextElement());
            }
            attributes.forEach((name, value) -> {
                if (value == REMOVED) {
                    names.remove(name);
                } else {
                    names.add(name);
                }
            });
            return Collections.enumeration(names);
        }
    }

    /**
     * Renders a page its controller keeps: with {@link KeptPage#MARK} in place of the CSRF token (in the
     * layout's meta element and in every form's hidden field), then sends it with the request's own token.
     */
    private void keep(
            Map<String, ?> model,
            HttpServletRequest request,
            HttpServletResponse response,
            Consumer<KeptPage> keeper,
            CsrfToken token)
            throws Exception {
        var mark = new DefaultCsrfToken(token.getHeaderName(), token.getParameterName(), KeptPage.MARK);
        var page = new Rendered(response);
        Object named = request.getAttribute(CSRF_ATTRIBUTE);
        request.setAttribute(CsrfToken.class.getName(), mark);
        request.setAttribute(CSRF_ATTRIBUTE, mark);
        try {
            super.render(model, new PageVariables(unwrapped(request)), page);
        } finally {
            request.setAttribute(CsrfToken.class.getName(), token);
            request.setAttribute(CSRF_ATTRIBUTE, named);
        }
        var kept = KeptPage.of(page.text());
        keeper.accept(kept);
        kept.send(request, response);
    }

    /** The response as the view sees it: what it writes is kept until {@link #send()}. */
    private static final class Rendered extends HttpServletResponseWrapper {

        private final Text text = new Text();
        private PrintWriter writer;

        Rendered(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(text);
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            // nothing is sent before the page is whole
        }

        String text() {
            if (writer != null) {
                writer.flush();
            }
            return text.toString();
        }

        void send() throws IOException {
            if (writer == null) {
                return;
            }
            var response = (HttpServletResponse) getResponse();
            byte[] bytes = text().getBytes(Charset.forName(response.getCharacterEncoding()));
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    /**
     * The page's text. The view writes the rendered page as one string: that string is kept as it is, without
     * a copy; anything written besides is appended.
     */
    private static final class Text extends Writer {

        private String whole;
        private StringBuilder more;

        @Override
        public void write(String text, int offset, int length) {
            if (whole == null && more == null && offset == 0 && length == text.length()) {
                whole = text;
            } else {
                builder().append(text, offset, offset + length);
            }
        }

        @Override
        public void write(char[] characters, int offset, int length) {
            builder().append(characters, offset, length);
        }

        private StringBuilder builder() {
            if (more == null) {
                more = new StringBuilder(whole == null ? "" : whole);
                whole = null;
            }
            return more;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return more != null ? more.toString() : whole == null ? "" : whole;
        }
    }

    /** Makes every Thymeleaf page a {@link PageView}. */
    @Configuration(proxyBeanMethods = false)
    static class Installation {

        @Bean
        static BeanPostProcessor pageViews() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String name) {
                    if (bean instanceof ThymeleafViewResolver resolver) {
                        resolver.setViewClass(PageView.class);
                    }
                    return bean;
                }
            };
        }
    }
}
