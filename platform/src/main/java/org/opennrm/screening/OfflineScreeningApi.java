package org.opennrm.screening;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennrm.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the offline screening app on a phone needs from the platform, in the signed-in session of the pages
 * (CSRF token in a header): the checklists in force with their texts in the screener's language, to be kept
 * on the phone; the service worker and the web app manifest; and the door through which a screening answered
 * offline is sent once the network is back, once per key made on the phone. Errors are RFC 9457 problems.
 */
@RestController
@RequestMapping("/screening/offline")
class OfflineScreeningApi {

    private static final String PERFORM = "hasAuthority('screening:perform:own')";

    private final Screenings screenings;
    private final QuestionTexts texts;
    private final MessageSource messages;

    OfflineScreeningApi(Screenings screenings, QuestionTexts texts, MessageSource messages) {
        this.screenings = screenings;
        this.texts = texts;
        this.messages = messages;
    }

    @GetMapping("/checklists")
    @PreAuthorize(PERFORM)
    OfflineChecklists checklists() {
        var locale = LocaleContextHolder.getLocale();
        return new OfflineChecklists(
                screenings.checklists().stream()
                        .map(checklist -> new OfflineChecklist(
                                checklist.id(),
                                checklist.version(),
                                texts.title(checklist, LocaleContextHolder.getLocale()),
                                checklist.sections().stream()
                                        .map(section -> new OfflineSection(
                                                section.id(),
                                                text("screening.section." + section.id()),
                                                section.questions().stream()
                                                        .map(question -> new OfflineQuestion(
                                                                question.id(), texts.text(question, locale)))
                                                        .toList()))
                                        .toList()))
                        .toList(),
                labels(Answer.values(), "screening.answer."),
                labels(AgeGroup.values(), "screening.ageGroup."),
                labels(ExploitationForm.values(), "screening.exploitation."));
    }

    @PostMapping("/screenings")
    @PreAuthorize(PERFORM)
    ResponseEntity<Sent> send(@Valid @RequestBody OfflineScreening screening) {
        var screened = screenOnce(
                screenings,
                RawAnswers.parse(screening.checklist(), screening.answers(), screening.ageGroup(), screening.forms()),
                screening.checklistVersion(),
                screening.key());
        var id = screened.screening().id().value();
        var sent = new Sent(
                id,
                screened.screening().checklistVersion(),
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/screening/results/{id}")
                        .buildAndExpand(id)
                        .toUriString(),
                screened.created());
        return screened.created() ? ResponseEntity.status(201).body(sent) : ResponseEntity.ok(sent);
    }

    /**
     * The service worker, served from the app's own folder so that it controls only the offline screening app
     * (scope {@code /screening/offline/}), never the other pages of the platform.
     */
    // no "produces": a request for the script that accepts something else is still answered (or refused) by
    // the security rules first, not with 406
    @GetMapping("/sw.js")
    @PreAuthorize(PERFORM)
    ResponseEntity<String> serviceWorker() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .contentType(MediaType.parseMediaType("text/javascript"))
                .body(resource("screening/offline/sw.js"));
    }

    @GetMapping("/manifest.webmanifest")
    @PreAuthorize(PERFORM)
    ResponseEntity<Map<String, Object>> manifest() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", text("screening.offline.appName"));
        manifest.put("short_name", text("screening.offline.shortName"));
        manifest.put("lang", LocaleContextHolder.getLocale().getLanguage());
        manifest.put("start_url", base + "/screening/offline/app");
        manifest.put("scope", base + "/screening/offline/");
        manifest.put("display", "standalone");
        manifest.put("background_color", "#ffffff");
        manifest.put("theme_color", "#1f3a5f");
        manifest.put(
                "icons",
                List.of(
                        Map.of("src", base + "/assets/img/screening-192.png", "sizes", "192x192", "type", "image/png"),
                        Map.of(
                                "src",
                                base + "/assets/img/screening-512.png",
                                "sizes",
                                "512x512",
                                "type",
                                "image/png")));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/manifest+json"))
                .body(manifest);
    }

    /**
     * A send the platform cannot accept, as the platform's API answers it (RFC 9457), but with the reason in the
     * screener's language: the app shows it on the phone beside the screening it keeps.
     */
    @ExceptionHandler(RuleViolation.class)
    ProblemDetail refused(RuleViolation e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, e.words(messages, LocaleContextHolder.getLocale()));
        problem.setTitle("Not possible");
        problem.setType(URI.create("urn:opennrm:problem:" + e.getClass().getSimpleName()));
        return problem;
    }

    /**
     * Screens once per key. Two sends of one key at the same moment (the network came back while the first
     * was under way) meet at the unique index: the second finds the screening the first saved.
     */
    static Screenings.Screened screenOnce(
            Screenings screenings, ScreeningRequest request, String checklistVersion, UUID key) {
        try {
            return screenings.screen(request, checklistVersion, key);
        } catch (DuplicateKeyException sameKeyAtTheSameTime) {
            return screenings.screen(request, checklistVersion, key);
        }
    }

    private Map<String, String> labels(Enum<?>[] values, String prefix) {
        Map<String, String> labels = new LinkedHashMap<>();
        Arrays.stream(values).forEach(value -> labels.put(value.name(), text(prefix + value.name())));
        return labels;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static String resource(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A screening answered on a phone, as kept there: a key the phone made, the checklist and the version
     * answered, answers and context codes. Never a name or anything else about the person.
     */
    record OfflineScreening(
            @NotNull UUID key,
            @NotBlank @Size(max = 60) String checklist,
            @Size(max = 80) String checklistVersion,
            String ageGroup,
            List<String> forms,
            @Size(max = 100) Map<String, String> answers) {}

    record Sent(UUID id, String checklistVersion, String result, boolean created) {}

    record OfflineChecklists(
            List<OfflineChecklist> checklists,
            Map<String, String> answers,
            Map<String, String> ageGroups,
            Map<String, String> forms) {}

    record OfflineChecklist(String id, String version, String title, List<OfflineSection> sections) {}

    record OfflineSection(String id, String title, List<OfflineQuestion> questions) {}

    record OfflineQuestion(String id, String text) {}
}
