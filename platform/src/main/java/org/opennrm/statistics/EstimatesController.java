package org.opennrm.statistics;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.opennrm.RuleViolation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The estimation page: upload or paste a list-overlap table, read the sensitivity table. */
@Controller
@RequestMapping("/statistics/estimates")
class EstimatesController {

    private final Estimates estimates;

    EstimatesController(Estimates estimates) {
        this.estimates = estimates;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('statistics:read:all')")
    String form(Model model) {
        model.addAttribute("table", "");
        return "statistics/estimates";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('statistics:read:all')")
    String estimate(
            @RequestParam(name = "table", required = false) String table,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            HttpServletResponse response)
            throws IOException {
        String csv = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : table;
        model.addAttribute("table", csv == null ? "" : csv);
        try {
            var estimate = estimates.multipleSystems(csv);
            model.addAttribute("estimate", estimate);
            model.addAttribute(
                    "headlines",
                    java.util.List.of(
                            new Headline("mainEffects", estimate.mainEffects()),
                            new Headline("bestAic", estimate.bestByAic()),
                            new Headline("bestBic", estimate.bestByBic())));
        } catch (RuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", e.getMessage());
        }
        return "statistics/estimates";
    }

    /** A model the page puts first, with the message key of why. */
    record Headline(String key, ModelEstimate row) {}
}
