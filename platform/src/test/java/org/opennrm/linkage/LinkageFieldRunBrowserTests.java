package org.opennrm.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennrm.Browser;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A statistician makes a linkage run in the browser, uploads two agencies' lists with their field encodings, sees
 * that the run will link field by field, runs it and reads the estimated quality it rests on; then opens the same
 * run on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LinkageFieldRunBrowserTests {

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    Path write(String name, byte[] content) throws IOException {
        Path file = files.resolve(name);
        Files.write(file, content);
        return file;
    }

    void upload(Browser browser, SyntheticLists.EncodedList list) throws IOException {
        String stem = list.label().toLowerCase();
        browser.type("label", list.label());
        browser.driver()
                .findElement(By.id("clk"))
                .sendKeys(write(stem + ".clk", list.clk()).toString());
        browser.driver()
                .findElement(By.id("ids"))
                .sendKeys(write(stem + ".ids", list.ids()).toString());
        browser.driver()
                .findElement(By.id("fields"))
                .sendKeys(write(stem + ".fields", list.fields()).toString());
        browser.submit("upload-list").waitForText("The list was uploaded.");
    }

    @Test
    void aStatisticianRunsAFieldByFieldLinkageAndReadsItsEstimatedQuality() throws IOException {
        var lists = SyntheticLists.realistic(400, 5, "the field run browser test's secret, synthetic");
        String name = "Field run " + UUID.randomUUID().toString().substring(0, 8);
        String runPath;
        try (var browser = Browser.open(port)) {
            browser.signIn("statistician", "demo-password-for-tests", null);
            browser.go("/linkage/runs");
            browser.type("name", name).type("threshold", "0.5");
            browser.submit("create-run").waitForText(name);
            runPath = browser.path();
            assertThat(browser.textOf(By.id("run-model"))).isEqualTo("Whole record (Dice similarity)");

            upload(browser, lists.a());
            assertThat(browser.textOf(By.id("run-model"))).isEqualTo("Field by field (match probability)");
            assertThat(browser.textOf(By.id("model-plan"))).contains("will compare names, date of birth");
            upload(browser, lists.b());
            assertThat(browser.textOf(By.id("lists")))
                    .contains("Police")
                    .contains("NGO")
                    .contains("Yes");
            browser.screenshot("linkage-field-run-01-draft");

            browser.submit("start-run").waitForText("The run is done; its encodings were deleted.");
            String quality = browser.textOf(By.id("quality"));
            assertThat(quality)
                    .contains("Police and NGO")
                    .contains("Expected precision")
                    .containsPattern("\\d+\\.\\d%");
            assertThat(browser.text()).contains("Estimated quality of the linkage");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('quality').scrollIntoView()");
            browser.screenshot("linkage-field-run-02-quality");
        }
        try (var phone = Browser.phone(port)) {
            phone.signIn("statistician", "demo-password-for-tests", null);
            phone.go(runPath).waitForText("Estimated quality of the linkage");
            assertThat(phone.textOf(By.id("run-model"))).isEqualTo("Field by field (match probability)");
            assertThat(phone.textOf(By.id("quality"))).contains("Police and NGO");
            ((org.openqa.selenium.JavascriptExecutor) phone.driver())
                    .executeScript("document.getElementById('quality').scrollIntoView()");
            phone.screenshot("linkage-field-run-03-phone");
        }
    }
}
