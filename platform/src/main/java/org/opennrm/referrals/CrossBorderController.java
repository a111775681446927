package org.opennrm.referrals;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseRuleViolation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of cross-border referrals: export a signed package of a case; receive, review and import packages. */
@Controller
class CrossBorderController {

    private final CrossBorderReferrals crossBorder;
    private final org.opennrm.cases.CaseManagement cases;

    CrossBorderController(CrossBorderReferrals crossBorder, org.opennrm.cases.CaseManagement cases) {
        this.crossBorder = crossBorder;
        this.cases = cases;
    }

    @PostMapping("/cases/{id}/cross-border")
    @PreAuthorize("hasAuthority('cases:write:all')")
    Object export(
            @PathVariable UUID id,
            @RequestParam(required = false) String receiverCountry,
            @RequestParam(required = false) String purpose,
            RedirectAttributes redirect) {
        try {
            var signed = crossBorder.export(CaseId.of(id), receiverCountry, purpose);
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename("nrm-package-" + id + ".json")
                                    .build()
                                    .toString())
                    .body(signed.getBytes(StandardCharsets.UTF_8));
        } catch (ServiceReferralRefused refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
            return "redirect:/cases/" + id + "/service-referrals";
        }
    }

    @GetMapping("/referrals/cross-border")
    @PreAuthorize("hasAuthority('cases:write:all')")
    String received(Model model, java.util.Locale locale) {
        model.addAttribute("packages", crossBorder.received());
        // packages carry HTCDS codes: the page names countries in the reader's language
        model.addAttribute("countryNames", cases.codeLists().countryNames(locale));
        model.addAttribute("sent", crossBorder.sent());
        model.addAttribute("guardians", crossBorder.guardians());
        model.addAttribute("country", crossBorder.country());
        model.addAttribute("fingerprint", crossBorder.fingerprint());
        return "referrals/service-cross-border";
    }

    @PostMapping("/referrals/cross-border")
    @PreAuthorize("hasAuthority('cases:write:all')")
    String receive(@RequestParam(required = false) MultipartFile packageFile, RedirectAttributes redirect) {
        try {
            if (packageFile != null && packageFile.getSize() > PackageSignatures.MOST_CHARACTERS * 4L) {
                // not read into memory: no package is this large
                throw new ServiceReferralRefused("crossBorder.unreadable", "This is not a cross-border package.");
            }
            String text = packageFile == null || packageFile.isEmpty()
                    ? ""
                    : new String(packageFile.getBytes(), StandardCharsets.UTF_8);
            crossBorder.receive(text);
            redirect.addFlashAttribute("flash", "crossBorder.flash.received");
        } catch (ServiceReferralRefused refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        } catch (java.io.IOException e) {
            redirect.addFlashAttribute("refused", "crossBorder.unreadable");
        }
        return "redirect:/referrals/cross-border";
    }

    @PostMapping("/referrals/cross-border/notices")
    @PreAuthorize("hasAuthority('cases:write:all')")
    String readNotice(@RequestParam(required = false) MultipartFile noticeFile, RedirectAttributes redirect) {
        try {
            if (noticeFile != null && noticeFile.getSize() > PackageSignatures.MOST_CHARACTERS * 4L) {
                throw new ServiceReferralRefused(
                        "crossBorder.notice.unreadable", "This is not a notice from another NRM.");
            }
            String text = noticeFile == null || noticeFile.isEmpty()
                    ? ""
                    : new String(noticeFile.getBytes(), StandardCharsets.UTF_8);
            var answered = crossBorder.readNotice(text);
            redirect.addFlashAttribute("flash", "crossBorder.flash.noticeRead." + answered.outcome());
        } catch (ServiceReferralRefused refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        } catch (java.io.IOException e) {
            redirect.addFlashAttribute("refused", "crossBorder.notice.unreadable");
        }
        return "redirect:/referrals/cross-border";
    }

    @PostMapping("/referrals/cross-border/{packageId}/import")
    @PreAuthorize("hasAuthority('cases:write:all')")
    String importIt(
            @PathVariable UUID packageId,
            @RequestParam(required = false) UUID guardianAccountId,
            RedirectAttributes redirect) {
        try {
            var opened = crossBorder.importAsReferral(packageId, guardianAccountId);
            redirect.addFlashAttribute("flash", "crossBorder.flash.imported");
            redirect.addFlashAttribute("openedReference", opened.reference());
        } catch (ServiceReferralRefused refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        } catch (CaseRuleViolation refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/referrals/cross-border";
    }

    @PostMapping("/referrals/cross-border/{packageId}/reject")
    @PreAuthorize("hasAuthority('cases:write:all')")
    String reject(
            @PathVariable UUID packageId, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            crossBorder.reject(packageId, reason);
            redirect.addFlashAttribute("flash", "crossBorder.flash.rejected");
        } catch (ServiceReferralRefused refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/referrals/cross-border";
    }

    @GetMapping("/referrals/cross-border/{packageId}/notice")
    @PreAuthorize("hasAuthority('cases:write:all')")
    ResponseEntity<byte[]> notice(@PathVariable UUID packageId) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("nrm-notice-" + packageId + ".json")
                                .build()
                                .toString())
                .body(crossBorder.notice(packageId).getBytes(StandardCharsets.UTF_8));
    }
}
