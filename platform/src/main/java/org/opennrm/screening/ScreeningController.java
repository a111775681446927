package org.opennrm.screening;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The screening pages: choose a checklist, answer it on one page (made for a phone), and read the
 * result with its reasons and a link to refer the person. Answers arrive as {@code q.<question id>}.
 */
@Controller
@RequestMapping("/screening")
class ScreeningController {

    private static final String PERFORM = "hasAuthority('screening:perform:own')";
    private static final String ANSWER_PREFIX = "q.";

    private final Screenings screenings;
    private final QuestionTexts texts;
    private final MessageSource messages;

    ScreeningController(Screenings screenings, QuestionTexts texts, MessageSource messages) {
        this.screenings = screenings;
        this.texts = texts;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(PERFORM)
    String checklists(Model model) {
        var checklists = screenings.checklists();
        var locale = LocaleContextHolder.getLocale();
        model.addAttribute("checklists", checklists);
        model.addAttribute("titles", texts.titles(checklists, locale));
        model.addAttribute("descriptions", texts.descriptions(checklists, locale));
        model.addAttribute("catalogues", screenings.catalogues());
        model.addAttribute("ruleVersion", screenings.ruleVersion());
        model.addAttribute("ruleVerification", screenings.ruleVerification());
        return "screening/checklists";
    }

    @GetMapping("/{checklist}")
    @PreAuthorize(PERFORM)
    String form(@PathVariable String checklist, Model model) {
        return show(model, checklist(checklist), Map.of(), null, List.of());
    }

    @PostMapping("/{checklist}")
    @PreAuthorize(PERFORM)
    String screen(
            @PathVariable String checklist,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            HttpServletResponse response) {
        var chosen = checklist(checklist);
        Map<String, String> answers = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (name.startsWith(ANSWER_PREFIX) && !values.isEmpty()) {
                answers.put(name.substring(ANSWER_PREFIX.length()), values.getFirst());
            }
        });
        String ageGroup = parameters.getFirst("ageGroup");
        List<String> forms = parameters.getOrDefault("forms", List.of());
        try {
            var screening = screenings.screen(RawAnswers.parse(chosen.id(), answers, ageGroup, forms));
            return "redirect:/screening/results/" + screening.id();
        } catch (RuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("invalid", true);
            // which answer could not be read, in the reader's language
            e.showOn(model, "problem", messages, LocaleContextHolder.getLocale());
            return show(model, chosen, answers, ageGroup, forms);
        }
    }

    /** The offline screening app: answered on the phone, kept there until the network is back (offline-screening.js). */
    @GetMapping("/offline/app")
    @PreAuthorize(PERFORM)
    String offline() {
        return "screening/offline";
    }

    @GetMapping("/results/{id}")
    @PreAuthorize(PERFORM)
    String result(@PathVariable UUID id, Model model) {
        var screening = screenings.find(ScreeningId.of(id)).orElseThrow(() -> new RecordNotFound("screening", id));
        model.addAttribute("screening", screening);
        model.addAttribute("result", screening.result());
        model.addAttribute("ruleVersion", screening.ruleVersion());
        var answered = screenings.checklist(screening.checklist(), screening.checklistVersion());
        model.addAttribute(
                "checklistTitle",
                answered.or(() -> screenings.checklist(screening.checklist()))
                        .map(version -> texts.title(version, LocaleContextHolder.getLocale()))
                        .orElse(""));
        // the questions as they were in the version the person was screened with, not as they are now
        model.addAttribute(
                "texts",
                screenings
                        .checklist(screening.checklist(), screening.checklistVersion())
                        .map(version -> texts.texts(version, LocaleContextHolder.getLocale()))
                        .orElse(Map.of()));
        return "screening/result";
    }

    private Checklist checklist(String id) {
        return screenings.checklist(id).orElseThrow(() -> new RecordNotFound("checklist", id));
    }

    private String show(
            Model model, Checklist checklist, Map<String, String> answers, String ageGroup, List<String> forms) {
        model.addAttribute("checklist", checklist);
        model.addAttribute("title", texts.title(checklist, LocaleContextHolder.getLocale()));
        model.addAttribute("texts", texts.texts(checklist, LocaleContextHolder.getLocale()));
        model.addAttribute("answers", answers);
        model.addAttribute("ageGroup", ageGroup);
        model.addAttribute("forms", forms);
        model.addAttribute("ageGroups", AgeGroup.values());
        model.addAttribute("ageUnknownAs", screenings.ageUnknownAs());
        model.addAttribute("exploitationForms", ExploitationForm.values());
        model.addAttribute("answerValues", Answer.values());
        return "screening/checklist";
    }
}
