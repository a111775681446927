package org.opennrm.cases.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.access.AccessTokens;
import org.opennrm.access.AccountManagement;
import org.opennrm.access.Grant;
import org.opennrm.access.Permission;
import org.opennrm.access.Scope;
import org.opennrm.access.TestSignIn;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.ConsentPurpose;
import org.opennrm.cases.ConsentStatement;
import org.opennrm.cases.EventEntry;
import org.opennrm.cases.OpenCase;
import org.opennrm.cases.PersonIdentity;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.OrganisationDetails;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.Sector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Benchmark, not part of the test run (the name does not end in Tests): refers N synthetic cases
 * ({@code -Dopennrm.bench.cases}, default 2,000) in a region of their own, half of them consenting to share with
 * the receiver, then downloads the HTCDS export through the real HTTP API with a personal access token, reading
 * the stream as it comes, and prints time to the first byte, total time, bytes and cases per second for each
 * format, pseudonymous and identifying. Run: {@code ./mvnw -pl platform -am test -Dtest=HtcdsExportVolumeBench
 * -Dsurefire.failIfNoSpecifiedTests=false -Dopennrm.bench.cases=2000}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HtcdsExportVolumeBench {

    @LocalServerPort
    int port;

    @Autowired
    CaseManagement cases;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    AccountManagement accounts;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Clock clock;

    @Test
    void exportsManyCasesWhileReadingThem() throws Exception {
        int count = Integer.getInteger("opennrm.bench.cases", 2000);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String region = "Bench " + tag;
        UUID referrer = organisations
                .register(new OrganisationDetails(
                        "Bench Outreach " + tag,
                        Sector.NGO,
                        Set.of(NrmRole.REFERRER),
                        Set.of(),
                        Set.of(region),
                        List.of()))
                .id();
        UUID receiver = organisations
                .register(new OrganisationDetails(
                        "Bench Receiver " + tag,
                        Sector.NGO,
                        Set.of(NrmRole.SERVICE_PROVIDER),
                        Set.of(),
                        Set.of("Bench elsewhere " + tag),
                        List.of()))
                .id();
        long opening = System.nanoTime();
        for (int i = 0; i < count; i++) {
            var consents = i % 2 == 0
                    ? List.of(
                            new ConsentStatement(ConsentPurpose.ASSISTANCE, null, true),
                            new ConsentStatement(ConsentPurpose.SHARING, receiver, true))
                    : List.of(new ConsentStatement(ConsentPurpose.ASSISTANCE, null, true));
            cases.openFor(
                    referrer,
                    UUID.randomUUID(),
                    new OpenCase(
                            new PersonIdentity(
                                    "Benchgiven" + i,
                                    "Benchfamily" + i,
                                    null,
                                    LocalDate.of(1970 + i % 35, 1 + i % 12, 1 + i % 28),
                                    null,
                                    i % 3 == 0 ? "Masculine" : "Feminine",
                                    Set.of("MDA"),
                                    Set.of("ron")),
                            false,
                            "Synthetic case for the export benchmark.",
                            CaseFixtures.labourProfile(),
                            consents,
                            List.of(new EventEntry("Recruitment", LocalDate.of(2025, 9, 2), "MDA", "Synthetic")),
                            null,
                            null));
        }
        System.out.printf("htcds-bench: opened %d cases in %.1f s%n", count, (System.nanoTime() - opening) / 1e9);

        var manager = accounts.all().stream()
                .filter(account -> account.username().equals("casemanager"))
                .findFirst()
                .orElseThrow();
        String token = tokens.create(
                        TestSignIn.actorOf(manager),
                        "htcds bench " + tag,
                        Set.of(new Grant(Permission.CASES_EXPORT, Scope.ALL)),
                        clock.instant().plusSeconds(3600))
                .value();
        var http = HttpClient.newHttpClient();
        for (String format : List.of("json", "csv")) {
            for (boolean identity : List.of(false, true)) {
                // first run warms up, the second is measured
                for (int run = 0; run < 2; run++) {
                    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                    + "/api/v1/exports/htcds?format=" + format + "&identity=" + identity
                                    + "&receiver=" + receiver + "&region="
                                    + URLEncoder.encode(region, StandardCharsets.UTF_8)))
                            .header("Authorization", "Bearer " + token)
                            .build();
                    long start = System.nanoTime();
                    var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                    long bytes = 0;
                    long firstByte = -1;
                    byte[] buffer = new byte[64 * 1024];
                    try (InputStream body = response.body()) {
                        int read;
                        while ((read = body.read(buffer)) >= 0) {
                            if (firstByte < 0 && read > 0) {
                                firstByte = System.nanoTime();
                            }
                            bytes += read;
                        }
                    }
                    long end = System.nanoTime();
                    assertThat(response.statusCode()).isEqualTo(200);
                    long included = Long.parseLong(response.headers()
                            .firstValue(HtcdsExportApi.INCLUDED)
                            .orElseThrow());
                    assertThat(included).isEqualTo(identity ? (count + 1) / 2 : count);
                    if (run == 1) {
                        System.out.printf(
                                "htcds-bench: %s identity=%s: %d cases, %d bytes, first byte %.0f ms, total %.0f ms,"
                                        + " %.0f cases/s%n",
                                format,
                                identity,
                                included,
                                bytes,
                                (firstByte - start) / 1e6,
                                (end - start) / 1e6,
                                included / ((end - start) / 1e9));
                    }
                }
            }
        }
    }
}
