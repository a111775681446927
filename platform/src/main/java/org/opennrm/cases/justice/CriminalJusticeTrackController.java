package org.opennrm.cases.justice;

import jakarta.validation.Valid;
import java.util.UUID;
import org.opennrm.cases.CaseId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page and API of the restricted criminal-justice track. No method security here on purpose: whoever may
 * not see the track gets 404 from {@link CriminalJusticeTracks}, as if it did not exist.
 */
@Controller
class CriminalJusticeTrackController {

    private static final String PAGE = "cases/criminal-justice";

    private final CriminalJusticeTracks tracks;

    CriminalJusticeTrackController(CriminalJusticeTracks tracks) {
        this.tracks = tracks;
    }

    @GetMapping("/cases/{id}/criminal-justice")
    String page(@PathVariable UUID id, Model model) {
        var track = tracks.read(CaseId.of(id)).orElse(null);
        model.addAttribute("caseId", id);
        model.addAttribute("track", track);
        model.addAttribute("form", CriminalJusticeTrackForm.of(track));
        return show(model);
    }

    @PostMapping("/cases/{id}/criminal-justice")
    String record(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") CriminalJusticeTrackForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("caseId", id);
            model.addAttribute("track", tracks.read(CaseId.of(id)).orElse(null));
            return show(model);
        }
        tracks.record(CaseId.of(id), form);
        redirect.addFlashAttribute("flash", "criminalJustice.flash.saved");
        return "redirect:/cases/" + id + "/criminal-justice";
    }

    private static String show(Model model) {
        model.addAttribute("statuses", ProceedingsStatus.values());
        model.addAttribute("cooperations", Cooperation.values());
        return PAGE;
    }
}
