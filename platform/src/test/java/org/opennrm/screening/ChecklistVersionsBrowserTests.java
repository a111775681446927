package org.opennrm.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An administrator adds a question to the border checklist in the pages; a labour inspector screens with the new
 * version on a phone, and a screening made before still reads with the version it was answered with. The
 * administrator then takes the question out again (one more version), so that other tests find the checklist as
 * shipped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ChecklistVersionsBrowserTests {

    static final String PASSWORD = "demo-password-for-tests";

    @LocalServerPort
    int port;

    /** Scrolls the element into view, so that a screenshot shows what the step is about. */
    static void show(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", id);
    }

    @Test
    void anAddedQuestionIsScreenedWithAndAnOlderScreeningKeepsItsVersion() {
        String code = "BX" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
        String olderResult;
        String olderVersion;
        try (var inspector = Browser.phone(port)) {
            inspector.signIn("inspector", PASSWORD, null);
            inspector.go("/screening/border").tick("q-BO01-YES").submit("see-result");
            inspector.waitForPath("/screening/results/");
            olderResult = inspector.path();
            olderVersion = inspector.textOf(By.id("details"));
            assertThat(olderVersion).contains("border/r");
        }

        String added;
        try (var admin = Browser.open(port)) {
            admin.signIn("admin", PASSWORD, null);
            admin.go("/").clickId("nav-checklists").clickId("admin-checklist-border");
            admin.waitFor(By.id("question-form"));
            String before = admin.textOf(By.id("version-in-force"));
            // first without an indicator: refused, with the message at the field
            admin.selectValue("section", "control")
                    .type("code", code)
                    .type("label.en", "Was the traveller told what to say at the border by someone else?")
                    .type("label.fr", "Quelqu'un d'autre a-t-il dit à la personne quoi dire à la frontière ?")
                    .type("label.de", "Hat jemand anderes der Person gesagt, was sie an der Grenze sagen soll?")
                    .type("label.it", "Qualcun altro ha detto alla persona cosa dire alla frontiera?")
                    .type("label.ru", "Кто-то другой говорил человеку, что сказать на границе?")
                    .type("label.es", "¿Alguien le dijo a la persona qué decir en la frontera?")
                    .submit("save-question");
            assertThat(admin.textOf(By.id("form-errors"))).contains("not saved");
            assertThat(admin.text()).contains("Name at least one indicator");
            show(admin, "indicators");
            admin.screenshot("checklists-01-refused-without-indicator");
            admin.type("indicators", "AL-CD-13, CL-CD-13").submit("save-question");
            added = admin.textOf(By.id("version-in-force"));
            assertThat(added).startsWith("border/r").isNotEqualTo(before);
            assertThat(admin.textOf(By.id("admin-question-" + code))).contains("told what to say at the border");
            assertThat(admin.textOf(By.id("history"))).contains(added).contains(before);
            show(admin, "admin-question-" + code);
            admin.screenshot("checklists-02-question-added-desktop");
        }

        try (var inspector = Browser.phone(port)) {
            inspector.signIn("inspector", PASSWORD, null);
            inspector.go("/screening/border");
            assertThat(inspector.textOf(By.id("question-" + code))).contains("told what to say at the border");
            inspector.tick("age-ADULT").tick("q-" + code + "-YES").tick("q-BO01-YES");
            show(inspector, "question-" + code);
            inspector.screenshot("checklists-03-new-question-phone");
            inspector.submit("see-result").waitForPath("/screening/results/");
            assertThat(inspector.textOf(By.id("details"))).contains(added);
            assertThat(inspector.text()).contains("told what to say at the border");
            show(inspector, "elements");
            inspector.screenshot("checklists-04-result-new-version-phone");

            inspector.go(olderResult);
            String older = inspector.textOf(By.id("details"));
            assertThat(older)
                    .contains(olderVersion.substring(olderVersion.indexOf("border/r"))
                            .split(" ")[0]);
            assertThat(older).doesNotContain(added);
            assertThat(inspector.text()).doesNotContain("told what to say at the border");
            show(inspector, "details");
            inspector.screenshot("checklists-05-older-result-own-version-phone");
        }

        try (var admin = Browser.phone(port)) {
            admin.signIn("admin", PASSWORD, null);
            admin.go("/settings/checklists/border");
            Object fits = ((JavascriptExecutor) admin.driver())
                    .executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1");
            assertThat(fits).isEqualTo(true);
            admin.screenshot("checklists-06-admin-phone");
            admin.submit("remove-" + code);
            assertThat(admin.textOf(By.id("version-in-force"))).isNotEqualTo(added);
            assertThat(admin.driver().findElements(By.id("admin-question-" + code)))
                    .isEmpty();
        }
    }
}
