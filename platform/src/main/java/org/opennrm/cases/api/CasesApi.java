package org.opennrm.cases.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opennrm.cases.AgeAssessment;
import org.opennrm.cases.AgeCategory;
import org.opennrm.cases.BestInterestsAssessment;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseFile;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.ClosureReason;
import org.opennrm.cases.Consent;
import org.opennrm.cases.ConsentPurpose;
import org.opennrm.cases.Decision;
import org.opennrm.cases.DecisionKind;
import org.opennrm.cases.DecisionOutcome;
import org.opennrm.cases.DecisionRequest;
import org.opennrm.cases.DueKind;
import org.opennrm.cases.GuardianAppointment;
import org.opennrm.cases.PersonIdentity;
import org.opennrm.cases.Review;
import org.opennrm.cases.ReviewOutcome;
import org.opennrm.cases.ReviewRequest;
import org.opennrm.cases.Stage;
import org.opennrm.cases.TimelineEvent;
import org.opennrm.cases.TraffickingProfile;
import org.opennrm.cases.queue.QueueEntry;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The NRM's cases through the API: the queue, a case file (each read logged; 404 for whoever may not read it),
 * identification decisions, reviews, and withdrawal of consent. Rules broken give a 400 problem naming the
 * rule; a version that is no longer current gives 409.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "The NRM queue, case files, identification decisions, reviews, consent")
class CasesApi {

    private final CaseManagement cases;

    CasesApi(CaseManagement cases) {
        this.cases = cases;
    }

    @GetMapping("/queue")
    @PreAuthorize("hasAuthority('cases:read:all')")
    @Operation(summary = "Open cases with a decision due, soonest first", description = "50 per page; no identity.")
    QueuePage queue(@RequestParam(defaultValue = "0") int page) {
        var entries = cases.queue(page);
        boolean more = entries.size() > CaseManagement.QUEUE_PAGE;
        return new QueuePage(
                Math.max(page, 0),
                more,
                (more ? entries.subList(0, CaseManagement.QUEUE_PAGE) : entries)
                        .stream().map(QueueItem::of).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a case file", description = "Every read is logged. 404 when it is not shared with you.")
    CaseDetails read(@PathVariable UUID id) {
        return CaseDetails.of(cases.read(CaseId.of(id)));
    }

    @PostMapping("/{id}/decisions/preliminary")
    @PreAuthorize("hasAuthority('decisions:take:all')")
    @Operation(
            summary = "Record the preliminary (reasonable grounds) decision",
            description = "Once per case. A positive one starts the recovery and reflection period.")
    ResponseEntity<DecisionView> decidePreliminary(@PathVariable UUID id, @Valid @RequestBody DecideRequest request) {
        var decision = cases.decidePreliminary(CaseId.of(id), request.version(), request.decision());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id)).body(DecisionView.of(decision, false));
    }

