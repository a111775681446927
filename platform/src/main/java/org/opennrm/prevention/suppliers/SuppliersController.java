package org.opennrm.prevention.suppliers;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.opennrm.prevention.finance.ImportInvalid;
import org.opennrm.statistics.publishing.CategoryLabels;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * The procurement office's supplier screening pages: the imported lists with their sources, the supplier list and its
 * screening results, the import forms, the review of candidate matches; and the office's home panel.
 */
@Controller
class SuppliersController {

    private final SupplierScreening screening;
    private final CategoryLabels labels;

    SuppliersController(SupplierScreening screening, CategoryLabels labels) {
        this.screening = screening;
        this.labels = labels;
    }

    @GetMapping("/suppliers")
    @PreAuthorize(SupplierScreening.ACCESS)
    String suppliers(Model model) {
        return page(Map.of(), model);
    }

    @PostMapping("/suppliers/lists")
    @PreAuthorize(SupplierScreening.ACCESS)
    String importList(
            @RequestParam(name = "listName", required = false) String name,
            @RequestParam(name = "publisher", required = false) String publisher,
            @RequestParam(name = "publishedOn", required = false) String publishedOn,
            @RequestParam(name = "url", required = false) String url,
            @RequestParam(name = "listFile", required = false) MultipartFile file,
            @RequestParam(name = "listText", required = false) String pasted,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        String text = text(file, pasted);
        LocalDate published = null;
        try {
            published = publishedOn == null || publishedOn.isBlank() ? null : LocalDate.parse(publishedOn.strip());
        } catch (DateTimeParseException e) {
            published = null;
        }
        try {
            var list = screening.importList(new ListSource(name, publisher, published, url), text);
            redirect.addFlashAttribute("listImported", list.entries());
            return "redirect:/suppliers";
        } catch (ScreeningInvalid e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            keepList(model, name, publisher, publishedOn, url, text);
            return page(e.fields(), model);
        } catch (ImportInvalid e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            keepList(model, name, publisher, publishedOn, url, text);
            model.addAttribute("listProblems", e.problems());
            model.addAttribute("listMore", e.more());
            return page(Map.of(), model);
        }
    }

    @PostMapping("/suppliers/import")
    @PreAuthorize(SupplierScreening.ACCESS)
    String importSuppliers(
            @RequestParam(name = "supplierFile", required = false) MultipartFile file,
            @RequestParam(name = "supplierText", required = false) String pasted,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        String text = text(file, pasted);
        try {
            redirect.addFlashAttribute("suppliersImported", screening.importSuppliers(text));
            return "redirect:/suppliers";
        } catch (ImportInvalid e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("supplierText", text == null || text.length() > 200_000 ? "" : text);
            model.addAttribute("supplierProblems", e.problems());
            model.addAttribute("supplierMore", e.more());
            return page(Map.of(), model);
        }
    }

    @PostMapping("/suppliers/screen")
    @PreAuthorize(SupplierScreening.ACCESS)
    String screen(RedirectAttributes redirect) {
        redirect.addFlashAttribute("screened", screening.screen());
        return "redirect:/suppliers";
    }

    @GetMapping("/suppliers/review")
    @PreAuthorize(SupplierScreening.ACCESS)
    String review(Model model) {
        return reviewPage(null, Map.of(), model);
    }

    @PostMapping("/suppliers/matches/{id}/review")
    @PreAuthorize(SupplierScreening.ACCESS)
    String decide(
            @PathVariable UUID id,
            @RequestParam(name = "decision", required = false) String decision,
            @RequestParam(name = "reason", required = false) String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        SupplierMatch.Decision chosen = null;
        for (SupplierMatch.Decision candidate : SupplierMatch.Decision.values()) {
            if (candidate.name().equals(decision)) {
                chosen = candidate;
            }
        }
        try {
            var match = screening.review(id, chosen, reason);
            redirect.addFlashAttribute("reviewed", match.status().name());
            return "redirect:/suppliers/review";
        } catch (ScreeningInvalid e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return reviewPage(id, e.fields(), model);
        }
    }

    @GetMapping("/suppliers/panel")
    @PreAuthorize(SupplierScreening.ACCESS)
    String panel(Model model) {
        long[] counts = screening.counts();
        model.addAttribute("supplierCount", counts[0]);
        model.addAttribute("pendingCount", counts[1]);
        return "prevention/suppliers/panel";
    }

    private String page(Map<String, String> errors, Model model) {
        model.addAttribute("errors", errors);
        model.addAttribute("lists", screening.lists());
        var suppliers = screening.suppliers();
        model.addAttribute("suppliers", suppliers);
        model.addAttribute("countries", countries(suppliers.stream().map(Supplier::country)));
        model.addAttribute("pendingCount", screening.counts()[1]);
        return "prevention/suppliers/suppliers";
    }

    private String reviewPage(UUID failed, Map<String, String> errors, Model model) {
        var matches = screening.pending();
        model.addAttribute("matches", matches);
        model.addAttribute("countries", countries(matches.stream().map(SupplierMatch::employerCountry)));
        model.addAttribute("failed", failed);
        model.addAttribute("errors", errors);
        return "prevention/suppliers/review";
    }

    private static void keepList(
            Model model, String name, String publisher, String publishedOn, String url, String text) {
        var kept = new LinkedHashMap<String, String>();
        kept.put("listName", name);
        kept.put("publisher", publisher);
        kept.put("publishedOn", publishedOn);
        kept.put("url", url);
        kept.put("listText", text == null || text.length() > 200_000 ? "" : text);
        model.addAttribute("kept", kept);
    }

    /* the countries shown, by their alpha-3 code, in the reader's language: the words statistics shows for them */
    private Map<String, String> countries(java.util.stream.Stream<String> codes) {
        var names = new java.util.HashMap<String, String>();
        codes.filter(java.util.Objects::nonNull)
                .distinct()
                .forEach(code -> names.put(code, labels.label("citizenship", code, LocaleContextHolder.getLocale())));
        return names;
    }

    private static String text(MultipartFile file, String pasted) throws IOException {
        return file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : pasted;
    }
}
