package org.opennrm.linkage;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of linkage runs: the list of runs with a form to start one, and a run's page, where each agency's
 * encodings are uploaded, the run is started, and its overlap table is shown and downloaded.
 */
@Controller
@RequestMapping("/linkage/runs")
class LinkageRunController {

    static final String RUN = "hasAuthority('linkage:run:all')";

    private final LinkageRuns runs;

    LinkageRunController(LinkageRuns runs) {
        this.runs = runs;
    }

    @GetMapping
    @PreAuthorize(RUN)
    String runs(Model model) {
        return list(model, new RunForm(null, null, true));
    }

    @PostMapping
    @PreAuthorize(RUN)
    String create(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String threshold,
            @RequestParam(defaultValue = "false") boolean mergeWithinLists,
            Model model,
            HttpServletResponse response) {
        var form = new RunForm(name, threshold, mergeWithinLists);
        try {
            var run = runs.create(name, parseThreshold(threshold), mergeWithinLists);
            return "redirect:/linkage/runs/" + run.id();
        } catch (LinkageRuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", e);
            return list(model, form);
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize(RUN)
    String run(@PathVariable UUID id, Model model) {
        return details(model, runs.find(id), null);
    }

    @PostMapping("/{id}/lists")
    @PreAuthorize(RUN)
    String upload(
            @PathVariable UUID id,
            @RequestParam(required = false) String label,
            @RequestParam(required = false) MultipartFile clk,
            @RequestParam(required = false) MultipartFile ids,
            @RequestParam(required = false) MultipartFile fields,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        try {
            runs.upload(id, label, bytes(clk), bytes(ids), bytes(fields));
            redirect.addFlashAttribute("flash", "linkage.upload.done");
            return "redirect:/linkage/runs/" + id;
        } catch (LinkageRuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("label", label);
            return details(model, runs.find(id), e);
        }
    }

    @PostMapping("/{id}/lists/{listId}/remove")
    @PreAuthorize(RUN)
    String removeList(
            @PathVariable UUID id,
            @PathVariable UUID listId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            runs.removeList(id, listId);
            redirect.addFlashAttribute("flash", "linkage.list.removed");
            return "redirect:/linkage/runs/" + id;
        } catch (LinkageRuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return details(model, runs.find(id), e);
        }
    }

    @PostMapping("/{id}/run")
    @PreAuthorize(RUN)
    String start(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            runs.run(id);
            redirect.addFlashAttribute("flash", "linkage.run.done");
            return "redirect:/linkage/runs/" + id;
        } catch (LinkageRuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return details(model, runs.find(id), e);
        }
    }

    @PostMapping("/{id}/discard")
    @PreAuthorize(RUN)
    String discard(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            runs.discard(id);
            redirect.addFlashAttribute("flash", "linkage.run.discarded");
            return "redirect:/linkage/runs/" + id;
        } catch (LinkageRuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return details(model, runs.find(id), e);
        }
    }

    @GetMapping("/{id}/overlap.csv")
    @PreAuthorize(RUN)
    ResponseEntity<String> overlap(@PathVariable UUID id) {
        return csv(runs.overlapCsv(id), id);
    }

    static ResponseEntity<String> csv(String csv, UUID id) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("overlap-" + id + ".csv")
                                .build()
                                .toString())
                .body(csv);
    }

    /** A threshold as typed; anything that is not a number is left to the facade's rule. */
    private static Double parseThreshold(String threshold) {
        if (threshold == null || threshold.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(threshold.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static byte[] bytes(MultipartFile file) throws IOException {
        return file == null || file.isEmpty() ? null : file.getBytes();
    }

    private String list(Model model, RunForm form) {
        model.addAttribute("runs", runs.all());
        model.addAttribute("form", form);
        model.addAttribute("defaultThreshold", LinkageRuns.DEFAULT_THRESHOLD);
        return "linkage/runs";
    }

    private String details(Model model, LinkageRun run, LinkageRuleViolation problem) {
        model.addAttribute("run", run);
        model.addAttribute("problem", problem);
        model.addAttribute("maxLists", OverlapCount.MAX_LISTS);
        return "linkage/run-details";
    }

    /** The new-run form as typed, to show it again with a message. */
    record RunForm(String name, String threshold, boolean mergeWithinLists) {}
}
