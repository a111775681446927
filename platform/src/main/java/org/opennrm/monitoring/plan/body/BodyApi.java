package org.opennrm.monitoring.plan.body;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The co-ordinating body over HTTP, for the co-ordinator's own tools and the plan's readers: members with their
 * representatives, meetings with minutes and decisions, action items and what is due. Errors are problem details
 * (RFC 9457): 400 for a broken rule naming the field, 403 without the permission, 404 for an unknown id, 409 for
 * minutes saved by someone else since the version sent.
 */
@RestController
@RequestMapping("/api/v1/plan-body")
@Tag(name = "Co-ordinating body", description = "Members, meetings, minutes and action items of the co-ordinating body")
class BodyApi {

    private final CoordinatingBody body;

    BodyApi(CoordinatingBody body) {
        this.body = body;
    }

    /** An organisation to seat, its role (CHAIR, MEMBER, OBSERVER) and, optionally, its representative. */
    record MemberRequest(
            @NotNull UUID organisationId,
            @NotNull BodyRole role,
            @Size(max = Representative.NAME_LENGTH) String representative,
            @Size(max = Representative.NAME_LENGTH) String representativeFunction,
            @Size(max = Representative.EMAIL_LENGTH) String representativeEmail) {}

    record MeetingRequest(
            @NotNull LocalDate heldOn,
            @NotNull @Size(max = Meeting.AGENDA_LENGTH) String agenda) {}

    /** The minutes and decisions, made on the version of the meeting read. */
    record MinutesRequest(
            @Size(max = Meeting.MINUTES_LENGTH) String minutes,
            @Size(max = Meeting.MINUTES_LENGTH) String decisions,
            @NotNull Integer version) {}

    record ActionRequest(
            @NotNull @Size(max = ActionItem.WHAT_LENGTH) String what,
            @NotNull UUID organisationId,
            @NotNull LocalDate dueOn,
            UUID measureId) {}

    /** A meeting with the action items it decided. */
    record MeetingAnswer(Meeting meeting, List<ActionItem> actions) {}

    @GetMapping("/members")
    @PreAuthorize(CoordinatingBody.READ)
    @Operation(summary = "The members, chair first, with their representatives")
    List<BodyMember> members() {
        return body.members();
    }

    @PostMapping("/members")
    @PreAuthorize(CoordinatingBody.MANAGE)
    @Operation(
            summary = "Seat an organisation of the registry, or change its role and representative",
            description = "A representative's function or e-mail needs their name.")
    BodyMember seat(@Valid @RequestBody MemberRequest request) {
        return body.addMember(
                request.organisationId(),
                request.role(),
                new Representative(
                        request.representative(), request.representativeFunction(), request.representativeEmail()));
    }

    @DeleteMapping("/members/{organisationId}")
    @PreAuthorize(CoordinatingBody.MANAGE)
    @Operation(summary = "Remove an organisation from the body; its action items stay")
    ResponseEntity<Void> remove(@PathVariable UUID organisationId) {
        body.removeMember(organisationId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/meetings")
    @PreAuthorize(CoordinatingBody.READ)
    @Operation(summary = "The meetings, latest first")
    List<Meeting> meetings() {
        return body.meetings();
    }

    @PostMapping("/meetings")
    @PreAuthorize(CoordinatingBody.MANAGE)
    @Operation(summary = "Record a meeting with its agenda")
    ResponseEntity<Meeting> recordMeeting(@Valid @RequestBody MeetingRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(body.recordMeeting(request.heldOn(), request.agenda()));
    }

    @GetMapping("/meetings/{id}")
    @PreAuthorize(CoordinatingBody.READ)
    @Operation(summary = "A meeting with its minutes, decisions and action items")
    MeetingAnswer meeting(@PathVariable UUID id) {
        return new MeetingAnswer(body.meeting(id), body.actionsOf(id));
    }

    @PutMapping("/meetings/{id}/minutes")
    @PreAuthorize(CoordinatingBody.MANAGE)
    @Operation(
            summary = "Save the minutes and decisions of a meeting",
            description = "Send the meeting's version you read; 409 when someone saved the minutes since.")
    Meeting minutes(@PathVariable UUID id, @Valid @RequestBody MinutesRequest request) {
        return body.recordMinutes(id, request.minutes(), request.decisions(), request.version());
    }

    @PostMapping("/meetings/{id}/actions")
    @PreAuthorize(CoordinatingBody.MANAGE)
    @Operation(
            summary = "Record an action item the meeting decided",
            description = "Assigned to a member organisation, due not before the meeting, optionally answering a"
                    + " measure of the plan.")
    ResponseEntity<ActionItem> decide(@PathVariable UUID id, @Valid @RequestBody ActionRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(body.decide(id, request.what(), request.organisationId(), request.dueOn(), request.measureId()));
    }

    @PostMapping("/actions/{actionId}/done")
    @PreAuthorize(CoordinatingBody.MANAGE)
    @Operation(summary = "Mark an action item done today (again: the first day stays)")
    ActionItem done(@PathVariable UUID actionId) {
        return body.markDone(actionId);
    }

    /** A broken rule names its field, as the forms do. */
    @ExceptionHandler(BodyRefused.class)
    ProblemDetail refused(BodyRefused e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Not possible");
        problem.setType(java.net.URI.create("urn:opennrm:problem:BodyRefused"));
        problem.setProperty("errors", List.of(java.util.Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }

    @GetMapping("/actions/due")
    @PreAuthorize(CoordinatingBody.READ)
    @Operation(summary = "Open action items overdue or due within 14 days, soonest first")
    List<ActionItem> due() {
        return body.dueAndOverdue();
    }
}
