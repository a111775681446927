package org.opennrm.cases.exchange;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.opennrm.cases.CaseStatus;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The page of HTCDS exports: choose the cases, the receiving organisation and whether identity is included, see
 * how many cases the file will hold and how many are left out and why, then download it.
 */
@Controller
@RequestMapping("/exports/htcds")
class HtcdsExportController {

    static final String PAGE = "cases/htcds-export";

    private final HtcdsExport export;
    private final Clock clock;

    HtcdsExportController(HtcdsExport export, Clock clock) {
        this.export = export;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(HtcdsExport.EXPORT)
    String page(@ModelAttribute("form") HtcdsExportForm form, Model model, HttpServletResponse response) {
        choices(model);
        if (form.preview() != null) {
            try {
                model.addAttribute("summary", export.preview(form.request()));
            } catch (HtcdsExportInvalid invalid) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("invalid", invalid.messageKey());
            }
        }
        return PAGE;
    }

    @GetMapping("/download")
    @PreAuthorize(HtcdsExport.EXPORT)
    String download(@ModelAttribute("form") HtcdsExportForm form, Model model, HttpServletResponse response)
            throws IOException {
        try {
            var request = form.request();
            export.export(request, summary -> {
                response.setContentType(request.format().mediaType() + ";charset=UTF-8");
                response.setHeader(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(HtcdsExportApi.fileName(request, LocalDate.now(clock)))
                                .build()
                                .toString());
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                return response.getOutputStream();
            });
            // the file is the answer
            return null;
        } catch (HtcdsExportInvalid invalid) {
            // refused before anything was written
            choices(model);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("invalid", invalid.messageKey());
            return PAGE;
        }
    }

    private void choices(Model model) {
        model.addAttribute("receivers", export.receivers());
        model.addAttribute("regions", export.regions());
        model.addAttribute("statuses", CaseStatus.values());
    }
}
