package org.opennrm.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The sector checklists: short, every question translated, every question mapped to indicators that
 * exist so that the rule can be applied, and each checklist able to reach either suggestion.
 */
class ChecklistsTests {

    static final Catalogues catalogues = new Catalogues();
    static final Checklists checklists = new Checklists(catalogues);
    final ScreeningRule rule = RuleSettings.defaults().rule();

    @Test
    void theFiveSectorChecklistsAreOffered() {
        assertThat(checklists.all())
                .extracting(Checklist::id)
                .containsExactly("labour-inspection", "health", "education", "outreach", "border");
    }

    @Test
    void everyChecklistIsShort() {
        assertThat(checklists.all())
                .allSatisfy(checklist -> assertThat(checklist.questions()).hasSizeBetween(8, 15));
    }

    @Test
    void everyQuestionStandsForTheSameIndicatorInTheAdultAndChildListsOrForNoGradedIndicator() {
        for (var checklist : checklists.all()) {
            for (var question : checklist.questions()) {
                var graded = question.indicators().stream()
                        .map(id -> catalogues.indicator(id).orElseThrow())
                        .filter(Indicator::graded)
                        .toList();
                assertThat(graded.size()).as(question.id()).isIn(0, 2);
                if (graded.size() == 2) {
                    assertThat(graded)
                            .extracting(Indicator::group)
                            .containsExactlyInAnyOrder("adult-labour", "child-labour");
                    assertThat(graded.get(0).element())
                            .as(question.id())
                            .isEqualTo(graded.get(1).element());
                    assertThat(graded.get(0).text())
                            .as(question.id())
                            .isEqualTo(graded.get(1).text());
                } else {
                    assertThat(question.indicators()).as(question.id()).isNotEmpty();
                }
            }
        }
    }

    @Test
    void noTwoQuestionsOfAChecklistStandForTheSameGradedIndicator() {
        for (var checklist : checklists.all()) {
            Set<String> seen = new HashSet<>();
            checklist.questions().stream()
                    .flatMap(q -> q.indicators().stream())
                    .filter(id -> catalogues.indicator(id).orElseThrow().graded())
                    .forEach(id -> assertThat(seen.add(id))
                            .as(checklist.id() + " " + id)
                            .isTrue());
        }
    }

    @Test
    void everyChecklistCanSuggestAReferralForAnAdultAndForAChild() {
        for (var checklist : checklists.all()) {
            Map<String, Answer> yes = new LinkedHashMap<>();
            Map<String, Answer> no = new LinkedHashMap<>();
            checklist.questions().forEach(q -> {
                yes.put(q.id(), Answer.YES);
                no.put(q.id(), Answer.NO);
            });
            for (var age : AgeGroup.values()) {
                assertThat(rule.assess(checklist, yes, age, Set.of(), catalogues)
                                .suggestion())
                        .as(checklist.id() + " " + age)
                        .isEqualTo(Suggestion.REFER_AS_PRESUMED_VICTIM);
                assertThat(rule.assess(checklist, no, age, Set.of(), catalogues).suggestion())
                        .as(checklist.id() + " " + age)
                        .isEqualTo(Suggestion.NO_REFERRAL_SUGGESTED);
            }
        }
    }

    @Test
    void everyChecklistSectionAndQuestionHasItsTextInEnglishFrenchAndRussian() throws IOException {
        for (String language : new String[] {"", "_fr", "_ru"}) {
            var bundle = bundle("screening" + language);
            for (var checklist : checklists.all()) {
                assertThat(bundle)
                        .containsKeys(
                                "screening.checklist." + checklist.id() + ".title",
                                "screening.checklist." + checklist.id() + ".description");
                for (var section : checklist.sections()) {
                    assertThat(bundle).containsKey("screening.section." + section.id());
                }
                for (var question : checklist.questions()) {
                    assertThat(bundle).as(language).containsKey("screening.question." + question.id());
                }
            }
            for (var element : Element.values()) {
                assertThat(bundle).containsKey("screening.element." + element);
            }
            assertThat(bundle)
                    .containsKeys("screening.context.ageGroup.hint.CHILD", "screening.context.ageGroup.hint.ADULT");
            for (var caution : Caution.values()) {
                assertThat(bundle).containsKey("screening.caution." + caution);
            }
            for (var form : ExploitationForm.values()) {
                assertThat(bundle).containsKey("screening.exploitation." + form);
            }
            for (var catalogue : catalogues.all()) {
                assertThat(bundle).containsKey("screening.catalogueName." + catalogue.id());
                assertThat(bundle).containsKey("screening.verification." + catalogue.verification());
            }
        }
    }

    private static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/i18n/" + name + ".properties"));
                var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
