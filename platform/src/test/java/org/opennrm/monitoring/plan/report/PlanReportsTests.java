package org.opennrm.monitoring.plan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.DatabaseOfItsOwn;
import org.opennrm.PlatformTest;
import org.opennrm.access.Actor;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.opennrm.cases.SignedIn;
import org.opennrm.monitoring.plan.ActionPlans;
import org.opennrm.monitoring.plan.BudgetEntry;
import org.opennrm.monitoring.plan.FundingSource;
import org.opennrm.monitoring.plan.IndicatorDetails;
import org.opennrm.monitoring.plan.IndicatorOrigin;
import org.opennrm.monitoring.plan.MeasureDetails;
import org.opennrm.monitoring.plan.Pillar;
import org.opennrm.monitoring.plan.PlanDetails;
import org.opennrm.monitoring.plan.PlanIndicators;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.statistics.publishing.PlanIndicatorCounts.Rule;
import org.opennrm.statistics.publishing.ReportReleases;
import org.opennrm.statistics.publishing.ReturnReleases;
import org.opennrm.statistics.publishing.ReturnReleases.ReleaseTable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The yearly public report: drafted by the co-ordinator, its text edited on the version read, refused to its drafter
 * for approval, approved by someone else, published in every language as HTML and PDF, served to anyone without
 * signing in once published (and not before); every statistics figure in it is a cell of an approved release.
 */
@PlatformTest
@DatabaseOfItsOwn
class PlanReportsTests {

    /** The year of the facts and of the release the report quotes (in this class's own database). */
    static final int YEAR = 2025;

    @Autowired
    PlanReports reports;

    @Autowired
    ActionPlans plans;

    @Autowired
    PlanIndicators indicators;

    @Autowired
    ReturnReleases releases;

    @Autowired
    ReportReleases reportReleases;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    UUID office;
    UUID inspectorate;
    final Actor statistician = TestSignIn.actor(Role.STATISTICIAN, UUID.randomUUID());
    final Actor secondStatistician = TestSignIn.actor(Role.STATISTICIAN, UUID.randomUUID());

    @BeforeEach
    void organisations() {
        office = registry.findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        inspectorate =
                registry.findByName("State Labour Inspectorate").orElseThrow().id();
    }

