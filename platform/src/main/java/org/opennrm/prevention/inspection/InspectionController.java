package org.opennrm.prevention.inspection;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inspection planner's pages: import of the register and history, the ranked and explained list for the next
 * year, plans and their download, the backtest, a workplace's history; and the aggregates for prevention readers.
 */
@Controller
class InspectionController {

    /** Ranked workplaces shown on the page; the plan and its download hold them all. */
    static final int SHOWN = 25;

    private final InspectionTargeting targeting;
    private final InspectionAggregates aggregates;
    private final FactorLabels labels;

    InspectionController(InspectionTargeting targeting, InspectionAggregates aggregates, FactorLabels labels) {
        this.targeting = targeting;
        this.aggregates = aggregates;
        this.labels = labels;
    }

    /** A ranked workplace as shown: its rank, data, probability and the words of its factors. */
    record RankedView(Ranked ranked, String sector, List<FactorLabels.Shown> factors) {}

    /** A plan entry as shown. */
    record EntryView(Plan.Entry entry, String sector, List<FactorLabels.Shown> factors) {}

    @GetMapping("/inspection")
    @PreAuthorize(InspectionAccess.TARGETING)
    String page(Model model, Locale locale) {
        Summary summary = targeting.summary();
        model.addAttribute("summary", summary);
        if (!summary.empty()) {
            try {
                Ranking ranking = targeting.rank();
                model.addAttribute("ranking", ranking);
                model.addAttribute(
                        "ranked",
                        ranking.ranked().stream()
                                .limit(SHOWN)
                                .map(r -> new RankedView(
                                        r,
                                        labels.sector(r.workplace().sector(), locale),
                                        labels.of(r.factors(), locale)))
                                .toList());
            } catch (CannotTrain e) {
                model.addAttribute("cannotTrain", e);
            }
        }
        model.addAttribute("plans", targeting.plans());
        return "prevention/inspection/targeting";
    }

    /** Imports the register and the history (uploaded or pasted) whole, or shows every problem with its line. */
    @PostMapping("/inspection/import")
    @PreAuthorize(InspectionAccess.TARGETING)
    String importFiles(
            @RequestParam(name = "registerFile", required = false) MultipartFile registerFile,
            @RequestParam(name = "register", required = false) String register,
            @RequestParam(name = "inspectionsFile", required = false) MultipartFile inspectionsFile,
            @RequestParam(name = "inspections", required = false) String inspections,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        String registerText = text(registerFile, register);
        String inspectionsText = text(inspectionsFile, inspections);
        try {
            var imported = targeting.importFiles(registerText, inspectionsText);
            // flash attributes are kept in the stored session: plain numbers only
            redirect.addFlashAttribute("importedWorkplaces", imported.workplaces());
            redirect.addFlashAttribute("importedInspections", imported.inspections());
            return "redirect:/inspection";
        } catch (ImportInvalid e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("importProblems", e.problems());
            model.addAttribute("moreProblems", e.more());
            model.addAttribute("registerText", keep(registerText));
            model.addAttribute("inspectionsText", keep(inspectionsText));
            return page(model, locale);
        }
    }

    @PostMapping("/inspection/plans")
    @PreAuthorize(InspectionAccess.TARGETING)
    String makePlan(
            @RequestParam(name = "capacity", required = false) String capacity,
            @RequestParam(name = "randomPercent", required = false) String randomPercent,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        try {
            Plan plan = targeting.plan(number(capacity), number(randomPercent));
            return "redirect:/inspection/plans/" + plan.id();
        } catch (PlanInvalid e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("planErrors", e.fields());
            model.addAttribute("capacityText", capacity);
            model.addAttribute("randomPercentText", randomPercent);
            return page(model, locale);
        } catch (CannotTrain e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, locale);
        }
    }

    @GetMapping("/inspection/plans/{id}")
    @PreAuthorize(InspectionAccess.TARGETING)
    String plan(@PathVariable UUID id, Model model, Locale locale) {
        Plan plan = targeting.plan(id);
        model.addAttribute("plan", plan);
        model.addAttribute(
                "entries",
                plan.entries().stream()
                        .map(e -> new EntryView(
                                e, labels.sector(e.workplace().sector(), locale), labels.of(e.factors(), locale)))
                        .toList());
        model.addAttribute(
                "byLot",
                plan.entries().stream()
                        .filter(e -> e.reason() == Plan.Reason.BY_LOT)
                        .count());
        return "prevention/inspection/plan";
    }

    @GetMapping("/inspection/plans/{id}/csv")
    @PreAuthorize(InspectionAccess.TARGETING)
    ResponseEntity<byte[]> planCsv(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"inspection-plan-" + id + ".csv\"")
                .body(targeting.planCsv(id).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/inspection/backtest")
    @PreAuthorize(InspectionAccess.TARGETING)
    String backtest(@RequestParam(name = "k", required = false) String k, Model model, HttpServletResponse response) {
        Integer capacity = k == null ? Integer.valueOf(100) : number(k);
        model.addAttribute("kText", k == null ? "100" : k);
        try {
            model.addAttribute("years", targeting.backtest(capacity));
            model.addAttribute("k", capacity);
        } catch (PlanInvalid e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("kError", e.fields().get("capacity"));
            model.addAttribute("years", List.of());
        }
        return "prevention/inspection/backtest";
    }

    @GetMapping("/inspection/workplace")
    @PreAuthorize(InspectionAccess.TARGETING)
    String workplace(@RequestParam("reference") String reference, Model model, Locale locale) {
        var history = targeting.workplace(reference);
        model.addAttribute("history", history);
        model.addAttribute("sector", labels.sector(history.workplace().sector(), locale));
        return "prevention/inspection/workplace";
    }

    @GetMapping("/inspection/panel")
    @PreAuthorize(InspectionAccess.TARGETING)
    String panel(Model model) {
        model.addAttribute("summary", targeting.summary());
        model.addAttribute("plans", targeting.plans().stream().limit(3).toList());
        return "prevention/inspection/panel";
    }

    @GetMapping("/inspection/aggregates")
    @PreAuthorize(InspectionAccess.AGGREGATES)
    String aggregates(Model model, Locale locale) {
        var table = aggregates.bySector();
        model.addAttribute("table", table);
        model.addAttribute(
                "sectors",
                table.rows().stream()
                        .map(r -> labels.sector(r.sector(), locale))
                        .toList());
        return "prevention/inspection/aggregates";
    }

    private static String text(MultipartFile file, String pasted) throws IOException {
        return file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : pasted;
    }

    private static String keep(String text) {
        return text == null || text.length() > 200_000 ? "" : text;
    }

    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
