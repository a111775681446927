package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opennrm.organisations.ContactPoint;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.OrganisationDetails;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.Sector;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes of the platform on one database, as behind a load balancer without sticky sessions: node A runs the
 * embedded PostgreSQL, node B connects to it as an external database with the same keys. A person signs in on A,
 * enrols and confirms the second factor on B (the pending sign-in lives in the shared session), finishes on A and
 * goes on on B with the same session cookie; a change made through A is seen on B at once, although B would keep
 * what it read for an hour without the change notices.
 */
class TwoNodesTests {

    private static final String PASSWORD = "demo-password-for-tests";

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private String cookie;

    @BeforeAll
    static void startTwoNodes() throws IOException {
        // copies of sessions kept for an hour: only a notice from the other node can make a node forget one
        a = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run("--server.port=0", "--opennrm.sessions.kept-for=PT1H");
        var server = a.getBean(EmbeddedServer.class);
        Path dataFolder = server.dataFolder().getParent();
        var passwords = EmbeddedAccounts.passwords(dataFolder);
        b = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:postgresql://localhost:" + server.port() + "/opennrm",
                        "--spring.datasource.username=" + EmbeddedAccounts.APPLICATION_ROLE,
                        "--spring.datasource.password=" + passwords.application(),
                        "--opennrm.demo.enabled=false",
                        // the same keys on every node; the rest of B's data folder is its own
                        "--opennrm.identity.keyset-file=" + dataFolder.resolve("identity-keyset.json"),
                        "--opennrm.audit.key-file=" + dataFolder.resolve("audit-key"),
                        "--opennrm.linkage.secret-file=" + dataFolder.resolve("linkage-secret"),
                        "--opennrm.exchange.secret-file=" + dataFolder.resolve("exchange-secret"),
                        // what B keeps it would keep for an hour: only a notice from A can make it read again
                        "--opennrm.organisations.registry-check-ttl=PT1H",
                        "--opennrm.security.session-check-ttl=PT1H",
                        "--opennrm.sessions.kept-for=PT1H");
    }

    @AfterAll
    static void stopTwoNodes() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void aSignedInPersonMovesBetweenNodesMidJourney() throws Exception {
        // password on A: the sign-in now waits for a second factor, kept in the session
        var login = get(a, "/login");
        var signIn = post(a, "/login", Map.of("username", "admin", "password", PASSWORD, "_csrf", csrf(login)));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(location(signIn)).contains("/sign-in/second-factor");

        // the pending sign-in is on B too: B asks for the enrolment and accepts its code
        var enrol = get(b, "/sign-in/second-factor/enrol");
        assertThat(enrol.statusCode()).isEqualTo(200);
        var page = Jsoup.parse(enrol.body());
        String secret = page.getElementById("secret").text();
        var confirmed = post(
                b,
                "/sign-in/second-factor/enrol",
                Map.of("code", Browser.totp(secret, Instant.now()), "_csrf", csrf(enrol)));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("/sign-in/second-factor/enrol/done");

        // and A finishes the sign-in that B confirmed
        var done = post(a, "/sign-in/second-factor/enrol/done", Map.of("_csrf", csrf(confirmed)));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(location(done)).doesNotContain("login").doesNotContain("second-factor");

        // signed in on both nodes with the one cookie
        assertThat(get(b, "/organisations").statusCode()).isEqualTo(200);
        assertThat(get(a, "/organisations").statusCode()).isEqualTo(200);

        // a change through A (B has read the registry above, and would keep it for an hour)
        String name = "Two-node shelter " + UUID.randomUUID();
        assertThat(get(b, "/organisations").body()).doesNotContain(name);
        a.getBean(OrganisationRegistry.class)
                .register(new OrganisationDetails(
                        name,
                        Sector.NGO,
                        Set.of(NrmRole.SERVICE_PROVIDER),
                        Set.of("shelter"),
                        Set.of("Capital City"),
                        List.of(new ContactPoint("Desk", "Referrals", "+000 000 0000", "desk@example.org"))));
        assertThat(eventually(() -> get(b, "/organisations").body().contains(name)))
                .as("B shows what was changed through A")
                .isTrue();

        // the session lives in the database, not in either node
        long sessions = a.getBean(JdbcClient.class)
                .sql("select count(*) from access.spring_session where principal_name = 'admin'")
                .query(Long.class)
                .single();
        assertThat(sessions).isPositive();

        // each node keeps a copy of the signed-in session instead of reading it on every page (KeptSessions)
        String id = sessionId();
        var menu = get(a, "/organisations");
        assertThat(get(a, "/organisations").statusCode()).isEqualTo(200);
        assertThat(a.getBean(KeptSessions.class).find(id))
                .as("A reads its copy")
                .isNotNull();

        // signing out on B ends the session on A too: A forgets its copy when B's notice arrives
        String signedInCookie = cookie;
        assertThat(post(b, "/logout", Map.of("_csrf", csrf(menu))).statusCode()).isEqualTo(302);
        long noticed = System.nanoTime();
        assertThat(eventually(() -> a.getBean(KeptSessions.class).find(id) == null))
                .as("A hears of the sign-out on B")
                .isTrue();
        cookie = signedInCookie;
        var after = get(a, "/organisations");
        assertThat(after.statusCode()).isIn(302, 401);
        assertThat(after.body()).doesNotContain(name);
        assertThat(a.getBean(JdbcClient.class)
                        .sql("select count(*) from access.spring_session where principal_name = 'admin'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static boolean eventually(Check check) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            if (check.holds()) {
                return true;
            }
            Thread.sleep(50);
        }
        return check.holds();
    }

    private static String base(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
    }

    private static String csrf(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).selectFirst("input[name=_csrf]").attr("value");
    }

    /** The session id in the cookie (Spring Session writes it in Base64). */
    private String sessionId() {
        return new String(
                java.util.Base64.getDecoder().decode(cookie.substring("OPENNRM_SESSION=".length())),
                StandardCharsets.UTF_8);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpResponse<String> get(ConfigurableApplicationContext node, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base(node) + path)).GET();
        return send(request);
    }

    private HttpResponse<String> post(ConfigurableApplicationContext node, String path, Map<String, String> form)
            throws Exception {
        String body = new LinkedHashMap<>(form)
                .entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(base(node) + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            if (pair.startsWith("OPENNRM_SESSION=")) {
                cookie = pair.endsWith("=") ? null : pair;
            }
        }
        return response;
    }
}
