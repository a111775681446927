package org.opennrm.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A labour inspector on a farm: opens the offline screening app on a phone with a network, loses the network,
 * answers a checklist and keeps it (waiting, nothing sent), gets the network back and finds the screening saved
 * exactly once, also when the phone sends it again. A screening the platform cannot accept stays on the phone,
 * says why, until the inspector discards it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OfflineScreeningBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    int saved(String key) {
        return jdbc.sql("select count(*) from screening.screening where idempotency_key = :key")
                .param("key", UUID.fromString(key))
                .query(Integer.class)
                .single();
    }

    static void network(Browser browser, boolean online) {
        var chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    static Object js(Browser browser, String script, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
    }

    @Test
    void aScreeningKeptWithoutANetworkIsSentOnceWhenItIsBack() {
        try (var phone = Browser.phone(port)) {
            var wait = new WebDriverWait(phone.driver(), Duration.ofSeconds(20));
            phone.signIn("inspector", "demo-password-for-tests", null);
            phone.go("/screening").clickId("offline-link").waitForPath("/screening/offline/app");
            wait.until(d ->
                    js(phone, "return document.querySelectorAll('#offline-checklist option').length") instanceof Long n
                            && n >= 5);
            // the service worker is installed while the network is there
            ((JavascriptExecutor) phone.driver())
                    .executeAsyncScript(
                            "var done = arguments[arguments.length - 1]; navigator.serviceWorker.ready.then(() => done(true));");
            assertThat(phone.textOf(By.id("network-state"))).isEqualTo("connected");

            network(phone, false);
            wait.until(ExpectedConditions.textToBe(By.id("network-state"), "no network"));
            phone.selectValue("checklist", "outreach");
            phone.tick("age-ADULT").tick("form-LABOUR_EXPLOITATION");
            phone.tick("q-OU01-YES").tick("q-OU04-YES").tick("q-OU09-YES").tick("q-OU10-NO");
            phone.clickId("keep-screening");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("waiting-list"), "waiting for the network"));
            assertThat(phone.textOf(By.id("waiting-count"))).isEqualTo("Waiting on this phone: 1");
            String key =
                    (String) js(phone, "return JSON.parse(localStorage.getItem('opennrm.screening.waiting'))[0].key");
            String kept = (String) js(phone, "return localStorage.getItem('opennrm.screening.waiting')");
            // what the phone keeps: the checklist, its version, answers and context codes; nothing about the person
            assertThat(kept)
                    .contains("\"checklist\":\"outreach\"", "\"OU01\":\"YES\"", "\"ageGroup\":\"ADULT\"")
                    .doesNotContain("name", "birth");
            assertThat(saved(key)).isZero();
            phone.screenshot("offline-01-kept-without-network-phone");

            network(phone, true);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sent-list"), "sent"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("waiting-none")));
            assertThat(saved(key)).isEqualTo(1);
            phone.screenshot("offline-02-sent-when-back-phone");

            // the answer to the send was lost on the way: the phone sends the same screening again
            js(phone, "localStorage.setItem('opennrm.screening.waiting', arguments[0])", kept);
            phone.go("/screening/offline/app");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("waiting-none")));
            assertThat(saved(key)).isEqualTo(1);

            phone.click(By.cssSelector("#sent-list a.result-link"));
            phone.waitForPath("/screening/results/");
            assertThat(phone.textOf(By.id("details"))).contains("outreach/r");
            assertThat(phone.textOf(By.id("suggestion"))).isNotBlank();

            // a screening the platform cannot accept (a checklist version it never had) stays until discarded
            phone.go("/screening/offline/app");
            js(phone, """
                    localStorage.setItem('opennrm.screening.waiting', JSON.stringify([{key: crypto.randomUUID(),
                      checklist: 'outreach', checklistVersion: 'outreach/r999', title: 'Outreach', ageGroup: null,
                      forms: [], answers: {OU01: 'YES'}, keptAt: new Date().toISOString(), state: 'waiting'}]));""");
            phone.clickId("send-now");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("waiting-list"), "not accepted"));
            assertThat(phone.textOf(By.id("waiting-list"))).contains("has no version \"outreach/r999\"");
            // the screening sent twice is listed once as sent
            assertThat(phone.driver().findElements(By.cssSelector("#sent-list li")))
                    .hasSize(1);
            phone.go("/screening/offline/app");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("waiting-list"), "not accepted"));
            js(phone, "document.getElementById('waiting-list').scrollIntoView({block: 'center'})");
            phone.screenshot("offline-03-not-accepted-kept-phone");
            phone.click(By.cssSelector("#waiting-list button.discard"));
            phone.driver().switchTo().alert().accept();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("waiting-none")));
        }
    }

    /** Fetches a URL from the page and answers its HTTP status, or -1 when no answer came (no network). */
    static long status(Browser browser, String path) {
        return (Long) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                        var done = arguments[arguments.length - 1];
                        fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status), () => done(-1));""", path);
    }

    /**
     * The app page itself comes from the phone: after the service worker is installed the network is cut for the
     * worker too (the browser talks to the platform through a {@link NetworkGate}, which is closed), the page is
     * reloaded and works from the worker's cache, a screening is answered and kept, and it is sent once when the
     * gate opens again.
     */
    @Test
    void theAppReloadedWithoutANetworkComesFromThePhoneAndSendsItsScreeningOnce() {
        try (var gate = NetworkGate.to(port);
                var phone = Browser.phone(gate.port())) {
            var wait = new WebDriverWait(phone.driver(), Duration.ofSeconds(20));
            phone.signIn("inspector", "demo-password-for-tests", null);
            phone.go("/screening/offline/app");
            wait.until(d ->
                    js(phone, "return document.querySelectorAll('#offline-checklist option').length") instanceof Long n
                            && n >= 5);
            ((JavascriptExecutor) phone.driver())
                    .executeAsyncScript(
                            "var done = arguments[arguments.length - 1]; navigator.serviceWorker.ready.then(() => done(true));");
            // the worker takes the open page at once (clients.claim): its requests go through the worker from now on
            wait.until(d -> Boolean.TRUE.equals(js(phone, "return navigator.serviceWorker.controller !== null")));
            assertThat(status(phone, "/screening/offline/not-kept")).isEqualTo(404);

            // Chrome's network emulation alone, measured: does the worker's own fetch still reach the platform?
            network(phone, false);
            long workerWithEmulationOnly = status(phone, "/screening/offline/not-kept");
            network(phone, true);
            System.out.println("offline reload: a fetch through the service worker with only Chrome's network"
                    + " emulation offline answered " + workerWithEmulationOnly + " (-1: no answer)");

            gate.cut();
            // the worker's fetch of a page it never kept finds no network: no answer at all
            assertThat(status(phone, "/screening/offline/not-kept")).isEqualTo(-1);
            // reloaded without a network: the navigation is answered by the worker from its cache
            phone.driver().navigate().refresh();
            wait.until(d ->
                    js(phone, "return document.querySelectorAll('#offline-checklist option').length") instanceof Long n
                            && n >= 5);
            assertThat(phone.driver().getTitle()).contains("without a network");
            assertThat(js(phone, "return navigator.serviceWorker.controller !== null"))
                    .isEqualTo(true);
            // the page's script ran (it filled the choice of checklists) and its style applies
            assertThat(js(phone, "return getComputedStyle(document.body).fontFamily"))
                    .isNotEqualTo("");
            assertThat(js(phone, "return document.styleSheets.length")).isNotEqualTo(0L);

            network(phone, false);
            wait.until(ExpectedConditions.textToBe(By.id("network-state"), "no network"));
            phone.selectValue("checklist", "labour-inspection");
            phone.tick("age-ADULT");
            phone.tick("q-LI01-YES").tick("q-LI02-YES").tick("q-LI05-NO");
            phone.clickId("keep-screening");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("waiting-list"), "waiting for the network"));
            String key =
                    (String) js(phone, "return JSON.parse(localStorage.getItem('opennrm.screening.waiting'))[0].key");
            assertThat(saved(key)).isZero();
            phone.screenshot("offline-04-reloaded-without-network-phone");

            gate.restore();
            network(phone, true);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("waiting-none")));
            assertThat(saved(key)).isEqualTo(1);
            assertThat(phone.textOf(By.id("sent-list"))).contains("sent");
            phone.screenshot("offline-05-sent-after-reload-phone");
        }
    }
}
