package org.opennrm.cases.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.SurvivorTexts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What the person reads: the consent information and the leaflet of their rights in the recovery and reflection
 * period, in the language their file records (pre-selected), or any other the NRM offers, to read together or to
 * print. Reading the person's language reads the case, and is logged like it.
 */
@Controller
class PersonTextsController {

    private final CaseManagement cases;
    private final SurvivorTexts texts;

    PersonTextsController(CaseManagement cases, SurvivorTexts texts) {
        this.cases = cases;
        this.texts = texts;
    }

    @GetMapping("/cases/{id}/information")
    @PreAuthorize("hasAuthority('cases:read:all')")
    String information(
            @PathVariable UUID id, @RequestParam(required = false) String language, Model model, Locale locale) {
        var recorded = cases.languagesOf(CaseId.of(id));
        var chosen = texts.choose(language, recorded, locale);
        var shown = texts.language(chosen).orElseThrow();
        var keys = new java.util.ArrayList<String>(List.of(
                "consent.title",
                "consent.intro",
                "consent.withdraw",
                "leaflet.title",
                "leaflet.intro",
                "leaflet.contact"));
        var points = texts.keys("consent.point.");
        var rights = texts.keys("leaflet.right.");
        keys.addAll(points);
        keys.addAll(rights);
        var values = new LinkedHashMap<String, SurvivorTexts.Text>();
        keys.forEach(key -> values.put(key, texts.text(chosen, key)));
        model.addAttribute("caseId", id);
        model.addAttribute("languages", texts.languages());
        model.addAttribute("shown", shown);
        var fromRecord = !texts.offers(language)
                && recorded.stream()
                        .map(texts::fromIso639_2)
                        .flatMap(java.util.Optional::stream)
                        .findFirst()
                        .filter(chosen::equals)
                        .isPresent();
        model.addAttribute("fromRecord", fromRecord);
        model.addAttribute("texts", values);
        model.addAttribute("points", points);
        model.addAttribute("rights", rights);
        return "cases/information";
    }
}
