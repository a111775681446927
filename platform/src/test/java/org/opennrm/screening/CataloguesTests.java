package org.opennrm.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalogues shipped in the jar: complete lists, each item with its source and verification. */
class CataloguesTests {

    static final Catalogues catalogues = new Catalogues();

    static Map<Object, Long> count(String catalogue, Function<Indicator, Object> by) {
        return catalogues.find(catalogue).orElseThrow().items().stream()
                .collect(Collectors.groupingBy(by, Collectors.counting()));
    }

    @Test
    void theOperationalIndicatorsHoldTheAdultAndChildLabourListsOnly() {
        assertThat(count("ilo-ec-2009", Indicator::group))
                .containsOnly(Map.entry("adult-labour", 67L), Map.entry("child-labour", 65L));
        assertThat(catalogues.operational().missing()).containsExactly("adult-sexual", "child-sexual");
        assertThat(catalogues.operational().version()).isEqualTo("ilo-ec-2009/r1");
    }

    @Test
    void theAdultLabourListHasTheCorroboratedNumberOfIndicatorsPerElement() {
        var adult = catalogues.operational().items().stream()
                .filter(i -> i.group().equals("adult-labour"))
                .collect(Collectors.groupingBy(Indicator::element, Collectors.counting()));
        assertThat(adult)
                .containsOnly(
                        Map.entry(Element.DECEPTIVE_RECRUITMENT, 10L),
                        Map.entry(Element.COERCIVE_RECRUITMENT, 10L),
                        Map.entry(Element.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY, 16L),
                        Map.entry(Element.EXPLOITATION, 9L),
                        Map.entry(Element.COERCION_AT_DESTINATION, 15L),
                        Map.entry(Element.ABUSE_OF_VULNERABILITY_AT_DESTINATION, 7L));
    }

    @Test
    void everyOperationalIndicatorIsGradedAndUnverified() {
        assertThat(catalogues.operational().items()).allSatisfy(indicator -> {
            assertThat(indicator.graded()).isTrue();
            assertThat(indicator.verification()).isEqualTo(Verification.UNVERIFIED);
        });
        // the child-labour list has no weak indicators in the secondary source
        assertThat(count("ilo-ec-2009", i -> i.group() + "/" + i.strength())).doesNotContainKey("child-labour/WEAK");
    }

    @Test
    void theContextCataloguesHoldTheirLists() {
        assertThat(catalogues.find("ilo-11").orElseThrow().items()).hasSize(11);
        assertThat(count("unodc", Indicator::group))
                .containsOnly(
                        Map.entry("general", 36L),
                        Map.entry("children", 16L),
                        Map.entry("domestic-servitude", 9L),
                        Map.entry("sexual-exploitation", 19L),
                        Map.entry("labour-exploitation", 23L),
                        Map.entry("begging-petty-crime", 16L));
        assertThat(count("other", Indicator::group))
                .containsOnly(
                        Map.entry("IOM-HTCDS methods of control", 17L),
                        Map.entry("scam-compound / forced criminality", 10L));
    }

    @Test
    void everyItemKeepsItsSourceAndVerification() {
        for (var catalogue : catalogues.all()) {
            assertThat(catalogue.version()).matches("[a-z0-9-]+/r\\d+");
            assertThat(catalogue.source()).isNotBlank();
            assertThat(catalogue.items()).allSatisfy(item -> {
                assertThat(item.source()).isNotBlank();
                assertThat(item.verificationNote()).isNotBlank();
                assertThat(item.text()).isNotBlank();
            });
        }
        assertThat(catalogues.indicator("UG32").orElseThrow().verification()).isEqualTo(Verification.UNVERIFIED);
        assertThat(catalogues.indicator("UG01").orElseThrow().verification()).isEqualTo(Verification.CORROBORATED);
        assertThat(catalogues.indicator("MC01").orElseThrow().verification()).isEqualTo(Verification.VERIFIED);
        assertThat(catalogues.indicator("FL07").orElseThrow().description()).contains("Passport");
    }

    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaksAreRead() {
        var rows = CsvReader.rows("id,text\nA1,\"one, \"\"two\"\"\nthree\"\r\nA2,plain\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.getFirst()).containsEntry("text", "one, \"two\"\nthree");
        assertThat(rows.get(1)).containsEntry("id", "A2");
        assertThatThrownBy(() -> CsvReader.rows("id,text\nA1,\"open")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsvReader.rows("id,text\nA1,b,c\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
