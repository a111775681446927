package org.opennrm;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.opennrm.ui.PrefilledLabels;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/** A page a test asked for, as a document to find elements in, after its status is checked. */
public final class Pages {

    private Pages() {}

    /** The page's text without its CSRF tokens, which are masked anew for every request. */
    public static String withoutTokens(String page) {
        return page.replaceAll("(value|content)=\"[A-Za-z0-9_=-]{20,}\"", "$1=\"token\"");
    }

    /** What {@code read} returns with the pages' labels looked up as Thymeleaf renders them ({@link PrefilledLabels}). */
    public static <T> T withoutPrefilledLabels(java.util.concurrent.Callable<T> read) throws Exception {
        PrefilledLabels.fillIn(false);
        try {
            return read.call();
        } finally {
            PrefilledLabels.fillIn(true);
        }
    }

    public static Document page(MockMvc mvc, RequestBuilder request, int status) throws Exception {
        return Jsoup.parse(mvc.perform(request)
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}
