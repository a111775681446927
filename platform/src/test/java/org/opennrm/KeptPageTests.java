package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

class KeptPageTests {

    @Test
    void eachSendingWritesTheRequestsOwnTokenWhereTheMarkWas() throws Exception {
        var kept = KeptPage.of("<meta content=\"" + KeptPage.MARK + "\"><p>Fran\u00e7ais \u0420</p><input value=\""
                + KeptPage.MARK + "\">");

        var first = send(kept, "token-one");
        var second = send(kept, "token-two");

        assertThat(first.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("<meta content=\"token-one\"><p>Fran\u00e7ais \u0420</p><input value=\"token-one\">");
        assertThat(second.getContentAsString(StandardCharsets.UTF_8))
                .contains("token-two")
                .doesNotContain("token-one");
        assertThat(first.getContentLength()).isEqualTo(first.getContentAsByteArray().length);
        assertThat(first.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(kept.text()).doesNotContain("token-one").contains(KeptPage.MARK);
    }

    @Test
    void aKeeperIsTakenOnceSoThatAnErrorPageRenderedLaterIsNotKept() {
        var request = new MockHttpServletRequest();
        var taken = new ArrayList<KeptPage>();
        KeptPage.keepRendered(request, taken::add);

        assertThat(KeptPage.takeKeeper(request)).isNotNull();
        assertThat(KeptPage.takeKeeper(request)).isNull();
    }

    private static MockHttpServletResponse send(KeptPage kept, String token) throws Exception {
        var request = new MockHttpServletRequest();
        request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", token));
        var response = new MockHttpServletResponse();
        kept.send(request, response);
        return response;
    }
}
