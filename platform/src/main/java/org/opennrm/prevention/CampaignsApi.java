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

    CampaignsApi(Campaigns campaigns, MessageSource messages) {
        this.campaigns = campaigns;
        this.messages = messages;
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
