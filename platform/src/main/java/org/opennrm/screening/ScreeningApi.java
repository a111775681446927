package org.opennrm.screening;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.screening.ScreeningResult.ElementFinding;
import org.opennrm.screening.ScreeningResult.OtherSign;
import org.opennrm.screening.ScreeningResult.RequirementFinding;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Screening over HTTP: the checklists (with question texts in the language asked for), the catalogues
 * with their versions, sources and verification, and screenings. A screening of another organisation
 * answers 404, exactly as one that does not exist. Texts follow the request's Accept-Language.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Screening", description = "Indicator catalogues, sector checklists and screening results")
class ScreeningApi {

    private static final String PERFORM = "hasAuthority('screening:perform:own')";

    private final Screenings screenings;
    private final MessageSource messages;
    private final QuestionTexts texts;

    ScreeningApi(Screenings screenings, MessageSource messages, QuestionTexts texts) {
        this.screenings = screenings;
        this.messages = messages;
        this.texts = texts;
    }

    @GetMapping("/screening/checklists")
    @PreAuthorize(PERFORM)
    @Operation(summary = "The sector checklists, in the order they are offered")
    List<ChecklistSummary> checklists() {
        return screenings.checklists().stream()
                .map(checklist -> new ChecklistSummary(
                        checklist.id(),
                        checklist.version(),
                        checklist.sector(),
                        texts.title(checklist, LocaleContextHolder.getLocale()),
                        texts.description(checklist, LocaleContextHolder.getLocale()),
                        checklist.questions().size()))
                .toList();
    }

    @GetMapping("/screening/checklists/{id}")
    @PreAuthorize(PERFORM)
    @Operation(
            summary = "One checklist with its questions",
            description = "Each question lists the catalogue indicators a YES stands for.")
    ChecklistProfile checklist(@PathVariable String id) {
        var checklist = screenings.checklist(id).orElseThrow(() -> new RecordNotFound("checklist", id));
        return new ChecklistProfile(
                checklist.id(),
                checklist.version(),
                checklist.sector(),
                texts.title(checklist, LocaleContextHolder.getLocale()),
                checklist.sections().stream()
                        .map(section -> new SectionEntry(
                                section.id(),
                                text("screening.section." + section.id()),
                                section.questions().stream()
                                        .map(question -> new QuestionEntry(
                                                question.id(),
                                                texts.text(question, LocaleContextHolder.getLocale()),
                                                question.indicators()))
                                        .toList()))
                        .toList());
    }

    @GetMapping("/screening/catalogues")
    @Operation(summary = "The indicator catalogues with version, source and verification")
    List<CatalogueSummary> catalogues() {
        return screenings.catalogues().stream()
                .map(catalogue -> new CatalogueSummary(
                        catalogue.id(),
                        catalogue.version(),
                        catalogue.title(),
                        catalogue.source(),
                        catalogue.verification(),
                        catalogue.missing(),
                        catalogue.notes(),
                        catalogue.items().size()))
                .toList();
    }

    @GetMapping("/screening/catalogues/{id}")
    @Operation(summary = "One catalogue with all its items, each with its source and verification")
    Catalogue catalogue(@PathVariable String id) {
        return screenings.catalogue(id).orElseThrow(() -> new RecordNotFound("catalogue", id));
    }