    @PostMapping("/{id}/decisions/formal")
    @PreAuthorize("hasAuthority('decisions:take:all')")
    @Operation(summary = "Record the formal identification decision", description = "After a positive preliminary one.")
    ResponseEntity<DecisionView> decideFormal(@PathVariable UUID id, @Valid @RequestBody DecideRequest request) {
        var decision = cases.decideFormal(CaseId.of(id), request.version(), request.decision());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id)).body(DecisionView.of(decision, false));
    }

    @PostMapping("/{id}/decisions/{decisionId}/review")
    @PreAuthorize("hasAuthority('decisions:take:all')")
    @Operation(
            summary = "Record a multi-agency panel's review of a negative decision",
            description =
                    "UPHELD keeps it; RECONSIDERED replaces it with a positive decision. Both stay in the history.")
    ResponseEntity<ReviewView> review(
            @PathVariable UUID id, @PathVariable UUID decisionId, @Valid @RequestBody ReviewDecisionRequest request) {
        var review = cases.review(CaseId.of(id), decisionId, request.version(), request.review());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id)).body(ReviewView.of(review));
    }

    @PostMapping("/{id}/consents/{purpose}/withdraw")
    @PreAuthorize("hasAnyAuthority('cases:write:all','child:represent:own')")
    @Operation(
            summary = "Withdraw consent for a purpose",
            description =
                    "For SHARING, name the organisation, or none to withdraw sharing with all. Sharing stops at once.")
    ResponseEntity<Void> withdrawConsent(
            @PathVariable UUID id,
            @PathVariable ConsentPurpose purpose,
            @RequestBody(required = false) WithdrawConsentRequest request) {
        var body = request == null ? new WithdrawConsentRequest(null, null) : request;
        cases.withdrawConsent(CaseId.of(id), body.version(), purpose, body.organisationId());
        return ResponseEntity.noContent().build();
    }

    record QueuePage(int page, boolean more, List<QueueItem> entries) {}

    record QueueItem(
            UUID caseId,
            String reference,
            Stage stage,
            AgeCategory ageCategory,
            DueKind dueKind,
            LocalDate dueOn,
            int workingDaysLeft,
            boolean overdue,
            LocalDate referredOn,
            LocalDate recoveryEndsOn) {

        static QueueItem of(QueueEntry entry) {
            return new QueueItem(
                    entry.caseId().value(),
                    entry.reference(),
                    entry.stage(),
                    entry.ageCategory(),
                    entry.dueKind(),
                    entry.dueOn(),
                    entry.workingDaysLeft(),
                    entry.overdue(),
                    entry.referredOn(),
                    entry.recoveryEndsOn());
        }
    }

    record DecideRequest(
            @NotNull(message = "Choose an outcome") DecisionOutcome outcome,

            @NotNull(message = "Give the date of the decision")
            LocalDate decidedOn,

            @NotBlank(message = "Give the reasons")
            @Size(max = Case.TEXT_LIMIT, message = "At most " + Case.TEXT_LIMIT + " characters")
            String reasons,

            @Size(max = Case.TEXT_LIMIT, message = "At most " + Case.TEXT_LIMIT + " characters")
            String evidence,

            Integer version) {

        DecisionRequest decision() {
            return new DecisionRequest(outcome, decidedOn, reasons, evidence);
        }
    }

    record ReviewDecisionRequest(
            @NotNull(message = "Choose UPHELD or RECONSIDERED")
            ReviewOutcome outcome,

            @NotNull(message = "Give the date of the review")
            LocalDate reviewedOn,

            @NotBlank(message = "Give the reasons")
            @Size(max = Case.TEXT_LIMIT, message = "At most " + Case.TEXT_LIMIT + " characters")
            String reasons,

            Integer version) {

        ReviewRequest review() {
            return new ReviewRequest(outcome, reviewedOn, reasons);
        }
    }

    record WithdrawConsentRequest(UUID organisationId, Integer version) {}

    record DecisionView(
            UUID id,
            DecisionKind kind,
            DecisionOutcome outcome,
            LocalDate decidedOn,
            Instant recordedAt,
            UUID decidedBy,
            UUID organisationId,
            String reasons,
            String evidence,
            UUID reconsiders,
            boolean replaced,
            Integer recoveryPeriodDays,
            boolean protectionFromRemoval) {

        static DecisionView of(Decision decision, boolean replaced) {
            return new DecisionView(
                    decision.id(),
                    decision.kind(),
                    decision.outcome(),
                    decision.decidedOn(),
                    decision.recordedAt(),
                    decision.decidedBy(),
                    decision.organisationId(),
                    decision.reasons(),
                    decision.evidence(),
                    decision.reconsiders(),
                    replaced,
                    decision.recoveryPeriodDays(),
                    decision.protectionFromRemoval());
        }
    }

    record ReviewView(
            UUID id,
            UUID decisionId,
            UUID panelOrganisationId,
            ReviewOutcome outcome,
            LocalDate reviewedOn,
            String reasons) {

        static ReviewView of(Review review) {
            return new ReviewView(
                    review.id(),
                    review.decisionId(),
                    review.panelOrganisationId(),
                    review.outcome(),
                    review.reviewedOn(),
                    review.reasons());
        }
    }

    record PersonView(
            String givenName,
            String familyName,
            String otherNames,
            LocalDate dateOfBirth,
            Integer ageEstimate,
            String gender,
            Set<String> citizenships,
            Set<String> languages) {

        static PersonView of(PersonIdentity person) {
            return new PersonView(
                    person.givenName(),
                    person.familyName(),
                    person.otherNames(),
                    person.dateOfBirth(),
                    person.ageEstimate(),
                    person.gender(),
                    person.citizenships(),
                    person.languages());
        }
    }

    record CaseDetails(
            UUID id,
            String reference,
            int version,
            CaseStatus status,
            Stage stage,
            AgeCategory ageCategory,
            LocalDate referredOn,
            UUID referringOrganisationId,
            UUID screeningId,
            DueKind nextDueKind,
            LocalDate nextDueOn,
            LocalDate recoveryStartsOn,
            LocalDate recoveryEndsOn,
            boolean protectionFromRemoval,
            PersonView person,
            String circumstances,
            TraffickingProfile profile,
            List<Consent> consents,
            List<DecisionView> decisions,
            List<ReviewView> reviews,
            List<TimelineEvent> events,
            UUID guardianAccountId,
            List<BestInterestsAssessment> bestInterestsAssessments,
            List<AgeAssessment> ageAssessments,
            ClosureReason closureReason) {

        static CaseDetails of(CaseFile file) {
            var details = file.details();
            return new CaseDetails(
                    details.id().value(),
                    details.reference(),
                    details.version(),
                    details.status(),
                    details.stage(),
                    details.ageCategory(),
                    details.referredOn(),
                    details.referringOrganisationId(),
                    details.screeningId(),
                    details.nextDueKind(),
                    details.nextDueOn(),
                    details.recoveryStartsOn(),
                    details.recoveryEndsOn(),
                    details.protectionFromRemoval(),
                    PersonView.of(file.person()),
                    details.circumstances(),
                    details.profile(),
                    details.consents(),
                    details.decisions().stream()
                            .map(decision -> DecisionView.of(decision, details.replaced(decision)))
                            .toList(),
                    details.reviews().stream().map(ReviewView::of).toList(),
                    details.events(),
                    details.guardian()
                            .map(GuardianAppointment::guardianAccountId)
                            .orElse(null),
                    details.bestInterests(),
                    details.ageAssessments(),
                    details.closureReason());
        }
    }
}
