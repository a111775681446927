package org.opennrm.statistics;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.opennrm.RuleViolation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The estimation page: upload or paste a list-overlap table, read the sensitivity table. */
@Controller
@RequestMapping("/statistics/estimates")
class EstimatesController {

    private final Estimates estimates;
    private final Clock clock;
    private final int minimumCellSize;
    private final MessageSource messages;

    EstimatesController(
            Estimates estimates,
            Clock clock,
            @Value("${opennrm.statistics.minimum-cell-size:10}") int minimumCellSize,
            MessageSource messages) {
        this.estimates = estimates;
        this.clock = clock;
        this.minimumCellSize = minimumCellSize;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('statistics:read:all')")
    String form(Model model) {
        model.addAttribute("table", "");
        return "statistics/estimates";
    }

    /** The default period of the cases' estimate, and the minimum cell size of the overlap table shown. */
    @ModelAttribute
    void casesPeriod(Model model) {
        String year = String.valueOf(Year.now(clock).getValue());
        model.addAttribute("casesFrom", year);
        model.addAttribute("casesTo", year);
        model.addAttribute("minimumCellSize", minimumCellSize);
    }

    /**
     * "From the platform's cases": the sectors that encountered the persons referred in the period, as a list-overlap
     * table counted by the cases module, then estimated. Cells below the minimum cell size are not shown; the
     * estimate uses them.
     */
    @PostMapping("/cases")
    @PreAuthorize("hasAuthority('statistics:read:all')")
    String fromCases(
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        model.addAttribute("table", "");
        model.addAttribute("casesFrom", from == null ? "" : from);
        model.addAttribute("casesTo", to == null ? "" : to);
        try {
            EncounterOverlap overlap = estimates.casesOverlap(year(from), year(to));
            model.addAttribute("casesOverlap", overlap);
            // these lists are the platform's own, one per sector: the page names them as sectors (an uploaded table's
            // lists keep the names the statistician gave them, even one that happens to be a sector's code)
            model.addAttribute("listsAreSectors", true);
            model.addAttribute(
                    "withheldCells",
                    OverlapCellsShown.withheld(
                            overlap.combinations().stream()
                                    .map(EncounterOverlap.Combination::count)
                                    .toList(),
                            minimumCellSize));
            show(estimates.fromCases(overlap), model);
        } catch (RuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            e.showOn(model, "problem", messages, locale);
        }
        return "statistics/estimates";
    }

    static Year year(String text) {
        try {
            int year = Integer.parseInt(text == null ? "" : text.strip());
            if (year >= 1900 && year <= 9999) {
                return Year.of(year);
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new MseInputInvalid(
                "statistics.estimates.refused.years", "Give the period as two years, such as 2025 to 2026.");
    }

    @PostMapping
    @PreAuthorize("hasAuthority('statistics:read:all')")
    String estimate(
            @RequestParam(name = "table", required = false) String table,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            HttpServletResponse response,
            Locale locale)
            throws IOException {
        String csv = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : table;
        model.addAttribute("table", csv == null ? "" : csv);
        try {
            show(estimates.multipleSystems(csv), model);
        } catch (RuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            e.showOn(model, "problem", messages, locale);
        }
        return "statistics/estimates";
    }

    /** "Estimate the hidden number" on a linkage run's page: the run's overlap table, estimated and shown here. */
    @PostMapping("/linkage-runs/{runId}")
    @PreAuthorize("hasAuthority('statistics:read:all')")
    String fromLinkageRun(@PathVariable UUID runId, Model model, HttpServletResponse response, Locale locale) {
        var run = estimates.linkageRun(runId);
        model.addAttribute("run", run);
        model.addAttribute("table", run.overlap() == null ? "" : run.overlap().csv());
        try {
            show(estimates.fromLinkageRun(run), model);
        } catch (RuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            e.showOn(model, "problem", messages, locale);
        }
        return "statistics/estimates";
    }

    private static void show(MseEstimate estimate, Model model) {
        model.addAttribute("estimate", estimate);
        model.addAttribute(
                "headlines",
                List.of(
                        new Headline("mainEffects", estimate.mainEffects()),
                        new Headline("bestAic", estimate.bestByAic()),
                        new Headline("bestBic", estimate.bestByBic())));
    }

    /** A model the page puts first, with the message key of why. */
    record Headline(String key, ModelEstimate row) {}
}
