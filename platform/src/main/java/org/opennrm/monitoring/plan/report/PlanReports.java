package org.opennrm.monitoring.plan.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.monitoring.plan.ActionPlans;
import org.opennrm.monitoring.plan.BudgetLine;
import org.opennrm.monitoring.plan.IndicatorOrigin;
import org.opennrm.monitoring.plan.MeasureStatus;
import org.opennrm.monitoring.plan.PlanIndicators;
import org.opennrm.monitoring.plan.report.ReportContent.IndicatorLine;
import org.opennrm.monitoring.plan.report.ReportContent.MeasureLine;
import org.opennrm.monitoring.plan.report.ReportContent.Money;
import org.opennrm.monitoring.plan.report.ReportContent.ObjectiveSection;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.statistics.publishing.ReportReleases;
import org.opennrm.statistics.publishing.ReportReleases.PublishedRelease;
import org.opennrm.statistics.publishing.ReportReleases.ReleaseFigures;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly public report on an action plan. The co-ordinator drafts it for a year of the plan, choosing the approved
 * statistics release it quotes, and writes its introduction and commentary while it is a draft; someone else who may
 * publish ({@code plan:publish:all}: a second co-ordinator or the national rapporteur's office) approves it; it is then
 * published, which freezes it in one edition per language (HTML and PDF) that anyone may read without signing in.
 * Every step is audited (ids and codes only).
 */
@Service
public class PlanReports {

    static final String READ = "hasAnyAuthority('plan:read:all','plan:update:organisation')";
    static final String MANAGE = "hasAuthority('plan:manage:all')";
    static final String PUBLISH = "hasAuthority('plan:publish:all')";

    /** The languages a report is published in: those the action plan's labels are written in. */
    static final List<Locale> LANGUAGES = List.of(
            Locale.ENGLISH,
            Locale.FRENCH,
            Locale.GERMAN,
            Locale.ITALIAN,
            Locale.forLanguageTag("ru"),
            Locale.forLanguageTag("es"));

    private final ReportStore store;
    private final ActionPlans plans;
    private final PlanIndicators indicators;
    private final ReportReleases releases;
    private final OrganisationRegistry registry;
    private final ReportRenderer renderer;
    private final AuditTrail audit;
    private final Clock clock;

    PlanReports(
            ReportStore store,
            ActionPlans plans,
            PlanIndicators indicators,
            ReportReleases releases,
            OrganisationRegistry registry,
            ReportRenderer renderer,
            AuditTrail audit,
            Clock clock) {
        this.store = store;
        this.plans = plans;
        this.indicators = indicators;
        this.releases = releases;
        this.registry = registry;
        this.renderer = renderer;
        this.audit = audit;
        this.clock = clock;
    }

    /** Drafts the report on a plan for a year of its period, quoting a published release (or none). */
    @Transactional
    @PreAuthorize(MANAGE)
    public PlanReport draft(UUID planId, int year, String title, UUID releaseId) {
        var plan = plans.find(planId).orElseThrow(() -> new RecordNotFound("plan", planId));
        if (!plan.years().contains(year)) {
            throw new ReportRefused("year", "plan.report.refused.year", "The year is one of the plan's years.");
        }
        String checkedTitle = checkedTitle(title);
        refuseUnpublished(releaseId);
        var actor = Actor.current().orElseThrow();
        var report = new PlanReport(
                UUID.randomUUID(),
                planId,
                year,
                checkedTitle,
                "",
                "",
                releaseId,
                ReportStatus.DRAFT,
                0,
                actor.accountId(),
                actor.username(),
                clock.instant(),
                null,
                null,
                null,
                null);
        store.insert(report);
        audit.record(AuditAction.CREATE, "plan-report", report.id(), "plan " + planId + " year " + year);
        return existing(report.id());
    }

    /** Changes a draft's title, texts and release, on the version read. */
    @Transactional
    @PreAuthorize(MANAGE)
    public PlanReport edit(
            UUID reportId, int expectedVersion, String title, String introduction, String commentary, UUID releaseId) {
        var report = existing(reportId);
        if (!report.draft()) {
            throw new ReportRefused(null, "plan.report.refused.draftOnlyChanged", "Only a draft can be changed.");
        }
        String checkedTitle = checkedTitle(title);
        String intro = checkedText("introduction", introduction);
        String comment = checkedText("commentary", commentary);
        refuseUnpublished(releaseId);
        store.edit(reportId, expectedVersion, checkedTitle, intro, comment, releaseId);
        audit.record(AuditAction.UPDATE, "plan-report", reportId, "text");
        return existing(reportId);
    }

    /** Approves a draft: by someone who may publish and did not draft it (four eyes). */
    @Transactional
    @PreAuthorize(PUBLISH)
    public PlanReport approve(UUID reportId, int expectedVersion) {
        var report = existing(reportId);
        var actor = Actor.current().orElseThrow();
        if (!report.draft()) {
            throw new ReportRefused(null, "plan.report.refused.draftOnlyApproved", "Only a draft can be approved.");
        }
        if (actor.accountId().equals(report.draftedBy())) {
            throw new ReportRefused(
                    null,
                    "plan.report.refused.sameDrafter",
                    "Someone other than the person who drafted the report approves it.");
        }
        refuseUnpublished(report.releaseId());
        store.approve(reportId, expectedVersion, actor.accountId(), actor.username(), clock.instant());
        audit.record(AuditAction.UPDATE, "plan-report", reportId, "approved");
        return existing(reportId);
    }

    /**
     * Publishes an approved report: renders it in every language, as HTML and PDF, from the plan as it stands today
     * and the release's published tables, and keeps these editions unchanged for the public.
     */
    @Transactional
    @PreAuthorize(PUBLISH)
    public PlanReport publish(UUID reportId, int expectedVersion) {
        var report = existing(reportId);
        if (report.status() != ReportStatus.APPROVED) {
            throw new ReportRefused(
                    null, "plan.report.refused.approvedOnlyPublished", "Only an approved report can be published.");
        }
        refuseUnpublished(report.releaseId());
        store.published(reportId, expectedVersion, clock.instant());
        var published = existing(reportId);
        var content = content(published);
        for (Locale language : LANGUAGES) {
            String article = renderer.article(content, language);
            store.addEdition(new ReportStore.Edition(
                    reportId, language.getLanguage(), article, renderer.pdf(article, published.title(), language)));
        }
        audit.record(AuditAction.UPDATE, "plan-report", reportId, "published languages=" + LANGUAGES.size());
        return published;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<PlanReport> reports(UUID planId) {
        return store.reports(planId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public PlanReport report(UUID reportId) {
        return existing(reportId);
    }

    /** The report as it would be published now (the preview of a draft), in a language. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public String preview(UUID reportId, Locale language) {
        return renderer.article(content(existing(reportId)), language);
    }

    /** The releases a report may quote: the published ones. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<PublishedRelease> releases() {
        return releases.published();
    }

    /** Whether the signed-in person may approve this report: they may publish and did not draft it. */
    public boolean mayApprove(PlanReport report) {
        return report.draft()
                && Actor.current()
                        .map(actor ->
                                actor.can(org.opennrm.access.Permission.PLAN_PUBLISH, org.opennrm.access.Scope.ALL)
                                        && !actor.accountId().equals(report.draftedBy()))
                        .orElse(false);
    }

    /** Whether the signed-in person may publish this report: it is approved and they may publish. */
    public boolean mayPublish(PlanReport report) {
        return report.status() == ReportStatus.APPROVED
                && Actor.current()
                        .map(actor ->
                                actor.can(org.opennrm.access.Permission.PLAN_PUBLISH, org.opennrm.access.Scope.ALL))
                        .orElse(false);
    }

    /** The published reports, latest first: public. */
    @Transactional(readOnly = true)
    public List<PlanReport> published() {
        return store.published();
    }

    /** A published report: public. Empty for a report that is not published (a draft is nobody's business yet). */
    @Transactional(readOnly = true)
    public Optional<PlanReport> publishedReport(UUID reportId) {
        return store.report(reportId).filter(PlanReport::published);
    }

    /** A published report's edition in a language (English when it has none in that language): public. */
    @Transactional(readOnly = true)
    public Optional<ReportStore.Edition> edition(UUID reportId, Locale language) {
        if (publishedReport(reportId).isEmpty()) {
            return Optional.empty();
        }
        return store.edition(reportId, language.getLanguage())
                .or(() -> store.edition(reportId, Locale.ENGLISH.getLanguage()));
    }

    /** What the report says, gathered now. */
    ReportContent content(PlanReport report) {
        var overview = plans.overview(report.planId());
        LocalDate today = plans.today();
        Map<UUID, String> names = new HashMap<>();
        registry.all().forEach(organisation -> names.put(organisation.id(), nameOf(organisation)));
        Map<MeasureStatus, Long> counts = new EnumMap<>(MeasureStatus.class);
        for (MeasureStatus status : MeasureStatus.values()) {
            counts.put(status, 0L);
        }
        long overdue = 0;
        var total = Money.NONE;
        var year = Money.NONE;
        List<ObjectiveSection> sections = new ArrayList<>();
        for (var objective : overview.objectives()) {
            List<MeasureLine> lines = new ArrayList<>();
            var objectiveTotal = Money.NONE;
            var objectiveYear = Money.NONE;
            for (var measure : overview.measuresOf(objective)) {
                boolean late = measure.overdue(today);
                lines.add(new MeasureLine(measure, names.getOrDefault(measure.leadOrganisation(), ""), late));
                counts.merge(measure.status(), 1L, Long::sum);
                overdue += late ? 1 : 0;
                for (BudgetLine line : overview.budgetByMeasure().getOrDefault(measure.id(), List.of())) {
                    objectiveTotal = objectiveTotal.plus(line.planned(), line.allocated(), line.spent());
                    if (line.year() == report.year()) {
                        objectiveYear = objectiveYear.plus(line.planned(), line.allocated(), line.spent());
                    }
                }
            }
            sections.add(new ObjectiveSection(objective, lines, objectiveTotal, objectiveYear));
            total = total.plus(objectiveTotal);
            year = year.plus(objectiveYear);
        }
        List<IndicatorLine> indicatorLines = indicators.of(report.planId()).stream()
                .map(record -> {
                    boolean computed = record.indicator().origin() == IndicatorOrigin.COMPUTED;
                    var latest = computed
                            ? null
                            : record.values().stream()
                                    .filter(value -> value.origin() == IndicatorOrigin.REPORTED)
                                    .findFirst()
                                    .orElse(null);
                    return new IndicatorLine(record.indicator(), computed, latest);
                })
                .toList();
        ReleaseFigures release = report.releaseId() == null
                ? null
                : releases.figures(report.releaseId()).orElse(null);
        return new ReportContent(
                report,
                overview.plan(),
                sections,
                new LinkedHashMap<>(counts),
                overdue,
                total,
                year,
                indicatorLines,
                release,
                today);
    }

    private static String nameOf(Organisation organisation) {
        return organisation.name() == null ? "" : organisation.name();
    }

    private void refuseUnpublished(UUID releaseId) {
        if (releaseId != null
                && releases.published().stream()
                        .noneMatch(release -> release.id().equals(releaseId))) {
            throw new ReportRefused(
                    "releaseId",
                    "plan.report.refused.releaseId",
                    "A report quotes an approved, published release only.");
        }
    }

    private static String checkedTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new ReportRefused("title", "plan.report.refused.titleRequired", "A report needs a title.");
        }
        if (title.strip().length() > PlanReport.TITLE_LENGTH) {
            throw new ReportRefused(
                    "title",
                    "plan.report.refused.titleSize",
                    "A report's title has at most " + PlanReport.TITLE_LENGTH + " characters.",
                    PlanReport.TITLE_LENGTH);
        }
        return title.strip();
    }

    private static String checkedText(String field, String text) {
        String kept = text == null ? "" : text.strip();
        if (kept.length() > PlanReport.TEXT_LENGTH) {
            throw new ReportRefused(
                    field,
                    "plan.report.refused.textSize",
                    "A text has at most " + PlanReport.TEXT_LENGTH + " characters.",
                    PlanReport.TEXT_LENGTH);
        }
        return kept;
    }

    private PlanReport existing(UUID reportId) {
        return store.report(reportId).orElseThrow(() -> new RecordNotFound("report", reportId));
    }
}
