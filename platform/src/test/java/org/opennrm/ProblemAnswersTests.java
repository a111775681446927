package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.access.AccessTokens;
import org.opennrm.access.AccountManagement;
import org.opennrm.access.Role;
import org.opennrm.access.TestTokens;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the platform answers over HTTP is an RFC 9457 problem detail without internals, including those no
 * controller sees (a method or media type a path does not take, a path Tomcat refuses), and malformed input (NUL
 * characters, {@code null} inside JSON arrays) is a 400, never a 500. Over a real port, since Tomcat's own refusals
 * and the container's error page are part of what is tested; the same application as the browser tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProblemAnswersTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    AccessTokens tokens;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @BeforeEach
    void token() {
        token = TestTokens.tokenWithRoles(
                accounts, tokens, organisations.all().getFirst().id(), Set.of(Role.ADMINISTRATOR, Role.COORDINATOR));
    }

    @Test
    void methodThePathDoesNotTakeIsAProblem() throws Exception {
        var answer = send(authorised("/api/v1/organisations").method("PATCH", HttpRequest.BodyPublishers.noBody()));

        assertProblem(answer, 405);
    }

    @Test
    void traceThatTomcatRefusesItselfIsAProblem() throws Exception {
        var answer = send(authorised("/api/v1/organisations").method("TRACE", HttpRequest.BodyPublishers.noBody()));

        assertProblem(answer, 405);
    }

    @Test
    void bodyOfAMediaTypeThePathDoesNotTakeIsAProblem() throws Exception {
        var answer = send(authorised("/api/v1/organisations")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=Shelter")));

        assertProblem(answer, 415);
    }

    @Test
    void answerInAMediaTypeThePathCannotGiveIsAProblem() throws Exception {
        var answer = send(authorised("/api/v1/organisations").header("Accept", "application/xml"));

        assertProblem(answer, 406);
    }

    @Test
    void unknownApiPathIsAProblemEvenForABrowser() throws Exception {
        assertProblem(send(authorised("/api/v1/no-such-thing")), 404);
        assertProblem(send(authorised("/api/v1/no-such-thing").header("Accept", "text/html")), 404);
    }

    @Test
    void pathsTomcatRefusesAreProblemsWithoutServerDetails() throws Exception {
        for (String path : new String[] {
            "/api/v1/organisations/a%2Fb", "/api/v1/organisations/%00", "/cases/%00", "/api/v1/%2e%2e/%2e%2e/etc"
        }) {
            var answer = send(authorised(path));
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertProblem(answer, 400);
            assertThat(answer.body()).doesNotContainIgnoringCase("tomcat");
        }
    }

    @Test
    void nulInAQueryParameterIsRefused() throws Exception {
        var answer = send(authorised("/api/v1/audit?recordType=case&recordId=a%00b"));

        assertProblem(answer, 400);
        assertThat(body(answer).path("detail").asString()).contains("NUL");
    }

    @Test
    void nulInAFormFieldIsRefusedBeforeAnythingReadsIt() throws Exception {
        var answer = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin%00&password=x")));

        assertProblem(answer, 400);
    }

    @Test
    void nulInAJsonStringIsRefused() throws Exception {
        var answer = send(authorised("/api/v1/organisations")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Shelter\\u0000\",\"sector\":\"NGO\",\"nrmRoles\":[\"REFERRER\"]}")));

        assertProblem(answer, 400);
    }

    @Test
    void nullInsideAJsonArrayIsRefused() throws Exception {
        var grants = send(authorised("/api/v1/tokens")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"script\",\"grants\":[null]}")));
        var contactPoints = send(authorised("/api/v1/organisations")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Null Contact Shelter\",\"sector\":\"NGO\",\"contactPoints\":[null]}")));

        assertProblem(grants, 400);
        assertProblem(contactPoints, 400);
    }

    @Test
    void pageErrorsStayPagesForABrowser() throws Exception {
        var answer = send(HttpRequest.newBuilder(uri("/login?x=%00")).header("Accept", "text/html"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(answer.body()).contains("The request could not be understood");
    }

    @Test
    void behindATrustedTlsProxyTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        var overTls = send(HttpRequest.newBuilder(uri("/login")).header("X-Forwarded-Proto", "https"));
        var plain = send(HttpRequest.newBuilder(uri("/login")));

        assertThat(overTls.statusCode()).isEqualTo(200);
        assertThat(overTls.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("OPENNRM_SESSION=")
                .containsIgnoringCase("; Secure")
                .containsIgnoringCase("HttpOnly"));
        assertThat(overTls.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
        // without the proxy's word, plain http stays plain: no HSTS, and a cookie the browser sends back over http
        assertThat(plain.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.contains("Secure"));
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                .as(answer.uri() + " " + answer.body())
                .startsWith("application/problem+json");
        JsonNode problem = body(answer);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(answer.body())
                .doesNotContain("Exception")
                .doesNotContain("org.springframework")
                .doesNotContain("at org.")
                .doesNotContain("trace");
    }

    private JsonNode body(HttpResponse<String> answer) {
        return json.readTree(answer.body());
    }

    private HttpRequest.Builder authorised(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
