package org.opennrm.cases.web;

import org.opennrm.cases.CaseRuleViolation;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.search.CaseQuery;
import org.opennrm.cases.search.CaseSearch;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The NRM's list of all cases, open and closed, and the search by reference or name (the search rules are in
 * {@link CaseSearch}; a search text that is too long is answered on the page, next to the field).
 */
@Controller
class CaseListController {

    private final CaseSearch search;

    CaseListController(CaseSearch search) {
        this.search = search;
    }

    @GetMapping("/cases")
    @PreAuthorize("hasAuthority('cases:read:all')")
    String list(
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        var query = new CaseQuery(text, status, page);
        model.addAttribute("query", query);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("textLimit", CaseQuery.TEXT_LIMIT);
        try {
            var found = search.find(query);
            boolean more = found.size() > CaseSearch.PAGE;
            model.addAttribute("cases", more ? found.subList(0, CaseSearch.PAGE) : found);
            model.addAttribute("more", more);
        } catch (CaseRuleViolation refused) {
            model.addAttribute("cases", java.util.List.of());
            model.addAttribute("more", false);
            model.addAttribute("textError", refused.messageKey());
        }
        return "cases/list";
    }
}
