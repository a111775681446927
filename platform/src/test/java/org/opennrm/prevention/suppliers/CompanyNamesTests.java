package org.opennrm.prevention.suppliers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Company names meet across legal forms, plurals, case and script, and unrelated names or countries do not. */
class CompanyNamesTests {

    @Test
    void legalFormsAreDroppedAndSpellingVariantsScoreAboveTheThreshold() {
        assertThat(CompanyNames.core("Sunrise Textiles Ltd.")).isEqualTo(CompanyNames.core("sunrise textiles"));
        assertThat(CompanyNames.similarity("Sunrise Textiles Ltd", "SUNRISE TEXTILE LLC"))
                .isGreaterThanOrEqualTo(SupplierMatching.DEFAULT_THRESHOLD);
        assertThat(CompanyNames.similarity("Коваленко Агро ТОВ", "Kovalenko Agro"))
                .isGreaterThanOrEqualTo(SupplierMatching.DEFAULT_THRESHOLD);
        assertThat(CompanyNames.similarity("Golden Field Farms SRL", "Goldenfield Farm"))
                .isGreaterThanOrEqualTo(SupplierMatching.DEFAULT_THRESHOLD);
    }

    @Test
    void unrelatedNamesScoreBelowTheThreshold() {
        assertThat(CompanyNames.similarity("Blue Harbour Brickworks", "Meadowbrook Office Supplies"))
                .isLessThan(SupplierMatching.DEFAULT_THRESHOLD);
        assertThat(CompanyNames.similarity("Sunrise Textiles Ltd", "Sunset Tiles Ltd"))
                .isLessThan(SupplierMatching.DEFAULT_THRESHOLD);
        assertThat(CompanyNames.similarity("Green Valley Stationery", "Golden Field Farms"))
                .isLessThan(SupplierMatching.DEFAULT_THRESHOLD);
    }

    @Test
    void aKnownDifferentCountryRulesAPairOutAndAMissingOneDoesNot() {
        var listed = new SupplierMatching.Named(UUID.randomUUID(), "Northwind Fisheries", "THA");
        var elsewhere = new SupplierMatching.Named(UUID.randomUUID(), "Northwind Fisheries", "NOR");
        var unknown = new SupplierMatching.Named(UUID.randomUUID(), "Northwind Fisheries Co", null);

        var found = SupplierMatching.candidates(
                List.of(elsewhere, unknown), List.of(listed), SupplierMatching.DEFAULT_THRESHOLD);

        assertThat(found).extracting(SupplierMatching.Candidate::supplierId).containsExactly(unknown.id());
    }
}
