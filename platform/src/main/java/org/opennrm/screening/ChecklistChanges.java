package org.opennrm.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.screening.ChecklistRefused.Problem;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators change the sector checklists in the pages: add a question, change the indicators or texts of
 * one, or take one out. Each change is checked against what the combination rule needs and saved as a new whole
 * version of the checklist ({@link ChecklistVersions}); the screenings already made keep the version they were
 * answered with. Every saved version is audited.
 */
@Service
class ChecklistChanges {

    /**
     * The interface languages a question added in the pages must be written in: the six OSCE working languages
     * the platform speaks (issue 27). A screener reads the question in their own language, never a code.
     */
    static final List<String> LANGUAGES = List.of("en", "fr", "de", "it", "ru", "es");

    private static final String MANAGE = "hasAuthority('checklists:manage:all')";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9-]{1,19}");
    private static final int LABEL_LIMIT = 300;

    private final ChecklistVersions versions;
    private final Catalogues catalogues;
    private final MessageSource messages;
    private final AuditTrail audit;

    ChecklistChanges(ChecklistVersions versions, Catalogues catalogues, MessageSource messages, AuditTrail audit) {
        this.versions = versions;
        this.catalogues = catalogues;
        this.messages = messages;
        this.audit = audit;
    }

    /**
     * Adds the question to the section (or, when the checklist already has a question with this code, changes
     * its indicators and texts) and saves the result as the checklist's next version.
     */
    @Transactional
    @PreAuthorize(MANAGE)
    public Checklist saveQuestion(String checklistId, QuestionForm form) {
        var actor = Actor.current().orElseThrow(() -> new AccessDeniedException("Needs a signed-in administrator"));
        var checklist = versions.current(checklistId).orElseThrow(() -> new ChecklistUnknown(checklistId));
        Map<String, List<Problem>> problems = new LinkedHashMap<>();
        String code = form.code() == null ? "" : form.code().strip().toUpperCase(Locale.ROOT);
        boolean existing = checklist.question(code).isPresent();
        if (!CODE.matcher(code).matches()) {
            problem(problems, "code", "screening.admin.error.code");
        } else if (!existing && usedElsewhere(checklistId, code)) {
            problem(problems, "code", "screening.admin.error.codeTaken", code);
        }
        String sectionId = existing
                ? checklist.sections().stream()
                        .filter(s -> s.questions().stream().anyMatch(q -> q.id().equals(code)))
                        .findFirst()
                        .orElseThrow()
                        .id()
                : form.section();
        if (checklist.sections().stream().noneMatch(s -> s.id().equals(sectionId))) {
            problem(problems, "section", "screening.admin.error.section");
        }
        List<String> indicators = indicators(form.indicators());
        checkIndicators(indicators, problems);
        Map<String, String> labels = new LinkedHashMap<>();
        boolean shippedText = hasShippedText(code);
        for (String language : LANGUAGES) {
            String label = form.labels() == null ? null : form.labels().get(language);
            label = label == null ? "" : label.strip();
            if (label.length() > LABEL_LIMIT) {
                problem(problems, "label." + language, "screening.admin.error.labelLong", String.valueOf(LABEL_LIMIT));
            } else if (!label.isEmpty()) {
                labels.put(language, label);
            } else if (!shippedText) {
                problem(problems, "label." + language, "screening.admin.error.labelMissing");
            }
        }
        var question = new Checklist.Question(code, indicators, labels);
        var changed = new Checklist(
                checklist.id(),
                checklist.version(),
                checklist.sector(),
                checklist.sections().stream()
                        .map(section ->
                                new Checklist.Section(section.id(), replaced(section, question, sectionId, existing)))
                        .toList());
        if (problems.isEmpty()) {
            keepsEveryElement(checklist, changed, problems);
        }
        if (!problems.isEmpty()) {
            throw new ChecklistRefused(problems);
        }
        var saved = versions.add(changed, actor.accountId());
        audit.record(
                AuditAction.UPDATE,
                "checklist",
                checklist.id(),
                "version=" + saved.version() + (existing ? " changed " : " added ") + code);
        return saved;
    }

    /** Takes a question out of the checklist, as its next version, unless an element would be left without one. */
    @Transactional
    @PreAuthorize(MANAGE)
    public Checklist removeQuestion(String checklistId, String code) {
        var actor = Actor.current().orElseThrow(() -> new AccessDeniedException("Needs a signed-in administrator"));
        var checklist = versions.current(checklistId).orElseThrow(() -> new ChecklistUnknown(checklistId));
        Map<String, List<Problem>> problems = new LinkedHashMap<>();
        if (checklist.question(code).isEmpty()) {
            problem(problems, "code", "screening.admin.error.noSuchQuestion");
            throw new ChecklistRefused(problems);
        }
        var changed = new Checklist(
                checklist.id(),
                checklist.version(),
                checklist.sector(),
                checklist.sections().stream()
                        .map(section -> new Checklist.Section(
                                section.id(),
                                section.questions().stream()
                                        .filter(q -> !q.id().equals(code))
                                        .toList()))
                        .toList());
        keepsEveryElement(checklist, changed, problems);
        if (changed.questions().isEmpty()) {
            problem(problems, "code", "screening.admin.error.lastQuestion");
        }
        if (!problems.isEmpty()) {
            throw new ChecklistRefused(problems);
        }
        var saved = versions.add(changed, actor.accountId());
        audit.record(
                AuditAction.UPDATE, "checklist", checklist.id(), "version=" + saved.version() + " removed " + code);
        return saved;
    }

    private static List<Checklist.Question> replaced(
            Checklist.Section section, Checklist.Question question, String sectionId, boolean existing) {
        List<Checklist.Question> questions = new ArrayList<>();
        for (var q : section.questions()) {
            questions.add(q.id().equals(question.id()) ? question : q);
        }
        if (!existing && section.id().equals(sectionId)) {
            questions.add(question);
        }
        return questions;
    }

    static List<String> indicators(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.stream(typed.strip().split("[,;\\s]+"))
                .map(id -> id.toUpperCase(Locale.ROOT))
                .toList()));
    }

    private void checkIndicators(List<String> indicators, Map<String, List<Problem>> problems) {
        if (indicators.isEmpty()) {
            problem(problems, "indicators", "screening.admin.error.noIndicator");
            return;
        }
        Set<String> gradedLists = new HashSet<>();
        for (String id : indicators) {
            var indicator = catalogues.indicator(id);
            if (indicator.isEmpty()) {
                problem(problems, "indicators", "screening.admin.error.unknownIndicator", shortened(id));
            } else if (indicator.get().graded()
                    && !gradedLists.add(indicator.get().group())) {
                // one "yes" must never count twice in one ILO/EC list (the rule counts indicators, not answers)
                problem(
                        problems,
                        "indicators",
                        "screening.admin.error.twoOfOneList",
                        indicator.get().group());
            }
        }
    }

    /**
     * The rule finds an element only through the indicators the questions stand for: a version in which an
     * element the checklist could show before has no indicator left could never suggest it again.
     */
    private void keepsEveryElement(Checklist before, Checklist after, Map<String, List<Problem>> problems) {
        var lost = elements(before);
        lost.removeAll(elements(after));
        for (var element : lost) {
            problem(problems, "indicators", "screening.admin.error.elementLost", "screening.element." + element);
        }
    }

    private Set<Element> elements(Checklist checklist) {
        Set<Element> elements = EnumSet.noneOf(Element.class);
        checklist.questions().stream()
                .flatMap(q -> q.indicators().stream())
                .map(catalogues::indicator)
                .flatMap(java.util.Optional::stream)
                .filter(Indicator::graded)
                .forEach(indicator -> elements.add(indicator.element()));
        return elements;
    }

    private boolean usedElsewhere(String checklistId, String code) {
        for (var other : versions.current()) {
            if (!other.id().equals(checklistId) && other.question(code).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private boolean hasShippedText(String code) {
        return messages.getMessage("screening.question." + code, null, null, Locale.ENGLISH) != null;
    }

    private static void problem(Map<String, List<Problem>> problems, String field, String key, String... arguments) {
        problems.computeIfAbsent(field, f -> new ArrayList<>()).add(new Problem(key, List.of(arguments)));
    }

    private static String shortened(String input) {
        return AnswerInvalid.shortened(input);
    }

    /** What the administrator typed: section, question code, indicator ids (comma or space apart), texts. */
    record QuestionForm(String section, String code, String indicators, Map<String, String> labels) {
        QuestionForm {
            labels = labels == null ? Map.of() : new HashMap<>(labels);
        }
    }
}
