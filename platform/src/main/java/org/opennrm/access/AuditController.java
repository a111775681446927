package org.opennrm.access;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit trail for administrators: search it, and check that nobody changed a past entry. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasAuthority('audit:read:all')")
class AuditController {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final AuditSearch search;
    private final AuditVerification verification;
    private final OrganisationRegistry organisations;

    AuditController(AuditSearch search, AuditVerification verification, OrganisationRegistry organisations) {
        this.search = search;
        this.verification = verification;
        this.organisations = organisations;
    }

    /** What the search form holds, echoed back as typed. */
    record AuditForm(String recordType, String recordId, String account, String from, String to) {}

    /** One line of the table, ready to show. */
    record AuditRow(
            AuditEntry entry, String date, String clock, String organisation, String recordLink, String accountLink) {}

    @GetMapping
    String search(
            @RequestParam(required = false) String recordType,
            @RequestParam(required = false) String recordId,
            @RequestParam(required = false) String account,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("form", new AuditForm(recordType, recordId, account, from, to));
        AuditQuery query;
        try {
            query = AuditQuery.parse(recordType, recordId, account, from, to, page);
        } catch (AuditQueryInvalid invalid) {
            model.addAttribute("invalidField", invalid.field());
            model.addAttribute("invalidCode", invalid.code());
            return "access/audit";
        }
        var found = search.search(query);
        model.addAttribute("results", found);
        model.addAttribute("rows", rows(found.entries()));
        model.addAttribute("previousPage", found.hasPrevious() ? link(query, found.page() - 1) : null);
        model.addAttribute("nextPage", found.hasNext() ? link(query, found.page() + 1) : null);
        return "access/audit";
    }

    @GetMapping("/verify")
    String verifyForm() {
        return "access/audit-verify";
    }

    @PostMapping("/verify")
    String verify(Model model) {
        model.addAttribute("report", verification.verify());
        return "access/audit-verify";
    }

    private List<AuditRow> rows(List<AuditEntry> entries) {
        Map<UUID, String> names = new HashMap<>();
        return entries.stream()
                .map(entry -> new AuditRow(
                        entry,
                        DATE.format(entry.recordedAt()),
                        CLOCK.format(entry.recordedAt()),
                        entry.organisationId() == null
                                ? null
                                : names.computeIfAbsent(entry.organisationId(), this::organisationName),
                        entry.recordType() == null || entry.recordId() == null
                                ? null
                                : UriComponentsBuilder.fromPath("/audit")
                                        .queryParam("recordType", entry.recordType())
                                        .queryParam("recordId", entry.recordId())
                                        .encode()
                                        .toUriString(),
                        entry.accountId() == null
                                ? null
                                : UriComponentsBuilder.fromPath("/audit")
                                        .queryParam("account", entry.accountId())
                                        .encode()
                                        .toUriString()))
                .toList();
    }

    /** The same search on another page; only the filters that were given. */
    private static String link(AuditQuery query, int page) {
        var link = UriComponentsBuilder.fromPath("/audit");
        if (query.recordType() != null) {
            link.queryParam("recordType", query.recordType());
        }
        if (query.recordId() != null) {
            link.queryParam("recordId", query.recordId());
        }
        if (query.account() != null) {
            link.queryParam("account", query.account());
        }
        if (query.from() != null) {
            link.queryParam("from", query.from().toString());
        }
        if (query.until() != null) {
            // the end is kept exclusive in the query; as a time in a link it reads inclusive
            link.queryParam("to", query.until().minusNanos(1000).toString());
        }
        return link.queryParam("page", page).encode().toUriString();
    }

    private String organisationName(UUID id) {
        return organisations.find(id).map(Organisation::name).orElse(id.toString());
    }
}