    @PostMapping("/screenings")
    @PreAuthorize(PERFORM)
    @Operation(
            summary = "Screen a person: answers in, suggestion with reasons out",
            description = "answers maps question ids to YES, NO or DONT_KNOW (a question left out counts as"
                    + " DONT_KNOW); ageGroup is ADULT, CHILD or UNKNOWN; forms are suspected forms of"
                    + " exploitation; checklistVersion (optional) is the version answered, else the one in force."
                    + " No identity is accepted or stored. 400 for an unknown checklist, version, question or"
                    + " answer. With an Idempotency-Key header (a UUID made by the client), a screening already"
                    + " saved under that key is answered 200 with that screening and not saved again.")
    ResponseEntity<ScreeningProfile> screen(
            @Valid @RequestBody ScreenRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) UUID key) {
        var screened = OfflineScreeningApi.screenOnce(
                screenings,
                RawAnswers.parse(request.checklist(), request.answers(), request.ageGroup(), request.forms()),
                request.checklistVersion(),
                key);
        var screening = screened.screening();
        var location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/screenings/{id}")
                .buildAndExpand(screening.id().value())
                .toUri();
        if (!screened.created()) {
            return ResponseEntity.ok().location(location).body(profile(screening));
        }
        return ResponseEntity.created(location).body(profile(screening));
    }

    @GetMapping("/screenings/{id}")
    @PreAuthorize(PERFORM)
    @Operation(summary = "Read a screening of your organisation", description = "404 for any other.")
    ScreeningProfile screening(@PathVariable UUID id) {
        return profile(screenings.find(ScreeningId.of(id)).orElseThrow(() -> new RecordNotFound("screening", id)));
    }

    private ScreeningProfile profile(ScreeningSummary screening) {
        var result = screening.result();
        return new ScreeningProfile(
                screening.id().value(),
                screening.checklist(),
                screening.checklistVersion(),
                screening.catalogueVersion(),
                screening.ruleVersion(),
                screening.ruleVerification(),
                screening.ageGroup(),
                screening.forms(),
                screening.answers(),
                result.suggestion(),
                text("screening.suggestion." + result.suggestion()),
                text("screening.result.notADecision"),
                result.assessedAs(),
                result.indicatorList(),
                result.elements(),
                result.requirements(),
                result.otherSigns(),
                result.cautions().stream()
                        .map(caution -> new CautionEntry(
                                caution,
                                messages.getMessage(
                                        "screening.caution." + caution,
                                        // only this caution has an argument; the others must not go through
                                        // MessageFormat
                                        caution == Caution.ANSWERS_MISSING
                                                ? new Object[] {result.questionsNotKnown()}
                                                : null,
                                        LocaleContextHolder.getLocale())))
                        .toList(),
                result.questionsNotKnown(),
                screening.screenedBy(),
                screening.organisationId(),
                screening.screenedAt(),
                "/referrals/new?screening=" + screening.id().value());
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    /** A screening request: answers and context codes only, never identity. */
    record ScreenRequest(
            @NotBlank @Size(max = 60) String checklist,
            @Size(max = 80) String checklistVersion,
            String ageGroup,
            List<String> forms,
            @Size(max = 100) Map<String, String> answers) {}

    record ChecklistSummary(
            String id, String version, String sector, String title, String description, int questions) {}

    record ChecklistProfile(String id, String version, String sector, String title, List<SectionEntry> sections) {}

    record SectionEntry(String id, String title, List<QuestionEntry> questions) {}

    record QuestionEntry(String id, String text, List<String> indicators) {}

    record CatalogueSummary(
            String id,
            String version,
            String title,
            String source,
            Verification verification,
            List<String> missing,
            String notes,
            int items) {}

    record CautionEntry(Caution code, String text) {}

    record ScreeningProfile(
            UUID id,
            String checklist,
            String checklistVersion,
            String catalogueVersion,
            String ruleVersion,
            Verification ruleVerification,
            AgeGroup ageGroup,
            Set<ExploitationForm> forms,
            Map<String, Answer> answers,
            Suggestion suggestion,
            String suggestionText,
            String notice,
            AgeGroup assessedAs,
            String indicatorList,
            List<ElementFinding> elements,
            List<RequirementFinding> requirements,
            List<OtherSign> otherSigns,
            List<CautionEntry> cautions,
            int questionsNotKnown,
            UUID screenedBy,
            UUID organisationId,
            Instant screenedAt,
            String referLink) {}
}