    @Test
    void aReportIsDraftedApprovedBySomeoneElsePublishedAndItsStatisticsAreAllFromTheApprovedRelease() throws Exception {
        UUID release = publishedRelease();
        var coordinator = TestSignIn.actor(Role.COORDINATOR, office);
        var measure = SignedIn.as(coordinator, () -> {
            var plan = plans.create(new PlanDetails(
                    "Report plan " + UUID.randomUUID().toString().substring(0, 8),
                    LocalDate.of(2026, 1, 1),
                    LocalDate.of(2028, 12, 31),
                    false));
            var objective = plans.addObjective(plan.id(), Pillar.PROTECTION, "Every presumed victim assisted");
            var added = plans.addMeasure(
                    plan.id(),
                    new MeasureDetails(
                            objective.id(),
                            "Open two shelters for men",
                            inspectorate,
                            List.of(),
                            LocalDate.of(2026, 2, 1),
                            LocalDate.of(2026, 10, 31)));
            plans.budget(
                    added.id(),
                    new BudgetEntry(
                            2026,
                            FundingSource.STATE_BUDGET,
                            new BigDecimal("1000.00"),
                            new BigDecimal("800.00"),
                            new BigDecimal("250.50"),
                            added.version()));
            // a computed indicator with a value counted from the facts: not a figure of an approved release
            var computed = indicators.define(
                    plan.id(),
                    new IndicatorDetails(
                            null,
                            "Referrals into the NRM",
                            IndicatorOrigin.COMPUTED,
                            Rule.REFERRALS,
                            BigDecimal.ONE,
                            2025,
                            BigDecimal.TEN,
                            2028));
            indicators.compute(computed.id(), YearMonth.of(YEAR, 1), YearMonth.of(YEAR, 6));
            return added;
        });

        // an unpublished release cannot be quoted
        UUID awaiting = SignedIn.as(statistician, () -> releases.assemble(
                        "Awaiting approval",
                        List.of(new ReleaseTable("quarter", "sex", null, YEAR + "-Q1", YEAR + "-Q2")))
                .id());
        var refused = SignedIn.as(
                coordinator, () -> catching(() -> reports.draft(measure.planId(), 2026, "Report 2026", awaiting)));
        assertThat(refused).isInstanceOf(ReportRefused.class);
        assertThat(((ReportRefused) refused).field()).isEqualTo("releaseId");

        var draft = SignedIn.as(coordinator, () -> reports.draft(measure.planId(), 2026, "Report 2026", release));
        assertThat(draft.status()).isEqualTo(ReportStatus.DRAFT);
        var edited = SignedIn.as(
                coordinator,
                () -> reports.edit(
                        draft.id(), draft.version(), "Report on 2026", "What we did.", "What remains.", release));
        // a stale edit is refused, nothing overwritten
        run(coordinator, () -> assertThatThrownBy(
                        () -> reports.edit(draft.id(), draft.version(), "Stale", "", "", release))
                .isInstanceOf(OptimisticLockingFailureException.class));
        // not approved by its drafter, nor published before approval
        run(coordinator, () -> assertThatThrownBy(() -> reports.approve(draft.id(), edited.version()))
                .isInstanceOf(ReportRefused.class)
                .hasMessageContaining("Someone other"));
        run(secondStatistician, () -> assertThatThrownBy(() -> reports.publish(draft.id(), edited.version()))
                .isInstanceOf(ReportRefused.class));
        // not public before it is published
        mvc.perform(get("/public/reports/" + draft.id())).andExpect(status().isNotFound());

        var approved = SignedIn.as(secondStatistician, () -> reports.approve(draft.id(), edited.version()));
        assertThat(approved.approvedBy()).isEqualTo(secondStatistician.accountId());
        run(coordinator, () -> assertThatThrownBy(
                        () -> reports.edit(draft.id(), approved.version(), "Too late", "", "", release))
                .isInstanceOf(ReportRefused.class));
        var published = SignedIn.as(secondStatistician, () -> reports.publish(draft.id(), approved.version()));
        assertThat(published.status()).isEqualTo(ReportStatus.PUBLISHED);

        for (String language : List.of("en", "fr", "de", "it", "ru", "es")) {
            var edition =
                    reports.edition(draft.id(), Locale.forLanguageTag(language)).orElseThrow();
            assertThat(edition.language()).isEqualTo(language);
            assertThat(new String(edition.pdf(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .isEqualTo("%PDF-");
        }
        var html = reports.edition(draft.id(), Locale.ENGLISH).orElseThrow().html();
        var document = Jsoup.parseBodyFragment(html);
        assertThat(document.select("#report-title").text()).isEqualTo("Report on 2026");
        assertThat(document.select("#report-introduction").text()).contains("What we did.");
        assertThat(document.select("#money-table").text()).contains("1,000.00", "800.00", "250.50");

        // every statistics figure is a cell of the approved release, at its place
        var figures = SignedIn.as(secondStatistician, () -> reportReleases.figures(release))
                .orElseThrow();
        assertThat(jdbc.sql("select status from statistics.release where id = :id")
                        .param("id", release)
                        .query(String.class)
                        .single())
                .isEqualTo("PUBLISHED");
        // the release's categories in words, not codes
        assertThat(document.select("table.release-table th").text())
                .contains("Male")
                .doesNotContain("MALE");
        var cells = document.select("td.figure");
        assertThat(cells).isNotEmpty();
        for (var cell : cells) {
            assertThat(cell.attr("data-release")).isEqualTo(release.toString());
            var table = figures.tables().get(Integer.parseInt(cell.attr("data-table")));
            String row = cell.attr("data-row");
            String column = cell.attr("data-column");
            Long expected;
            if (row.equals("total") && column.equals("total")) {
                expected = table.grandTotal();
            } else if (row.equals("total")) {
                expected = table.columnTotals().get(Integer.parseInt(column));
            } else if (column.equals("total")) {
                expected = table.rowTotals().get(Integer.parseInt(row));
            } else {
                expected = table.cells().get(Integer.parseInt(row)).get(Integer.parseInt(column));
            }
            assertThat(expected).isNotNull();
            assertThat(cell.text()).isEqualTo(expected.toString());
        }
        // every number of the statistics section is such a figure (or a category or period, which are headers)
        for (var cell : document.select("#report-statistics td")) {
            assertThat(cell.hasClass("figure") || cell.hasClass("withheld"))
                    .as(cell.outerHtml())
                    .isTrue();
        }
        // withheld cells of the release stay withheld: as many as the release has
        long withheldInRelease = figures.tables().stream()
                .mapToLong(table -> table.cells().stream()
                                .flatMap(List::stream)
                                .filter(java.util.Objects::isNull)
                                .count()
                        + table.rowTotals().stream()
                                .filter(java.util.Objects::isNull)
                                .count()
                        + table.columnTotals().stream()
                                .filter(java.util.Objects::isNull)
                                .count()
                        + (table.grandTotal() == null ? 1 : 0))
                .sum();
        assertThat(document.select("td.withheld")).hasSize((int) withheldInRelease);
        // the computed indicator's value (counted from the facts, not released) is not quoted
        assertThat(document.select("#indicators-table td").eachText())
                .contains("Counted from the platform's facts: the published figures are in the statistics below.");
        assertThat(document.select("#indicators-table td").eachText()).noneMatch(text -> text.matches("\\d+"));

        // the public reads it without signing in: the list, the page and the PDF
        mvc.perform(get("/public/reports"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Report on 2026")));
        mvc.perform(get("/public/reports/" + draft.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"status-chart\"")));
        mvc.perform(get("/public/reports/" + draft.id() + "/report.pdf"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"));

        // audited, ids and codes only
        assertThat(jdbc.sql("""
                        select action || ' ' || coalesce(detail, '') from access.audit_entry
                        where record_type = 'plan-report' and record_id = :id order by id""")
                        .param("id", draft.id().toString())
                        .query(String.class)
                        .list())
                .hasSize(4)
                .anyMatch(entry -> entry.startsWith("CREATE plan"))
                .anyMatch(entry -> entry.equals("UPDATE approved"))
                .anyMatch(entry -> entry.startsWith("UPDATE published"));
    }

    /** A release of referrals by quarter and sex over the first half of this class's year, approved. */
    private UUID publishedRelease() {
        jdbc.sql("truncate statistics.fact").update();
        fact(1, "FEMALE", 14);
        fact(1, "MALE", 12);
        fact(4, "FEMALE", 11);
        fact(4, "MALE", 3);
        UUID id = SignedIn.as(statistician, () -> releases.assemble(
                        "Referrals " + YEAR,
                        List.of(new ReleaseTable("quarter", "sex", null, YEAR + "-Q1", YEAR + "-Q2")))
                .id());
        run(secondStatistician, () -> releases.approve(id));
        return id;
    }

    private void fact(int month, String sex, int times) {
        for (int i = 0; i < times; i++) {
            jdbc.sql("""
                            insert into statistics.fact (event_kind, period_year, period_quarter, period_month, sex)
                            values ('REFERRAL', :year, :quarter, :month, :sex)""")
                    .param("year", YEAR)
                    .param("quarter", (month + 2) / 3)
                    .param("month", month)
                    .param("sex", sex)
                    .update();
        }
    }

    private static void run(Actor actor, Runnable work) {
        SignedIn.as(actor, () -> {
            work.run();
            return null;
        });
    }

    private static Throwable catching(Runnable work) {
        try {
            work.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
