package org.opennrm.prevention;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The campaign register's pages: the list, the registration form, and a campaign. */
@Controller
class CampaignsController {

    private final Campaigns campaigns;
    private final Surveys surveys;
    private final OrganisationRegistry organisations;
    private final CampaignTimeSeries timeSeries;

    private final org.springframework.context.MessageSource messages;

    CampaignsController(
            Campaigns campaigns,
            Surveys surveys,
            OrganisationRegistry organisations,
            CampaignTimeSeries timeSeries,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.timeSeries = timeSeries;
        this.campaigns = campaigns;
        this.surveys = surveys;
        this.organisations = organisations;
    }

    @GetMapping("/prevention/campaigns")
    @PreAuthorize(PreventionAccess.READ)
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.all());
        model.addAttribute("organisationNames", organisationNames());
        return "prevention/campaigns";
    }

    @GetMapping("/prevention/campaigns/new")
    @PreAuthorize(PreventionAccess.MANAGE_CAMPAIGNS)
    String form(Model model) {
        return form(new CampaignForm(), Map.of(), model);
    }

    @PostMapping("/prevention/campaigns")
    @PreAuthorize(PreventionAccess.MANAGE_CAMPAIGNS)
    String register(@ModelAttribute("form") CampaignForm form, Model model, HttpServletResponse response) {
        Map<String, String> unreadable = new LinkedHashMap<>();
        try {
            Campaign campaign = campaigns.register(form.details(unreadable), unreadable);
            return "redirect:/prevention/campaigns/" + campaign.id() + "?registered";
        } catch (CampaignInvalid e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(form, e.fields(), model);
        }
    }

    @GetMapping("/prevention/campaigns/{id}")
    @PreAuthorize(PreventionAccess.READ)
    String campaign(@PathVariable UUID id, Model model) {
        return campaignPage(id, model);
    }

    /** Imports a survey file (uploaded, or pasted) whole, or shows every problem with its line and keeps the text. */
    @PostMapping("/prevention/campaigns/{id}/surveys")
    @PreAuthorize(PreventionAccess.MANAGE_CAMPAIGNS)
    String importSurvey(
            @PathVariable UUID id,
            @org.springframework.web.bind.annotation.RequestParam(name = "file", required = false)
                    org.springframework.web.multipart.MultipartFile file,
            @org.springframework.web.bind.annotation.RequestParam(name = "survey", required = false) String pasted,
            @org.springframework.web.bind.annotation.RequestParam(name = "strata", required = false) String strata,
            Model model,
            HttpServletResponse response,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect)
            throws java.io.IOException {
        String text = file != null && !file.isEmpty()
                ? new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8)
                : pasted;
        try {
            var survey = surveys.importSurvey(id, text, strata);
            redirect.addFlashAttribute("imported", survey.respondents());
            return "redirect:/prevention/campaigns/" + id;
        } catch (SurveyInvalid e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("surveyProblems", e.problems());
            model.addAttribute("moreProblems", e.more());
            model.addAttribute("surveyText", text == null || text.length() > 200_000 ? "" : text);
            model.addAttribute("strataText", strata);
            return campaignPage(id, model);
        }
    }

    @GetMapping("/prevention/campaigns/{id}/results")
    @PreAuthorize(PreventionAccess.READ)
    String results(@PathVariable UUID id, Model model) {
        model.addAttribute("campaign", campaigns.get(id));
        model.addAttribute("surveys", surveys.of(id));
        model.addAttribute("result", surveys.result(id));
        return "prevention/campaign-results";
    }

    /**
     * Reads a count series (uploaded, or pasted) against the campaign's start: the results page with the interrupted
     * time series, or with the reason the series cannot be read (too short, not consecutive) and the text kept.
     */
    @PostMapping("/prevention/campaigns/{id}/interrupted-time-series")
    @PreAuthorize(PreventionAccess.READ)
    String interruptedTimeSeries(
            @PathVariable UUID id,
            @org.springframework.web.bind.annotation.RequestParam(name = "file", required = false)
                    org.springframework.web.multipart.MultipartFile file,
            @org.springframework.web.bind.annotation.RequestParam(name = "series", required = false) String pasted,
            Model model,
            HttpServletResponse response,
            java.util.Locale locale)
            throws java.io.IOException {
        String text = file != null && !file.isEmpty()
                ? new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8)
                : pasted;
        try {
            model.addAttribute("its", timeSeries.estimate(id, text == null ? "" : text));
        } catch (org.opennrm.RuleViolation refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            refused.showOn(model, "itsProblem", messages, locale);
        }
        model.addAttribute("seriesText", text == null || text.length() > 100_000 ? "" : text);
        return results(id, model);
    }

    private String campaignPage(UUID id, Model model) {
        Campaign campaign = campaigns.get(id);
        model.addAttribute("surveys", surveys.of(id));
        model.addAttribute("campaign", campaign);
        model.addAttribute(
                "organisationName",
                organisations
                        .find(campaign.organisationId())
                        .map(Organisation::name)
                        .orElse(""));
        return "prevention/campaign";
    }

    private String form(CampaignForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("organisations", organisationNames());
        model.addAttribute("regions", campaigns.regions());
        model.addAttribute("channels", Channel.values());
        return "prevention/campaign-form";
    }

    private Map<UUID, String> organisationNames() {
        var names = new LinkedHashMap<UUID, String>();
        organisations.all().stream()
                .sorted(java.util.Comparator.comparing(Organisation::name))
                .forEach(organisation -> names.put(organisation.id(), organisation.name()));
        return names;
    }
}
