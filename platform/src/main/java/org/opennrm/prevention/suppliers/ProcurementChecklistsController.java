package org.opennrm.prevention.suppliers;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The procurement risk checklist's pages: the office's filled-in checklists, the form for a sector (every question
 * with its sources), and a filled-in checklist with its risk level and the answers that raised it.
 */
@Controller
class ProcurementChecklistsController {

    private final ProcurementChecklists checklists;
    private final ProcurementChecklist checklist;
    private final SupplierScreening screening;

    ProcurementChecklistsController(
            ProcurementChecklists checklists, ProcurementChecklist checklist, SupplierScreening screening) {
        this.checklists = checklists;
        this.checklist = checklist;
        this.screening = screening;
    }

    @GetMapping("/suppliers/checklists")
    @PreAuthorize(SupplierScreening.ACCESS)
    String list(@RequestParam(name = "sector", required = false) String sector, Model model) {
        ProcurementChecklist.Sector chosen = sector(sector);
        model.addAttribute("checklists", checklists.mine());
        model.addAttribute("checklist", checklist);
        model.addAttribute("answerChoices", ProcurementChecklist.Answer.values());
        model.addAttribute("sector", chosen);
        model.addAttribute("suppliers", chosen == null ? java.util.List.of() : screening.suppliers());
        model.addAttribute("errors", Map.of());
        model.addAttribute("given", Map.of());
        return "prevention/suppliers/checklists";
    }

    @PostMapping("/suppliers/checklists")
    @PreAuthorize(SupplierScreening.ACCESS)
    String fill(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        ProcurementChecklist.Sector sector = sector(form.get("sector"));
        var answers = new LinkedHashMap<String, ProcurementChecklist.Answer>();
        form.forEach((name, value) -> {
            if (name.startsWith("answer-")) {
                for (ProcurementChecklist.Answer answer : ProcurementChecklist.Answer.values()) {
                    if (answer.name().equals(value)) {
                        answers.put(name.substring("answer-".length()), answer);
                    }
                }
            }
        });
        UUID supplier = null;
        try {
            String text = form.get("supplierId");
            supplier = text == null || text.isBlank() ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            supplier = UUID.randomUUID(); // an id that names no supplier: refused as such
        }
        try {
            var filled = checklists.fill(
                    new ProcurementChecklists.Filling(form.get("tenderReference"), supplier, sector, answers));
            return "redirect:/suppliers/checklists/" + filled.id() + "?filled";
        } catch (ScreeningInvalid e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("checklists", checklists.mine());
            model.addAttribute("checklist", checklist);
            model.addAttribute("answerChoices", ProcurementChecklist.Answer.values());
            model.addAttribute("sector", sector);
            model.addAttribute("suppliers", sector == null ? java.util.List.of() : screening.suppliers());
            model.addAttribute("errors", e.fields());
            model.addAttribute("given", form);
            return "prevention/suppliers/checklists";
        }
    }

    @GetMapping("/suppliers/checklists/{id}")
    @PreAuthorize(SupplierScreening.ACCESS)
    String filled(@PathVariable UUID id, Model model) {
        model.addAttribute("filled", checklists.get(id));
        model.addAttribute("checklist", checklist);
        return "prevention/suppliers/checklist";
    }

    private static ProcurementChecklist.Sector sector(String text) {
        for (ProcurementChecklist.Sector sector : ProcurementChecklist.Sector.values()) {
            if (sector.name().equals(text)) {
                return sector;
            }
        }
        return null;
    }
}
