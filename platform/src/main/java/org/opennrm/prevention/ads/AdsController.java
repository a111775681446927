package org.opennrm.prevention.ads;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
 * The ad analyst's pages: the triage queue with the import form and the precision of the queue, a cluster under review
 * with its labels, the home panel; and the counts by category and quarter for whoever reads prevention evidence.
 */
@Controller
class AdsController {

    /** Clusters listed on the queue page; the API gives more. */
    static final int SHOWN = 50;
    /** Clusters listed on the home panel. */
    static final int ON_PANEL = 3;

    private final AdScreening screening;
    private final AdReasons reasons;

    AdsController(AdScreening screening, AdReasons reasons) {
        this.screening = screening;
        this.reasons = reasons;
    }

    @GetMapping("/ads")
    @PreAuthorize(AdsAccess.SCREEN)
    String queue(Model model, Locale locale) {
        return queuePage(model, locale);
    }

    @PostMapping("/ads/import")
    @PreAuthorize(AdsAccess.SCREEN)
    String importAds(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "ads", required = false) String pasted,
            @RequestParam(name = "region", required = false) String region,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        String content = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : pasted;
        try {
            var imported = screening.importAds(content, region);
            redirect.addFlashAttribute("imported", imported);
            return "redirect:/ads";
        } catch (AdsInvalid e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", e.problems());
            model.addAttribute("moreProblems", e.more());
            model.addAttribute("json", AdFile.format(content) == AdFile.Format.JSON);
            model.addAttribute("pasted", file != null && !file.isEmpty() ? "" : pasted);
            model.addAttribute("region", region);
            return queuePage(model, locale);
        }
    }

    @GetMapping("/ads/clusters/{id}")
    @PreAuthorize(AdsAccess.SCREEN)
    String cluster(@PathVariable UUID id, Model model, Locale locale) {
        var cluster = screening.cluster(id);
        model.addAttribute("cluster", cluster);
        model.addAttribute("reasons", reasons.of(cluster.ranked(), locale));
        model.addAttribute("labels", Label.values());
        return "ads/cluster";
    }

    @PostMapping("/ads/clusters/{id}/label")
    @PreAuthorize(AdsAccess.SCREEN)
    String labelCluster(@PathVariable UUID id, @RequestParam(name = "label", required = false) Label label) {
        if (label == null) {
            return "redirect:/ads/clusters/" + id + "?choose";
        }
        screening.labelCluster(id, label);
        return "redirect:/ads/clusters/" + id + "?labelled";
    }

    @PostMapping("/ads/{id}/label")
    @PreAuthorize(AdsAccess.SCREEN)
    String labelAd(@PathVariable UUID id, @RequestParam(name = "label", required = false) Label label) {
        if (label == null) {
            return "redirect:/ads/clusters/" + screening.clusterOf(id) + "?choose#ad-" + id;
        }
        UUID cluster = screening.labelAd(id, label);
        return "redirect:/ads/clusters/" + cluster + "?labelled#ad-" + id;
    }

    @GetMapping("/ads/panel")
    @PreAuthorize(AdsAccess.SCREEN)
    String panel(Model model, Locale locale) {
        var queue = screening.queue(ON_PANEL);
        model.addAttribute("queue", queue);
        model.addAttribute("reasons", reasonsOf(queue, locale));
        return "ads/panel";
    }

    @GetMapping("/ads/aggregates")
    @PreAuthorize(AdsAccess.AGGREGATES)
    String aggregates(Model model) {
        model.addAttribute("aggregates", screening.aggregates());
        model.addAttribute("categories", Indicator.values());
        return "ads/aggregates";
    }

    private String queuePage(Model model, Locale locale) {
        var queue = screening.queue(SHOWN);
        model.addAttribute("queue", queue);
        model.addAttribute("reasons", reasonsOf(queue, locale));
        return "ads/queue";
    }

    private Map<UUID, List<String>> reasonsOf(AdScreening.Queue queue, Locale locale) {
        Map<UUID, List<String>> all = new LinkedHashMap<>();
        queue.entries().forEach(entry -> all.put(entry.ranked().cluster(), reasons.of(entry.ranked(), locale)));
        return all;
    }
}
