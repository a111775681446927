package org.opennrm.screening;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opennrm.RecordNotFound;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The checklist pages of administrators: each sector checklist in force with its questions and the indicators
 * each stands for, a form to add a question or change one, a button to take one out, and the versions saved so
 * far. A refused version comes back with a message at each field.
 */
@Controller
@RequestMapping("/settings/checklists")
class ChecklistAdminController {

    private static final String MANAGE = "hasAuthority('checklists:manage:all')";
    private static final String LABEL_PREFIX = "label.";

    private final ChecklistChanges changes;
    private final ChecklistVersions versions;
    private final QuestionTexts texts;
    private final MessageSource messages;

    ChecklistAdminController(
            ChecklistChanges changes, ChecklistVersions versions, QuestionTexts texts, MessageSource messages) {
        this.changes = changes;
        this.versions = versions;
        this.texts = texts;
        this.messages = messages;
    }

    /** Rows of the new-checklist form: one per element the default rule names, each a question of its phase. */
    static final List<Element> ROWS = List.of(Element.values());

    @GetMapping
    @PreAuthorize(MANAGE)
    String checklists(Model model) {
        var checklists = versions.current();
        model.addAttribute("checklists", checklists);
        model.addAttribute("titles", texts.titles(checklists, LocaleContextHolder.getLocale()));
        return "screening/admin-checklists";
    }

    @GetMapping("/new")
    @PreAuthorize(MANAGE)
    String newChecklist(Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int row = 0; row < ROWS.size(); row++) {
            form.put("q" + row + ".section", section(ROWS.get(row)));
        }
        return showNew(model, form, List.of(Catalogues.ADULT_LABOUR, Catalogues.CHILD_LABOUR), Map.of());
    }

    @PostMapping
    @PreAuthorize(MANAGE)
    String create(
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> form = new LinkedHashMap<>();
        parameters.forEach((name, values) -> form.put(name, values.isEmpty() ? "" : values.getFirst()));
        List<String> lists = parameters.getOrDefault("lists", List.of());
        Map<String, String> titles = new LinkedHashMap<>();
        for (String language : ChecklistChanges.LANGUAGES) {
            titles.put(language, form.get("title." + language));
        }
        List<ChecklistChanges.QuestionForm> questions = new java.util.ArrayList<>();
        for (int row = 0; row < ROWS.size(); row++) {
            String prefix = "q" + row + ".";
            Map<String, String> labels = new LinkedHashMap<>();
            for (String language : ChecklistChanges.LANGUAGES) {
                labels.put(language, form.get(prefix + LABEL_PREFIX + language));
            }
            questions.add(new ChecklistChanges.QuestionForm(
                    form.get(prefix + "section"), form.get(prefix + "code"), form.get(prefix + "indicators"), labels));
        }
        try {
            var saved = changes.create(
                    new ChecklistChanges.NewChecklistForm(form.get("checklistCode"), titles, lists, questions));
            redirect.addFlashAttribute("flash", "screening.admin.created");
            redirect.addFlashAttribute("savedVersion", saved.version());
            return "redirect:/settings/checklists/" + saved.id();
        } catch (ChecklistRefused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return showNew(model, form, lists, errors(refused));
        }
    }

    private String showNew(
            Model model, Map<String, String> form, List<String> lists, Map<String, List<String>> errors) {
        model.addAttribute("form", form);
        model.addAttribute("chosenLists", lists);
        model.addAttribute("lists", ChecklistChanges.LISTS);
        model.addAttribute("sections", ChecklistChanges.SECTIONS);
        model.addAttribute("rows", ROWS);
        model.addAttribute("languages", ChecklistChanges.LANGUAGES);
        model.addAttribute("errors", errors);
        return "screening/admin-checklist-new";
    }

    private static String section(Element element) {
        return switch (element.phase()) {
            case RECRUITMENT -> "recruitment";
            case EXPLOITATION -> "work";
            case DESTINATION -> "control";
        };
    }

    @GetMapping("/{id}")
    @PreAuthorize(MANAGE)
    String checklist(@PathVariable String id, @RequestParam(required = false) String edit, Model model) {
        var checklist = current(id);
        Map<String, String> form = new LinkedHashMap<>();
        checklist.sections().stream()
                .filter(section -> section.questions().stream().anyMatch(q -> q.id().equals(edit)))
                .findFirst()
                .ifPresent(section -> {
                    var question = checklist.question(edit).orElseThrow();
                    form.put("section", section.id());
                    form.put("code", question.id());
                    form.put("indicators", String.join(", ", question.indicators()));
                    for (String language : ChecklistChanges.LANGUAGES) {
                        form.put(LABEL_PREFIX + language, texts.text(question, Locale.forLanguageTag(language)));
                    }
                });
        return show(model, checklist, form, Map.of());
    }

    @PostMapping("/{id}/questions")
    @PreAuthorize(MANAGE)
    String saveQuestion(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var checklist = current(id);
        Map<String, String> form = new LinkedHashMap<>();
        parameters.forEach((name, values) -> form.put(name, values.isEmpty() ? "" : values.getFirst()));
        Map<String, String> labels = new LinkedHashMap<>();
        for (String language : ChecklistChanges.LANGUAGES) {
            labels.put(language, form.get(LABEL_PREFIX + language));
        }
        try {
            var saved = changes.saveQuestion(
                    id,
                    new ChecklistChanges.QuestionForm(
                            form.get("section"), form.get("code"), form.get("indicators"), labels));
            redirect.addFlashAttribute("flash", "screening.admin.saved");
            redirect.addFlashAttribute("savedVersion", saved.version());
            return "redirect:/settings/checklists/" + id;
        } catch (ChecklistRefused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(model, checklist, form, errors(refused));
        }
    }

    @PostMapping("/{id}/questions/{code}/remove")
    @PreAuthorize(MANAGE)
    String removeQuestion(
            @PathVariable String id,
            @PathVariable String code,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var checklist = current(id);
        try {
            var saved = changes.removeQuestion(id, code);
            redirect.addFlashAttribute("flash", "screening.admin.saved");
            redirect.addFlashAttribute("savedVersion", saved.version());
            return "redirect:/settings/checklists/" + id;
        } catch (ChecklistRefused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute(
                    "removeErrors",
                    errors(refused).values().stream().flatMap(List::stream).toList());
            return show(model, checklist, Map.of(), Map.of());
        }
    }

    private Checklist current(String id) {
        return versions.current(id).orElseThrow(() -> new RecordNotFound("checklist", id));
    }

    private String show(Model model, Checklist checklist, Map<String, String> form, Map<String, List<String>> errors) {
        model.addAttribute("checklist", checklist);
        model.addAttribute("title", texts.title(checklist, LocaleContextHolder.getLocale()));
        model.addAttribute("texts", texts.texts(checklist, LocaleContextHolder.getLocale()));
        model.addAttribute("history", versions.history(checklist.id()));
        model.addAttribute("languages", ChecklistChanges.LANGUAGES);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "screening/admin-checklist";
    }

    /** Field name to its messages, in the reader's language; an argument naming a message key is translated too. */
    private Map<String, List<String>> errors(ChecklistRefused refused) {
        var locale = LocaleContextHolder.getLocale();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        refused.problems()
                .forEach((field, problems) -> errors.put(
                        field,
                        problems.stream()
                                .map(problem -> messages.getMessage(
                                        problem.key(),
                                        problem.arguments().stream()
                                                .map(argument -> argument.startsWith("screening.")
                                                        ? messages.getMessage(argument, null, argument, locale)
                                                        : argument)
                                                .toArray(),
                                        locale))
                                .toList()));
        return errors;
    }
}
