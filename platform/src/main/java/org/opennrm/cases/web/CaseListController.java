package org.opennrm.cases.web;

import java.util.Comparator;
import java.util.UUID;
import org.opennrm.cases.CaseRuleViolation;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.Stage;
import org.opennrm.cases.search.CaseDue;
import org.opennrm.cases.search.CaseQuery;
import org.opennrm.cases.search.CaseSearch;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The NRM's list of all cases, open and closed, its filters, and the search by reference, name or date of birth
 * (the search rules are in {@link CaseSearch}; a search text that is too long, or a date that is not one, is
 * answered on the page, next to the field).
 */
@Controller
class CaseListController {

    /** What the list's form sends; every part may be missing. */
    record CaseListForm(
            String q, CaseStatus status, Stage stage, UUID organisation, CaseDue due, Boolean mine, Integer page) {

        CaseQuery query() {
            return new CaseQuery(
                    q, status, stage, organisation, due, Boolean.TRUE.equals(mine), page == null ? 0 : page);
        }
    }

    private final CaseSearch search;
    private final OrganisationRegistry organisations;

    CaseListController(CaseSearch search, OrganisationRegistry organisations) {
        this.search = search;
        this.organisations = organisations;
    }

    @GetMapping("/cases")
    @PreAuthorize("hasAuthority('cases:read:all')")
    String list(@ModelAttribute("form") CaseListForm form, Model model) {
        var query = form.query();
        model.addAttribute("query", query);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("stages", Stage.values());
        model.addAttribute("dues", CaseDue.values());
        model.addAttribute(
                "organisations",
                organisations.all().stream()
                        .sorted(Comparator.comparing(Organisation::name))
                        .toList());
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
