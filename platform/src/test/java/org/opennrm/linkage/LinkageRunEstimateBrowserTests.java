package org.opennrm.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.opennrm.access.Role;
import org.opennrm.cases.SignedIn;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The statistician opens a completed linkage run and estimates the hidden number from its overlap table. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LinkageRunEstimateBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    LinkageRuns runs;

    @Test
    void aStatisticianEstimatesTheHiddenNumberFromACompletedRun() {
        String name = "Three agencies " + UUID.randomUUID().toString().substring(0, 8);
        UUID run = SignedIn.as(Role.STATISTICIAN, UUID.randomUUID(), () -> {
            var created = runs.create(name, 0.8, true);
            for (var list : SyntheticLists.encoded("the browser test's shared secret, synthetic")) {
                runs.upload(created.id(), list.label(), list.clk(), list.ids());
            }
            return runs.run(created.id()).id();
        });
        try (var browser = Browser.open(port)) {
            browser.signIn("statistician", "demo-password-for-tests", null);
            browser.go("/linkage/runs/" + run).waitForText("22 persons are on at least one list");
            ((JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('estimate-run').scrollIntoView()");
            browser.screenshot("linkage-run-estimate-01-run");
            browser.clickId("estimate-run");
            browser.waitForText("Sensitivity across models");
            assertThat(browser.textOf(By.id("estimate-source"))).contains(name);
            assertThat(browser.textOf(By.id("estimate-summary")))
                    .contains("Police, NGO, Inspectorate")
                    .contains("22");
            assertThat(browser.textOf(By.id("headlines"))).contains("Main effects only");
            browser.screenshot("linkage-run-estimate-02-estimate");
        }
    }
}
