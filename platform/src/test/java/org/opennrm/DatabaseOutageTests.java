package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.access.AccountManagement;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * When the database goes away people get a clear answer (503, a problem detail for the API), never a 500, and
 * the platform starts its embedded database again by itself.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DatabaseOutageTests {

    static final Path DATA = Path.of("target", "test-data", "outage-" + System.nanoTime());

    @DynamicPropertySource
    static void outageTakesItsTime(DynamicPropertyRegistry properties) {
        properties.add("opennrm.data-dir", DATA::toString);
        // the watch runs once at start-up and then not within the test, so that the outage lasts until the test
        // calls the watch (the very method the schedule calls): requests in between meet a database that is away
        properties.add("opennrm.database.watch-interval", () -> "PT1H");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedServer server;

    @Autowired
    EmbeddedDatabase.EmbeddedServerWatch watch;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    AccountManagement accounts;

    @Test
    void aStoppedDatabaseGivesAClearErrorAndIsStartedAgain() throws Exception {
        var organisationId = organisations.all().getFirst().id();
        var coordinator = TestSignIn.as(Role.COORDINATOR, organisationId);
        mvc.perform(get("/organisations").with(coordinator)).andExpect(status().isOk());

        // stopped cleanly, as by someone running pg_ctl stop on the server
        server.postgres().close();

        // pages that read the database (the registry's list is kept in memory for a second, see
        // OrganisationRegistry, and may still be shown)
        mvc.perform(get("/organisations/" + organisationId).with(coordinator).accept(MediaType.TEXT_HTML))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("briefly unavailable")))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(get("/api/v1/organisations/" + organisationId).with(coordinator))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        awaitRestart();
        mvc.perform(get("/organisations").with(coordinator)).andExpect(status().isOk());
        assertThat(organisations.count()).isPositive();
    }

    @Test
    void aKilledDatabaseGivesProblemsEvenBeforeAnyControllerAndIsStartedAgain() throws Exception {
        var organisationId = organisations.all().getFirst().id();
        var token = "Bearer " + tokenFor(organisationId);
        mvc.perform(get("/api/v1/organisations/" + organisationId).header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isOk());

        // kill -9 of the server's main process, as a crash or the operating system's out-of-memory killer does
        var postmaster = EmbeddedServer.serverOf(server.dataFolder()).orElseThrow();
        postmaster.destroyForcibly();
        postmaster.onExit().get();
        assertThat(server.isAlive()).isFalse();

        // the token is checked by a filter before any controller, against the database
        mvc.perform(get("/api/v1/organisations/" + organisationId).header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "30"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.title").value("Temporarily unavailable"));
        mvc.perform(post("/api/v1/tokens")
                        .header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"during the outage\",\"grants\":[]}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        awaitRestart();
        assertThat(server.isAlive()).isTrue();
        mvc.perform(get("/api/v1/organisations/" + organisationId).header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isOk());
    }

    /** The watch starts the server again; it waits while the killed server's last processes end. */
    private void awaitRestart() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!server.isAlive()) {
            assertThat(System.nanoTime()).as("restarted within two minutes").isLessThan(deadline);
            watch.restartIfStopped();
            Thread.sleep(200);
        }
    }

    private String tokenFor(UUID organisationId) throws Exception {
        var owner = accounts.create(new AccountManagement.NewAccount(
                "outage-" + UUID.randomUUID().toString().substring(0, 8),
                "Synthetic Client",
                null,
                organisationId,
                Set.of(Role.REFERRER),
                "a long synthetic password"));
        String created = mvc.perform(post("/api/v1/tokens")
                        .with(TestSignIn.as(TestSignIn.actorOf(owner)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"outage test\",\"grants\":[\"organisations:read:all\"]}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(created, "$.value");
    }
}
