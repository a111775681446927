package org.opennrm.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * An administrator adds a sector checklist for domestic work on a phone (first refused: an element the rule needs has
 * no question) and a national form of exploitation on a desktop; a labour inspector then screens with the new
 * checklist on a phone and records an anonymous notification with the national form, whose label the form shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SectorChecklistsAndCodeListsBrowserTests {

    static final String PASSWORD = "demo-password-for-tests";
    static final List<String> LANGUAGES = List.of("en", "fr", "de", "it", "ru", "es");
    static final List<String> INDICATORS =
            List.of("AL-DR-01", "AL-CR-01", "AL-VR-01", "AL-EX-01", "AL-CD-01", "AL-VD-01");
    static final List<String> QUESTIONS = List.of(
            "Was the job in the household different from what was promised?",
            "Was the worker forced to take the job by threats?",
            "Did the employer take advantage of the worker having no papers or money?",
            "Does the worker work very long hours with no day off?",
            "Is the worker kept from leaving the house?",
            "Does the worker depend on the employer for food and a bed?");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static void show(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", id);
    }

    @Test
    void anAdministratorAddsASectorChecklistAndANationalCodeAndAScreenerUsesThem() {
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        String checklist = "domestic-work-" + suffix;
        String prefix = "DW" + suffix.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "X") + "-";
        String name = "Domestic work " + suffix;
        try (var admin = Browser.phone(port)) {
            admin.signIn("admin", PASSWORD, null);
            admin.go("/").click(By.id("nav-checklists")).clickId("new-checklist-link");
            admin.waitFor(By.id("new-checklist"));
            admin.type("checklistCode", checklist);
            for (String language : LANGUAGES) {
                admin.type("title." + language, name + " (" + language + ")");
            }
            admin.check("lists", "adult-labour");
            var child = admin.driver().findElement(By.id("list-child-labour"));
            if (child.isSelected()) {
                ((JavascriptExecutor) admin.driver()).executeScript("arguments[0].click();", child);
            }
            // the row for coercion at destination (row 5) left empty: refused at the top, nothing saved
            for (int row = 0; row < 6; row++) {
                if (row == 4) {
                    continue;
                }
                admin.type("q" + row + ".code", prefix + row).type("q" + row + ".indicators", INDICATORS.get(row));
                for (String language : LANGUAGES) {
                    admin.type("q" + row + ".label." + language, QUESTIONS.get(row) + " [" + language + "]");
                }
            }
            admin.clickId("create-checklist");
            admin.waitFor(By.id("questions-errors"));
            assertThat(admin.textOf(By.id("questions-errors"))).contains("Coercion at destination");
            admin.screenshot("sector-01-refused-element-missing-phone");

            admin.type("q4.code", prefix + 4).type("q4.indicators", INDICATORS.get(4));
            for (String language : LANGUAGES) {
                admin.type("q4.label." + language, QUESTIONS.get(4) + " [" + language + "]");
            }
            admin.submit("create-checklist");
            admin.waitForPath("/settings/checklists/" + checklist);
            assertThat(admin.textOf(By.id("version-in-force"))).isEqualTo(checklist + "/r1");
            assertThat(admin.heading()).isEqualTo(name + " (en)");
            admin.screenshot("sector-02-added-phone");
        }

        // letters only, as statistics keep codes
        String code = "HouseholdDebt" + suffix.replaceAll("[^a-z]", "") + "x";
        String label = "Debt to a household employer " + suffix;
        try (var admin = Browser.open(port)) {
            admin.signIn("admin", PASSWORD, null);
            admin.go("/").clickId("nav-code-lists").clickId("code-list-exploitationForm");
            admin.waitFor(By.id("code-form"));
            String before = admin.textOf(By.id("list-version"));
            admin.type("code", code).selectValue("parent", "ForcedLabour");
            for (String language : LANGUAGES) {
                admin.type("label." + language, label + " (" + language + ")");
            }
            admin.submit("add-code");
            admin.waitForPath("/settings/code-lists/exploitationForm");
            assertThat(admin.textOf(By.id("list-version"))).isNotEqualTo(before);
            assertThat(admin.textOf(By.id("code-" + code))).contains(label + " (en)", "Forced labour");
            show(admin, "code-" + code);
            admin.screenshot("codes-01-national-form-added-desktop");
        }

        try (var inspector = Browser.phone(port)) {
            inspector.signIn("inspector", PASSWORD, null);
            inspector.go("/screening");
            assertThat(inspector.text()).contains(name + " (en)");
            inspector.go("/screening/" + checklist);
            inspector.tick("age-ADULT").tick("q-" + prefix + "0-YES").tick("q-" + prefix + "3-YES");
            inspector.screenshot("sector-03-screening-with-it-phone");
            inspector.submit("see-result");
            inspector.waitForPath("/screening/results/");
            assertThat(inspector.textOf(By.id("details"))).contains(name + " (en)", checklist + "/r1");
            inspector.screenshot("sector-04-result-phone");

            inspector.go("/referrals/new").clickId("anonymous-link");
            assertThat(inspector.text()).contains(label + " (en)");
            inspector
                    .selectValue("gender", "Feminine")
                    .selectValue("ageGroup", "AGE_30_38")
                    .selectValue(
                            "nationality",
                            inspector
                                    .driver()
                                    .findElements(By.cssSelector("select[name='nationality'] option"))
                                    .stream()
                                    .map(option -> option.getAttribute("value"))
                                    .filter(value -> value != null && !value.isBlank())
                                    .findFirst()
                                    .orElseThrow())
                    .check("exploitationForms", code)
                    .type("region", "North Region");
            var box = inspector
                    .driver()
                    .findElement(By.cssSelector("input[name='exploitationForms'][value='" + code + "']"));
            ((JavascriptExecutor) inspector.driver())
                    .executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
            inspector.screenshot("codes-02-national-form-offered-phone");
            inspector.clickId("save");
            inspector.waitForPath("/referrals/mine");
        }
        // the notification keeps the national code, which statistics count apart and returns under its parent
        assertThat(jdbc.sql("select count(*) from cases.anonymous_notification where :code = any(exploitation_forms)")
                        .param("code", code)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }
}
