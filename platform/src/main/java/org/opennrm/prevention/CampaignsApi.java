package org.opennrm.prevention;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The campaign register over HTTP. A campaign that cannot be registered answers 400 with every field to change. */
@RestController
@RequestMapping("/api/v1/prevention/campaigns")
@Tag(name = "Prevention", description = "The register of prevention campaigns")
class CampaignsApi {

    private final Campaigns campaigns;
    private final MessageSource messages;
    private final Surveys surveys;
    private final CampaignTimeSeries timeSeries;

    CampaignsApi(Campaigns campaigns, MessageSource messages, Surveys surveys, CampaignTimeSeries timeSeries) {
        this.campaigns = campaigns;
        this.messages = messages;
        this.surveys = surveys;
        this.timeSeries = timeSeries;
    }

    @GetMapping
    @PreAuthorize(PreventionAccess.READ)
    @Operation(summary = "The registered campaigns, the latest start first (at most 1,000)")
    List<Campaign> all() {
        return campaigns.all();
    }

    @GetMapping("/{id}")
    @PreAuthorize(PreventionAccess.READ)
    @Operation(summary = "One campaign; 404 when there is none")
    Campaign one(@PathVariable UUID id) {
        return campaigns.get(id);
    }

    @PostMapping
    @PreAuthorize(PreventionAccess.MANAGE_CAMPAIGNS)
    @Operation(
            summary = "Register a campaign",
            description = "Body: name, organisationId (a registered organisation), audience, regions (at least one,"
                    + " each a region a registered organisation serves), startsOn and endsOn (ISO dates, the end not"
                    + " before the start, at most ten years), channels (at least one of TELEVISION, RADIO, PRINT,"
                    + " SOCIAL_MEDIA, ONLINE_ADVERTISING, OUTDOOR, SCHOOLS, COMMUNITY_EVENTS, WORKPLACES,"
                    + " HOTLINE_PROMOTION, OTHER), messages, cost (zero or more, two decimals at most), currency (ISO"
                    + " 4217, EUR when absent). Answers 201 with the campaign, or 400 (urn:opennrm:problem:"
                    + "CampaignInvalid) with errors: one {field, message} per field to change.")
    ResponseEntity<Campaign> register(@RequestBody CampaignDetails details) {
        Campaign campaign = campaigns.register(details);
        return ResponseEntity.created(URI.create("/api/v1/prevention/campaigns/" + campaign.id()))
                .body(campaign);
    }

    @PostMapping("/{id}/surveys")
    @PreAuthorize(PreventionAccess.MANAGE_CAMPAIGNS)
    @Operation(
            summary = "Import a wave of the campaign's knowledge-attitude-practice survey",
            description = "Body: the survey microdata as text/csv (respondent, wave BEFORE or AFTER, area CAMPAIGN or"
                    + " COMPARISON, stratum, cluster, weight, then one 0/1 column per measure; no identity); the"
                    + " query parameter strata lists each stratum's population (stratum=count, one per line) when"
                    + " the design has them. Whole or not at all: 400 (urn:opennrm:problem:SurveyInvalid) with"
                    + " problems, each with its line and message.")
    ResponseEntity<Surveys.Survey> importSurvey(
            @PathVariable UUID id,
            @org.springframework.web.bind.annotation.RequestParam(name = "strata", required = false) String strata,
            jakarta.servlet.http.HttpServletRequest request)
            throws java.io.IOException {
        String csv = new String(
                request.getInputStream().readNBytes(8 * 1024 * 1024 + 1), java.nio.charset.StandardCharsets.UTF_8);
        var survey = surveys.importSurvey(id, csv, strata);
        return ResponseEntity.status(HttpStatus.CREATED).body(survey);
    }

    @GetMapping("/{id}/results")
    @PreAuthorize(PreventionAccess.READ)
    @Operation(
            summary = "What the campaign's surveys show",
            description = "Per measure: design-based estimates before and after, in campaign and comparison areas,"
                    + " the change and the difference in differences with 95% intervals, and the conclusions as"
                    + " label keys with their arguments; an estimate on too little data has no number.")
    CampaignResult results(@PathVariable UUID id) {
        return surveys.result(id);
    }

    @PostMapping("/{id}/interrupted-time-series")
    @PreAuthorize(PreventionAccess.READ)
    @Operation(
            summary = "Interrupted time series of a count series against the campaign's start",
            description = "Body: text/csv with the header period,value, one row per consecutive quarter (2021-Q3) or"
                    + " month (2021-07), or a multipart upload in the part 'file'. Answers the change in level at"
                    + " the campaign's first period and the change of trend per period after it, each with its 95%"
                    + " interval and p-value, the last period's observed value and counterfactual, and a conclusion"
                    + " (CHANGE_UP, CHANGE_DOWN or NO_CLEAR_CHANGE). Prais-Winsten regression with seasons. 400 for"
                    + " fewer than 8 periods before the start or 4 after, or a series that is not consecutive counts.")
    InterruptedTimeSeries.Result interruptedTimeSeries(
            @PathVariable UUID id,
            @org.springframework.web.bind.annotation.RequestParam(name = "file", required = false)
                    org.springframework.web.multipart.MultipartFile file,
            jakarta.servlet.http.HttpServletRequest request)
            throws java.io.IOException {
        byte[] body =
                file != null ? file.getBytes() : request.getInputStream().readNBytes(SeriesCsv.MAX_CHARACTERS * 4 + 1);
        return timeSeries.estimate(id, new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    @ExceptionHandler(SurveyInvalid.class)
    ProblemDetail invalidSurvey(SurveyInvalid e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The survey file is not imported: nothing was stored. Fix the lines below.");
        problem.setTitle("Not possible");
        problem.setType(URI.create("urn:opennrm:problem:SurveyInvalid"));
        problem.setProperty(
                "problems",
                e.problems().stream()
                        .map(found -> Map.of(
                                "line",
                                found.line(),
                                "message",
                                messages.getMessage(
                                        found.key(), found.messageArguments(), found.key(), Locale.ENGLISH)))
                        .toList());
        if (e.more() > 0) {
            problem.setProperty("more", e.more());
        }
        return problem;
    }

    @ExceptionHandler(CampaignInvalid.class)
    ProblemDetail invalid(CampaignInvalid e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The campaign cannot be registered: some fields are missing or invalid.");
        problem.setTitle("Not possible");
        problem.setType(URI.create("urn:opennrm:problem:CampaignInvalid"));
        problem.setProperty(
                "errors",
                e.fields().entrySet().stream()
                        .map(field -> Map.of(
                                "field",
                                field.getKey(),
                                "message",
                                messages.getMessage(field.getValue(), null, Locale.ENGLISH)))
                        .toList());
        return problem;
    }
}
