package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.assistance.DurableSolution;
import org.opennrm.assistance.ServiceType;
import org.opennrm.cases.ClosureReason;
import org.opennrm.cases.CodeLists;
import org.opennrm.cases.DecisionOutcome;
import org.opennrm.cases.ReviewOutcome;
import org.opennrm.cases.Vulnerability;
import org.opennrm.organisations.Sector;
import org.opennrm.screening.ExploitationForm;
import org.opennrm.screening.Suggestion;
import org.opennrm.statistics.publishing.CategoryLabels;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every category a fact can hold is shown to people as a word of their language, never as the code: each code of
 * every list the events carry, in each of the six languages of the interface.
 */
@PlatformTest
class CategoryLabelsTests {

    static final List<Locale> LANGUAGES =
            List.of(Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN, Locale.ITALIAN, Locale.of("ru"), Locale.of("es"));

    @Autowired
    CategoryLabels labels;

    @Autowired
    CodeLists codeLists;

    @Autowired
    org.springframework.context.MessageSource messages;

    @Test
    void everyCodeAFactCanHoldHasAWordInEveryLanguage() {
        var categories = new ArrayList<Map.Entry<String, String>>();
        codes(categories, "sex", snake(CodeLists.GENDER));
        codes(categories, "exploitation-form", snake(CodeLists.EXPLOITATION_FORM));
        codes(categories, "exploitation-form", names(ExploitationForm.values()));
        codes(categories, "method-of-control", snake(CodeLists.METHOD_OF_CONTROL));
        codes(categories, "recruiter-relationship", snake(CodeLists.RECRUITER_RELATIONSHIP));
        codes(categories, "sector", List.copyOf(sectionsOfTheCodeList()));
        codes(categories, "referring-sector", names(Sector.values()));
        codes(categories, "decision-outcome", names(DecisionOutcome.values()));
        codes(categories, "decision-outcome", names(ReviewOutcome.values()));
        codes(categories, "service", names(ServiceType.values()));
        codes(categories, "closure-reason", names(ClosureReason.values()));
        codes(categories, "durable-solution", names(DurableSolution.values()));
        codes(categories, "screening-suggestion", names(Suggestion.values()));
        codes(categories, "age-group", List.of("CHILD", "ADULT", "UNKNOWN"));
        codes(categories, "time-to-decision", List.of("0-45", "46-90", "91-180", "181+"));
        codes(categories, "exploitation-form", List.of("MULTIPLE", "UNKNOWN"));
        codes(categories, "citizenship", List.of("UKR", "MDA", "VNM", "ALB"));
        codes(categories, "country-of-exploitation", List.of("DEU", "ITA"));
        codes(categories, "vulnerability", names(Vulnerability.values()));
        codes(categories, "vulnerability", List.of("MULTIPLE", "UNKNOWN"));
        codes(categories, "recruitment-method", List.of("MULTIPLE", "UNKNOWN"));
        codes(categories, "recruitment-platform", List.of("MULTIPLE", "UNKNOWN"));
        assertThat(categories).hasSizeGreaterThan(100);

        for (Locale language : LANGUAGES) {
            for (var category : categories) {
                String label = labels.label(category.getKey(), category.getValue(), language);
                assertThat(label)
                        .as("%s %s in %s", category.getKey(), category.getValue(), language)
                        .isNotBlank()
                        .isNotEqualTo(category.getValue());
            }
        }
    }

    /** Platforms such as QQ are their own word: each recruitment code reads as its code list's label. */
    @Test
    void everyRecruitmentMethodAndPlatformReadsAsItsCodeListsLabel() {
        for (Locale language : LANGUAGES) {
            for (String list : List.of(CodeLists.RECRUITMENT_METHOD, CodeLists.RECRUITMENT_PLATFORM)) {
                String dimension =
                        list.equals(CodeLists.RECRUITMENT_METHOD) ? "recruitment-method" : "recruitment-platform";
                for (String code : codeLists.codes(list)) {
                    String fact = Codes.code(code);
                    assertThat(fact).as("%s as a fact's code", code).isNotNull();
                    assertThat(labels.label(dimension, fact, language))
                            .as("%s %s in %s", dimension, code, language)
                            .isEqualTo(messages.getMessage("code." + list + "." + code, null, language));
                }
            }
        }
    }

    @Test
    void aFactWritesCodesAsTheLabelsFindThem() {
        assertThat(labels.label("exploitation-form", Codes.code("ForcedLabour"), Locale.ENGLISH))
                .isEqualTo("Forced labour");
        assertThat(labels.label("EXPLOITATION_FORM", "LABOUR_EXPLOITATION", Locale.FRENCH))
                .isEqualTo("Exploitation par le travail");
        assertThat(labels.label("citizenship", "UKR", Locale.FRENCH)).isEqualTo("Ukraine");
        assertThat(labels.label("citizenship", "DEU", Locale.of("ru"))).isEqualTo("Германия");
        assertThat(labels.label("sector", "A", Locale.ENGLISH)).containsIgnoringCase("agriculture");
        assertThat(labels.label("age-group", "CHILD", Locale.ENGLISH)).isEqualTo("Child (0-17)");
        assertThat(labels.label("sex", null, Locale.ENGLISH)).isEqualTo("Total");
    }

    @Test
    void periodsAndBandsStayAsTheyAre() {
        assertThat(labels.label("quarter", "2025-Q1", Locale.ENGLISH)).isEqualTo("2025-Q1");
        assertThat(labels.label("age-band", "9-17", Locale.ENGLISH)).isEqualTo("9-17");
    }

    @Test
    void theSectionsNamedMatchTheSectorCodeListTheCasesShip() {
        assertThat(sectionsOfTheCodeList())
                .containsExactlyInAnyOrderElementsOf(sections().keySet());
        for (String code : codeLists.codes(CodeLists.SECTOR)) {
            assertThat(sections()).containsEntry(code.substring(0, 1), code);
        }
    }

    private List<String> sectionsOfTheCodeList() {
        return codeLists.codes(CodeLists.SECTOR).stream()
                .map(code -> code.substring(0, 1))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> sections() {
        try {
            var field = CategoryLabels.class.getDeclaredField("ISIC_SECTIONS");
            field.setAccessible(true);
            return (Map<String, String>) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The codes of a list as facts hold them (NonSpecifiedUnknown is no code: a fact writes it as unknown). */
    private List<String> snake(String list) {
        return codeLists.codes(list).stream()
                .map(Codes::code)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static void codes(List<Map.Entry<String, String>> into, String dimension, List<String> codes) {
        codes.forEach(code -> into.add(Map.entry(dimension, code)));
    }
}
