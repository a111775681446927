package org.opennrm.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.assistance.ServiceType;
import org.opennrm.cases.DecisionOutcome;
import org.opennrm.organisations.Sector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * Every category code a published table can hold has a label in English, French and Russian, taken from the code
 * lists the rest of the platform labels them with; a code without one stays visible as a code.
 */
@PlatformTest
class CategoryLabelsTests {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.of("ru"));

    /* the HTCDS lists a fact's dimensions take their codes from */
    static final Map<String, String> LISTS = Map.of(
            "exploitationForm", "exploitation-form",
            "methodOfControl", "method-of-control",
            "recruiterRelationship", "recruiter-relationship",
            "gender", "sex",
            "sector", "sector");

    @Autowired
    CategoryLabels labels;

    @Test
    void everyCodeOfTheCodeListsAsAFactHoldsItHasALabelInEveryLanguage() throws IOException {
        var missing = new ArrayList<String>();
        var codes = new ArrayList<String[]>();
        for (String file : List.of("cases/htcds-v2-code-lists.csv", "cases/national-code-extensions.csv")) {
            for (String line : new ClassPathResource(file)
                    .getContentAsString(StandardCharsets.UTF_8)
                    .lines()
                    .toList()) {
                String[] fields = line.split(",", 3);
                if (fields.length < 2 || !LISTS.containsKey(fields[0]) || fields[1].equals("NonSpecifiedUnknown")) {
                    continue;
                }
                String dimension = LISTS.get(fields[0]);
                // as the statistics module writes them: ForcedLabour is FORCED_LABOUR, a sector its section letter
                String code = dimension.equals("sector")
                        ? fields[1].substring(0, 1)
                        : fields[1].replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
                codes.add(new String[] {dimension, code});
            }
        }
        for (DecisionOutcome outcome : DecisionOutcome.values()) {
            codes.add(new String[] {"decision-outcome", outcome.name()});
        }
        for (ServiceType service : ServiceType.values()) {
            codes.add(new String[] {"service", service.name()});
        }
        for (Sector sector : Sector.values()) {
            codes.add(new String[] {"referring-sector", sector.name()});
        }
        for (String code : List.of("CHILD", "ADULT", "UNKNOWN")) {
            codes.add(new String[] {"age-group", code});
        }
        for (String code : List.of("FEMALE", "MALE", "MULTIPLE")) {
            codes.add(new String[] {"sex", code});
        }
        for (String code : List.of("UKR", "MDA", "DEU")) {
            codes.add(new String[] {"citizenship", code});
            codes.add(new String[] {"country-of-exploitation", code});
        }
        assertThat(codes).hasSizeGreaterThan(90);
        for (String[] code : codes) {
            for (Locale language : LANGUAGES) {
                String label = labels.label(code[0], code[1], language);
                if (label == null || label.equals(code[1])) {
                    missing.add(code[0] + " " + code[1] + " in " + language);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void labelsAreThoseOfTheCodeListsInTheReadersLanguage() {
        assertThat(labels.label("exploitation-form", "FORCED_LABOUR", Locale.ENGLISH))
                .isEqualTo("Forced labour");
        assertThat(labels.label("sector", "A", Locale.ENGLISH)).isEqualTo("Agriculture, forestry and fishing");
        assertThat(labels.label("citizenship", "UKR", Locale.FRENCH)).isEqualTo("Ukraine");
        assertThat(labels.label("citizenship", "DEU", Locale.FRENCH)).isEqualTo("Allemagne");
        assertThat(labels.label("decision-outcome", "PRESUMED_VICTIM", Locale.ENGLISH))
                .isEqualTo("Presumed victim");
        assertThat(labels.label("age-band", "30-38", Locale.ENGLISH)).isEqualTo("30-38");
        assertThat(labels.label("region", null, Locale.ENGLISH)).isNull();
    }

    @Test
    void aCodeWithoutALabelStaysVisibleAsACode() {
        assertThat(labels.label("exploitation-form", "NOT_A_FORM", Locale.ENGLISH))
                .isEqualTo("NOT_A_FORM");
        assertThat(labels.label("region", "NOWHERE-REGION", Locale.ENGLISH)).isEqualTo("NOWHERE-REGION");
    }

    @Test
    void aRegionIsNamedAsTheOrganisationsServingItRegisterIt() {
        assertThat(CategoryLabels.regionCode(" North Region ")).isEqualTo("NORTH-REGION");
        assertThat(CategoryLabels.camel("FORCED_MILITARY_BY_NON_STATE_ACTORS"))
                .isEqualTo("ForcedMilitaryByNonStateActors");
    }
}
