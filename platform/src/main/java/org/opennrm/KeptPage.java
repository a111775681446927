package org.opennrm;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * A whole rendered page, kept to be sent again to the same reader without rendering it: the UTF-8 bytes of the
 * page around the places where its CSRF token goes. Each sending writes the token of that request (Spring
 * Security masks it anew for every request, against compression attacks), so a kept page holds no token.
 *
 * <p>A controller that keeps pages asks the page view to hand it the page it renders ({@link #keepRendered}),
 * and the view renders it with {@link #MARK} in place of the token. What the page shows must be the same for
 * every request under the key the controller keeps it by; the controller decides when it is out of date.
 */
public final class KeptPage {

    /** Stands for the CSRF token while a page to be kept is rendered; random, so no content can forge it. */
    public static final String MARK = "kept-page-token-" + UUID.randomUUID();

    private static final String KEEPER = KeptPage.class.getName() + ".keeper";

    private final byte[][] parts;
    private final long length;

    private KeptPage(String html) {
        var texts = html.split(Pattern.quote(MARK), -1);
        parts = new byte[texts.length][];
        long total = 0;
        for (int i = 0; i < texts.length; i++) {
            parts[i] = texts[i].getBytes(StandardCharsets.UTF_8);
            total += parts[i].length;
        }
        length = total;
    }

    /** The page as rendered with {@link #MARK} for the token. */
    public static KeptPage of(String html) {
        return new KeptPage(html);
    }

    /** Asks the view that renders this request's page to hand it to {@code keeper} before sending it. */
    public static void keepRendered(HttpServletRequest request, Consumer<KeptPage> keeper) {
        request.setAttribute(KEEPER, keeper);
    }

    /**
     * Who asked to keep this request's page, taken off the request so that nothing rendered later for it (an
     * error page, after a failure half-way) is kept in its place; {@code null} when nobody asked.
     */
    @SuppressWarnings("unchecked")
    public static Consumer<KeptPage> takeKeeper(HttpServletRequest request) {
        var keeper = (Consumer<KeptPage>) request.getAttribute(KEEPER);
        request.removeAttribute(KEEPER);
        return keeper;
    }

    /** Sends the page with this request's CSRF token. */
    public void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        byte[] value = token == null ? new byte[0] : token.getToken().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLengthLong(length + (long) value.length * (parts.length - 1));
        var out = response.getOutputStream();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.write(value);
            }
            out.write(parts[i]);
        }
    }

    /** The page's text with {@link #MARK} where the token goes (for tests). */
    public String text() {
        var text = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                text.append(MARK);
            }
            text.append(new String(parts[i], StandardCharsets.UTF_8));
        }
        return text.toString();
    }
}
