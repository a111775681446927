package org.opennrm.prevention.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Role;
import org.opennrm.cases.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * Coding a unit's reports: the catalogue names its sources, a report is coded with known red flags only, another
 * unit's report is not found, a file with bad lines is refused whole with each line, every coding and import is
 * audited, and the feedback statistics leave the unit only with small counts withheld.
 */
@PlatformTest
class FinancialReportsTests {

    static final String HEADER = "reference,received_on,entity_type,indicators,disseminated_on,investigation_on\n";

    @Autowired
    FinancialReports reports;

    @Autowired
    RedFlagCatalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    final UUID unit = UUID.randomUUID();

    @Test
    void theCatalogueHasAVersionAndEveryRedFlagNamesItsPublishedSources() {
        assertThat(catalogue.version()).isNotBlank();
        assertThat(catalogue.flags()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(catalogue.flags())
                .allSatisfy(flag -> assertThat(flag.sources()).isNotEmpty());
        assertThat(catalogue.sources())
                .extracting(RedFlagCatalogue.Source::reference)
                .contains("FIN-2014-A008", "FIN-2020-A008");
        assertThat(catalogue.sources())
                .extracting(RedFlagCatalogue.Source::title)
                .contains("Financial Flows from Human Trafficking");
        assertThat(catalogue.sources())
                .allSatisfy(source -> assertThat(source.url()).startsWith("https://"));
    }

    @Test
    void aReportIsCodedAuditedAndHiddenFromAnotherUnit() {
        FinancialReport report = SignedIn.as(
                Role.FINANCIAL_ANALYST,
                unit,
                () -> reports.code(new ReportDetails(
                        "STR-" + unit.toString().substring(0, 8),
                        LocalDate.of(2026, 2, 3),
                        EntityType.BANK,
                        List.of("SHARED_ADDRESS_MANY_ACCOUNTS", "WAGES_PAID_OUT_TO_ONE_PERSON"))));
        assertThat(report.indicators()).hasSize(2);
        assertThat(report.singleIndicator()).isFalse();
        assertThat(report.catalogueVersion()).isEqualTo(catalogue.version());
        assertThat(audited("financial-report", report.id())).isEqualTo(1);

        assertThatThrownBy(() -> SignedIn.as(Role.FINANCIAL_ANALYST, UUID.randomUUID(), () -> reports.get(report.id())))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> SignedIn.as(Role.PREVENTION_OFFICER, unit, () -> reports.get(report.id())))
                .isInstanceOf(AuthorizationDeniedException.class);

        FinancialReport followed = SignedIn.as(
                Role.FINANCIAL_ANALYST,
                unit,
                () -> reports.recordOutcome(
                        report.id(), new ReportOutcome(LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 15))));
        assertThat(followed.investigationOn()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThatThrownBy(() -> SignedIn.as(
                        Role.FINANCIAL_ANALYST,
                        unit,
                        () -> reports.recordOutcome(report.id(), new ReportOutcome(null, LocalDate.of(2026, 3, 1)))))
                .isInstanceOfSatisfying(ReportInvalid.class, e -> assertThat(e.fields())
                        .containsEntry("investigationOn", "finance.report.error.investigationWithoutDissemination"));
    }

