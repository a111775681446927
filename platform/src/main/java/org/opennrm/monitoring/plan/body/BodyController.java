package org.opennrm.monitoring.plan.body;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.opennrm.monitoring.plan.ActionPlans;
import org.opennrm.monitoring.plan.Measure;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The co-ordinating body's pages: its members and meetings, a meeting with its minutes, decisions and action items;
 * the co-ordinator's forms post back to them and a refused entry comes back with its field message and what was
 * typed.
 */
@Controller
@RequestMapping("/plans/body")
class BodyController {

    private final CoordinatingBody body;
    private final ActionPlans plans;
    private final OrganisationRegistry registry;

    BodyController(CoordinatingBody body, ActionPlans plans, OrganisationRegistry registry) {
        this.body = body;
        this.plans = plans;
        this.registry = registry;
    }

    @GetMapping
    @PreAuthorize(CoordinatingBody.READ)
    String page(Model model) {
        return bodyPage(model, Map.of(), Map.of());
    }

    @PostMapping("/members")
    @PreAuthorize(CoordinatingBody.MANAGE)
    String addMember(
            @RequestParam(required = false) String organisationId,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String representative,
            @RequestParam(required = false) String representativeFunction,
            @RequestParam(required = false) String representativeEmail,
            Model model,
            RedirectAttributes redirect) {
        try {
            body.addMember(
                    uuid(organisationId),
                    role(role),
                    new Representative(representative, representativeFunction, representativeEmail));
        } catch (BodyRefused e) {
            return bodyPage(
                    model,
                    Map.of(e.field(), e.label()),
                    typed(
                            "organisationId",
                            organisationId,
                            "role",
                            role,
                            "representative",
                            representative,
                            "representativeFunction",
                            representativeFunction,
                            "representativeEmail",
                            representativeEmail));
        }
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/plans/body";
    }

    @PostMapping("/members/{organisationId}/remove")
    @PreAuthorize(CoordinatingBody.MANAGE)
    String removeMember(@PathVariable UUID organisationId, RedirectAttributes redirect) {
        body.removeMember(organisationId);
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/plans/body";
    }

    @PostMapping("/meetings")
    @PreAuthorize(CoordinatingBody.MANAGE)
    String recordMeeting(
            @RequestParam(required = false) String heldOn,
            @RequestParam(required = false) String agenda,
            Model model,
            RedirectAttributes redirect) {
        try {
            var meeting = body.recordMeeting(date(heldOn), agenda);
            redirect.addFlashAttribute("flash", "flash.saved");
            return "redirect:/plans/body/meetings/" + meeting.id();
        } catch (BodyRefused e) {
            return bodyPage(model, Map.of(e.field(), e.label()), typed("heldOn", heldOn, "agenda", agenda));
        }
    }

    @GetMapping("/meetings/{id}")
    @PreAuthorize(CoordinatingBody.READ)
    String meeting(@PathVariable UUID id, Model model) {
        return meetingPage(id, model, Map.of(), Map.of());
    }

    @PostMapping("/meetings/{id}/minutes")
    @PreAuthorize(CoordinatingBody.MANAGE)
    String minutes(
            @PathVariable UUID id,
            @RequestParam(required = false) String minutes,
            @RequestParam(required = false) String decisions,
            @RequestParam(required = false) Integer version,
            Model model,
            RedirectAttributes redirect) {
        try {
            // a form without its version (an old page) is taken as made on the first version: never an overwrite
            body.recordMinutes(id, minutes, decisions, version == null ? 0 : version);
        } catch (BodyRefused e) {
            return meetingPage(
                    id, model, Map.of(e.field(), e.label()), typed("minutes", minutes, "decisions", decisions));
        } catch (MinutesChanged e) {
            // the saved minutes show above the form; what this person wrote stays in it, to merge and save again
            return meetingPage(
                    id,
                    model,
                    Map.of("minutes", "plan.body.meeting.changed"),
                    typed("minutes", minutes, "decisions", decisions));
        }
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/plans/body/meetings/" + id;
    }

    @PostMapping("/meetings/{id}/actions")
    @PreAuthorize(CoordinatingBody.MANAGE)
    String decide(
            @PathVariable UUID id,
            @RequestParam(required = false) String what,
            @RequestParam(required = false) String organisationId,
            @RequestParam(required = false) String dueOn,
            @RequestParam(required = false) String measureId,
            Model model,
            RedirectAttributes redirect) {
        try {
            body.decide(id, what, uuid(organisationId), date(dueOn), uuid(measureId));
        } catch (BodyRefused e) {
            var typed =
                    new HashMap<String, String>(typed("what", what, "organisationId", organisationId, "dueOn", dueOn));
            typed.put("measureId", measureId == null ? "" : measureId);
            return meetingPage(id, model, Map.of(e.field(), e.label()), typed);
        }
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/plans/body/meetings/" + id;
    }

    @PostMapping("/actions/{actionId}/done")
    @PreAuthorize(CoordinatingBody.MANAGE)
    String done(@PathVariable UUID actionId, RedirectAttributes redirect) {
        var item = body.markDone(actionId);
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/plans/body/meetings/" + item.meetingId() + "#action-" + actionId;
    }

    private String bodyPage(Model model, Map<String, String> errors, Map<String, String> typed) {
        model.addAttribute("members", body.members());
        model.addAttribute("meetings", body.meetings());
        model.addAttribute("organisations", organisationsById());
        model.addAttribute("roles", BodyRole.values());
        model.addAttribute("mayManage", plans.mayManage());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("invalid", !errors.isEmpty());
        return "plan/body";
    }

    private String meetingPage(UUID id, Model model, Map<String, String> errors, Map<String, String> typed) {
        var meeting = body.meeting(id);
        boolean manage = plans.mayManage();
        model.addAttribute("meeting", meeting);
        model.addAttribute("actions", body.actionsOf(id));
        model.addAttribute("members", body.members());
        model.addAttribute("organisations", organisationsById());
        model.addAttribute("measures", manage ? measures() : Map.of());
        model.addAttribute("today", body.today());
        model.addAttribute("mayManage", manage);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("invalid", !errors.isEmpty());
        return "plan/body-meeting";
    }

    /** Every measure of every plan, by id, to link an action item to (the co-ordinator reads them all). */
    private Map<UUID, Measure> measures() {
        var byId = new LinkedHashMap<UUID, Measure>();
        for (var plan : plans.plans()) {
            var overview = plans.overview(plan.id());
            overview.objectives().forEach(objective -> overview.measuresOf(objective)
                    .forEach(measure -> byId.put(measure.id(), measure)));
        }
        return byId;
    }

    private Map<UUID, Organisation> organisationsById() {
        var byId = new LinkedHashMap<UUID, Organisation>();
        registry.all().forEach(organisation -> byId.put(organisation.id(), organisation));
        return byId;
    }

    private static Map<String, String> typed(String... namesAndValues) {
        var typed = new HashMap<String, String>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            typed.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return typed;
    }

    private static UUID uuid(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BodyRole role(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return BodyRole.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
