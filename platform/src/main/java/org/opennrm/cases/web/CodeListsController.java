package org.opennrm.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opennrm.cases.CodeListChanges;
import org.opennrm.cases.CodeLists;
import org.springframework.context.MessageSource;
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
 * The code-list pages of administrators: the lists a country may extend, and for each its codes (shipped and
 * national, with the standard code each national one maps to and whether it is retired), a form to add a national
 * code with its label in six languages, a button to retire one, and the versions of the list.
 */
@Controller
@RequestMapping("/settings/code-lists")
@PreAuthorize("hasAuthority('checklists:manage:all')")
class CodeListsController {

    private final CodeListChanges changes;
    private final MessageSource messages;

    CodeListsController(CodeListChanges changes, MessageSource messages) {
        this.changes = changes;
        this.messages = messages;
    }

    @GetMapping
    String lists(Model model) {
        Map<String, Integer> versions = new LinkedHashMap<>();
        CodeLists.EXTENSIBLE.forEach(list -> versions.put(list, changes.version(list)));
        model.addAttribute("versions", versions);
        return "cases/code-lists";
    }

    @GetMapping("/{list}")
    String list(@PathVariable String list, Model model) {
        return show(model, list, Map.of(), Map.of());
    }

    @PostMapping("/{list}")
    String add(
            @PathVariable String list,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> form = new LinkedHashMap<>();
        parameters.forEach((name, values) -> form.put(name, values.isEmpty() ? "" : values.getFirst()));
        Map<String, String> labels = new LinkedHashMap<>();
        CodeListChanges.LANGUAGES.forEach(language -> labels.put(language, form.get("label." + language)));
        try {
            int version = changes.add(list, form.get("code"), form.get("parent"), labels);
            redirect.addFlashAttribute("flash", "codeLists.added");
            redirect.addFlashAttribute("savedVersion", version);
            return "redirect:/settings/code-lists/" + list;
        } catch (CodeListChanges.CodeListRefused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(model, list, form, errors(refused, locale));
        }
    }

    @PostMapping("/{list}/{code}/retire")
    String retire(
            @PathVariable String list,
            @PathVariable String code,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            changes.retire(list, code);
            redirect.addFlashAttribute("flash", "codeLists.retired");
            return "redirect:/settings/code-lists/" + list;
        } catch (CodeListChanges.CodeListRefused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(model, list, Map.of(), errors(refused, locale));
        }
    }

    private String show(Model model, String list, Map<String, String> form, Map<String, List<String>> errors) {
        var entries = changes.entries(list);
        model.addAttribute("list", list);
        model.addAttribute("entries", entries);
        model.addAttribute(
                "standard", entries.stream().filter(e -> !e.national()).toList());
        model.addAttribute("version", changes.version(list));
        model.addAttribute("history", changes.history(list));
        model.addAttribute("languages", CodeListChanges.LANGUAGES);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "cases/code-list";
    }

    private Map<String, List<String>> errors(CodeListChanges.CodeListRefused refused, Locale locale) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        refused.problems()
                .forEach((field, keys) -> errors.put(
                        field,
                        keys.stream()
                                .map(key -> messages.getMessage(key, null, locale))
                                .toList()));
        return errors;
    }
}
