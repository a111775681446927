package org.opennrm.referrals;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opennrm.access.Actor;
import org.opennrm.access.Permission;
import org.opennrm.access.Scope;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.SharingScope;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.OrganisationStatus;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of referrals to services: the NRM's list and form on a case, and the receiver's incoming referrals and
 * shared view with accept, decline and complete.
 */
@Controller
class ServiceReferralController {

    private final ServiceReferrals referrals;
    private final CaseManagement cases;
    private final OrganisationRegistry organisations;

    ServiceReferralController(ServiceReferrals referrals, CaseManagement cases, OrganisationRegistry organisations) {
        this.referrals = referrals;
        this.cases = cases;
        this.organisations = organisations;
    }

    // --- the NRM

    @GetMapping("/cases/{id}/service-referrals")
    @PreAuthorize("hasAuthority('cases:read:all')")
    String ofCase(@PathVariable UUID id, Model model) {
        var caseId = CaseId.of(id);
        var summary = cases.summary(caseId).orElseThrow(() -> new org.opennrm.RecordNotFound("case", caseId));
        model.addAttribute("summary", summary);
        model.addAttribute("referrals", referrals.ofCase(caseId));
        model.addAttribute("transfers", referrals.transfersOf(caseId));
        model.addAttribute("owner", referrals.owner(caseId).orElse(null));
        model.addAttribute("names", organisationNames());
        model.addAttribute(
                "providers",
                organisations.all().stream()
                        .filter(organisation -> organisation.status() == OrganisationStatus.ACTIVE
                                && organisation.nrmRoles().contains(NrmRole.SERVICE_PROVIDER))
                        .toList());
        model.addAttribute(
                "activeOrganisations",
                organisations.all().stream()
                        .filter(organisation -> organisation.status() == OrganisationStatus.ACTIVE)
                        .toList());
        model.addAttribute(
                "consented",
                organisations.all().stream()
                        .filter(organisation -> cases.sharingAllowed(caseId, organisation.id()))
                        .map(organisation -> organisation.id())
                        .toList());
        model.addAttribute("scopes", SharingScope.values());
        model.addAttribute("grounds", OverrideGround.values());
        model.addAttribute(
                "mayOverride",
                Actor.current()
                        .map(actor -> actor.can(Permission.SHARING_OVERRIDE, Scope.ALL))
                        .orElse(false));
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    new ServiceReferralRequest(null, null, Set.of(SharingScope.IDENTITY_BASIC), null, null, null));
        }
        return "referrals/service-case";
    }

    @PostMapping("/cases/{id}/service-referrals")
    @PreAuthorize("hasAuthority('cases:write:all')")
    String send(
            @PathVariable UUID id, @ModelAttribute("form") ServiceReferralRequest form, RedirectAttributes redirect) {
        try {
            referrals.send(CaseId.of(id), form);
            redirect.addFlashAttribute("flash", "serviceReferral.flash.sent");
        } catch (ServiceReferralRefused refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
            redirect.addFlashAttribute("form", form.withoutTexts());
        }
        return "redirect:/cases/" + id + "/service-referrals";
    }

    @PostMapping("/cases/{id}/service-referrals/{referralId}/withdraw")
    @PreAuthorize("hasAuthority('cases:write:all')")
    String withdraw(@PathVariable UUID id, @PathVariable UUID referralId, RedirectAttributes redirect) {
        var referral = referrals.ofCase(CaseId.of(id)).stream()
                .filter(found -> found.id().equals(referralId))
                .findFirst()
                .orElseThrow(() -> new org.opennrm.RecordNotFound(ServiceReferrals.RECORD_TYPE, referralId));
        return act(
                redirect,
                "serviceReferral.flash.withdrawn",
                "/cases/" + id + "/service-referrals",
                () -> referrals.withdraw(referral.id()));
    }

    @PostMapping("/cases/{id}/transfers")
    @PreAuthorize("hasAuthority('cases:write:all')")
    String transfer(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID toOrganisationId,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "transfer.flash.done",
                "/cases/" + id + "/service-referrals",
                () -> referrals.transfer(CaseId.of(id), toOrganisationId, reason));
    }

    // --- the receiver

    @GetMapping("/services/referrals")
    @PreAuthorize("hasAuthority('cases:read:organisation')")
    String incoming(Model model) {
        model.addAttribute("referrals", referrals.incoming());
        model.addAttribute("names", organisationNames());
        return "referrals/service-incoming";
    }

    @GetMapping("/services/referrals/{referralId}")
    @PreAuthorize("hasAuthority('cases:read:organisation')")
    String view(@PathVariable UUID referralId, Model model, java.util.Locale locale) {
        var view = referrals.view(referralId);
        // languages shared are codes (ISO 639-2): the page names them in the reader's language
        model.addAttribute("languageNames", cases.codeLists().languageNames(locale));
        model.addAttribute("view", view);
        model.addAttribute("referral", view.referral());
        model.addAttribute("shared", view.sharedCase());
        model.addAttribute("names", organisationNames());
        if (view.accessInForce() && view.referral().scopes().contains(SharingScope.DOCUMENTS)) {
            model.addAttribute("documents", referrals.documents(referralId));
        }
        return "referrals/service-referral";
    }

    /** A document the referral shares: always a download, never cached, logged as a read before it is sent. */
    @GetMapping("/services/referrals/{referralId}/documents/{documentId}")
    @PreAuthorize("hasAuthority('cases:read:organisation')")
    ResponseEntity<byte[]> document(@PathVariable UUID referralId, @PathVariable UUID documentId) {
        var document = referrals.document(referralId, documentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.type().mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(document.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .cacheControl(CacheControl.noStore())
                .body(document.bytes());
    }

    @PostMapping("/services/referrals/{referralId}/accept")
    @PreAuthorize("hasAuthority('services:record:organisation')")
    String accept(@PathVariable UUID referralId, RedirectAttributes redirect) {
        return act(
                redirect,
                "serviceReferral.flash.accepted",
                "/services/referrals/" + referralId,
                () -> referrals.accept(referralId));
    }

    @PostMapping("/services/referrals/{referralId}/decline")
    @PreAuthorize("hasAuthority('services:record:organisation')")
    String decline(
            @PathVariable UUID referralId, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(
                redirect,
                "serviceReferral.flash.declined",
                "/services/referrals/" + referralId,
                () -> referrals.decline(referralId, reason));
    }

    @PostMapping("/services/referrals/{referralId}/complete")
    @PreAuthorize("hasAuthority('services:record:organisation')")
    String complete(@PathVariable UUID referralId, RedirectAttributes redirect) {
        return act(
                redirect,
                "serviceReferral.flash.completed",
                "/services/referrals/" + referralId,
                () -> referrals.complete(referralId));
    }

    private static String act(RedirectAttributes redirect, String done, String back, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", done);
        } catch (ServiceReferralRefused refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:" + back;
    }

    private Map<UUID, String> organisationNames() {
        var names = new HashMap<UUID, String>();
        organisations.all().forEach(organisation -> names.put(organisation.id(), organisation.name()));
        return names;
    }
}