    @Test
    void aReportWithAnUnknownRedFlagOrAFutureDateIsRefusedWithEachField() {
        assertThatThrownBy(() -> SignedIn.as(
                        Role.FINANCIAL_ANALYST,
                        unit,
                        () -> reports.code(new ReportDetails(
                                "Jane Doe's account",
                                LocalDate.now().plusDays(3),
                                EntityType.BANK,
                                List.of("NO_SUCH_FLAG")))))
                .isInstanceOfSatisfying(ReportInvalid.class, e -> assertThat(e.fields())
                        .containsOnlyKeys("reference", "receivedOn", "indicators"));
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeWithEveryLine() {
        String file = HEADER
                + "A-1,2025-01-10,BANK,SHARED_ADDRESS_MANY_ACCOUNTS;CASH_DEPOSITS_BELOW_THRESHOLD,,\n"
                + "A-2,2025-13-10,BANK,SHARED_ADDRESS_MANY_ACCOUNTS,,\n" // line 3: no such month
                + "A-3,2025-01-12,PAWN_SHOP,SHARED_ADDRESS_MANY_ACCOUNTS,,\n" // line 4: no such entity type
                + "A-4,2025-01-12,BANK,NOT_A_FLAG,,\n" // line 5: not in the catalogue
                + "A-5,2025-01-12,BANK,PREPAID_CARDS_MANY_SMALL_LOADS,,2025-02-01\n" // line 6: investigation alone
                + "A-1,2025-01-13,CASINO,PREPAID_CARDS_MANY_SMALL_LOADS,,\n"; // line 7: reference twice

        assertThatThrownBy(() -> SignedIn.as(Role.FINANCIAL_ANALYST, unit, () -> reports.importCsv(file)))
                .isInstanceOfSatisfying(ImportInvalid.class, e -> assertThat(e.problems())
                        .extracting(LineProblem::line, LineProblem::key)
                        .containsExactly(
                                tuple(3, "finance.import.problem.date"),
                                tuple(4, "finance.import.problem.entityType"),
                                tuple(5, "finance.import.problem.indicatorUnknown"),
                                tuple(6, "finance.import.problem.investigationWithoutDissemination"),
                                tuple(7, "finance.import.problem.referenceTwice")));
        assertThat(SignedIn.as(Role.FINANCIAL_ANALYST, unit, reports::count)).isZero();

        assertThatThrownBy(() -> SignedIn.as(
                        Role.FINANCIAL_ANALYST, unit, () -> reports.importCsv("reference,received_on,notes\nA,B,C")))
                .isInstanceOfSatisfying(ImportInvalid.class, e -> assertThat(e.problems())
                        .extracting(LineProblem::key)
                        .contains("finance.import.problem.column", "finance.import.problem.columnUnknown"));
    }

    @Test
    void feedbackStatisticsAreTheUnitsOwnForItAndWithheldBelowTheMinimumForOthers() {
        var file = new StringBuilder(HEADER);
        for (int i = 0; i < 12; i++) {
            file.append("B-%d,2024-04-%02d,MONEY_SERVICE_BUSINESS,FUNDS_SENT_TO_SOURCE_COUNTRIES;%s,%s,\n"
                    .formatted(i, i + 1, "PAYROLL_WITHOUT_TAX_OR_BENEFITS", i < 3 ? "2024-05-01" : ""));
        }
        int imported = SignedIn.as(Role.FINANCIAL_ANALYST, unit, () -> reports.importCsv(file.toString()));
        assertThat(imported).isEqualTo(12);
        assertThat(jdbc.sql("select count(*) from access.audit_entry where record_type = 'financial-report-import'"
                                + " and organisation_id = :unit")
                        .param("unit", unit)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        FeedbackStatistics own = SignedIn.as(Role.FINANCIAL_ANALYST, unit, reports::statistics);
        assertThat(own.minimumCount()).isEqualTo(1);
        assertThat(own.rows())
                .extracting(
                        FeedbackStatistics.Row::quarter,
                        FeedbackStatistics.Row::entityType,
                        FeedbackStatistics.Row::received,
                        FeedbackStatistics.Row::disseminated,
                        FeedbackStatistics.Row::investigations)
                .containsExactly(tuple("2024-Q2", EntityType.MONEY_SERVICE_BUSINESS, 12L, 3L, 0L));
        assertThat(own.indicators())
                .extracting(FeedbackStatistics.IndicatorCount::reports)
                .containsExactly(12L, 12L);

        FeedbackStatistics published = SignedIn.as(Role.PREVENTION_OFFICER, UUID.randomUUID(), reports::statistics);
        assertThat(published.minimumCount()).isGreaterThan(3);
        var row = published.rows().stream()
                .filter(r -> r.quarter().equals("2024-Q2") && r.entityType() == EntityType.MONEY_SERVICE_BUSINESS)
                .findFirst()
                .orElseThrow();
        assertThat(row.disseminated())
                .as("three disseminated reports are fewer than the minimum")
                .isNull();
        assertThat(row.investigations()).isZero();
        assertThat(published.withheld()).isPositive();
    }

    private long audited(String type, UUID id) {
        return jdbc.sql("select count(*) from access.audit_entry where record_type = :type and record_id = :id")
                .param("type", type)
                .param("id", id.toString())
                .query(Long.class)
                .single();
    }
}
