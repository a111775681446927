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

    /** The code of a checklist added in the pages: small letters, digits and hyphens, e.g. {@code domestic-work}. */
    private static final Pattern CHECKLIST_CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private static final int TITLE_LIMIT = 80;

    /** The ILO/EC lists a checklist's questions may use, each counted by the rule for its own age group. */
    static final List<String> LISTS = List.of(Catalogues.ADULT_LABOUR, Catalogues.CHILD_LABOUR);

    /** The sections a checklist added in the pages may have, in the order they are shown. */
    static final List<String> SECTIONS = List.of("recruitment", "travel", "work", "control");

    private final ChecklistVersions versions;
    private final Catalogues catalogues;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final ScreeningRule rule;

    ChecklistChanges(
            ChecklistVersions versions,
            Catalogues catalogues,
            MessageSource messages,
            AuditTrail audit,
            RuleSettings settings) {
        this.versions = versions;
        this.catalogues = catalogues;
        this.messages = messages;
        this.audit = audit;
        this.rule = settings.rule();
    }

    /**
     * Adds a new sector checklist with its first version ({@code <code>/r1}): its code, its name in every platform
     * language, the ILO/EC lists its questions use and its questions. Refused, nothing saved, when the rule could not
     * find an element it needs: for each list chosen, every element its age group's combination rule names must have a
     * question standing for an indicator of that list. Offered to screeners at once; audited as a creation.
     */
    @Transactional
    @PreAuthorize(MANAGE)
    public Checklist create(NewChecklistForm form) {
        var actor = Actor.current().orElseThrow(() -> new AccessDeniedException("Needs a signed-in administrator"));
        Map<String, List<Problem>> problems = new LinkedHashMap<>();
        String id = form.code() == null ? "" : form.code().strip().toLowerCase(Locale.ROOT);
        if (!CHECKLIST_CODE.matcher(id).matches()) {
            problem(problems, "checklistCode", "screening.admin.error.checklistCode");
        } else if (versions.exists(id) || id.equals("new")) {
            problem(problems, "checklistCode", "screening.admin.error.checklistTaken");
        }
        Map<String, String> titles = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            String title = form.titles().getOrDefault(language, "");
            title = title == null ? "" : title.strip();
            if (title.isEmpty()) {
                problem(problems, "title." + language, "screening.admin.error.titleMissing");
            } else if (title.length() > TITLE_LIMIT) {
                problem(problems, "title." + language, "screening.admin.error.labelLong", String.valueOf(TITLE_LIMIT));
            } else {
                titles.put(language, title);
            }
        }
        List<String> lists = LISTS.stream().filter(form.lists()::contains).toList();
        if (lists.isEmpty() || lists.size() != new HashSet<>(form.lists()).size()) {
            problem(problems, "lists", "screening.admin.error.lists");
        }
        Map<String, List<Checklist.Question>> bySection = new LinkedHashMap<>();
        SECTIONS.forEach(section -> bySection.put(section, new ArrayList<>()));
        Set<String> codes = new HashSet<>();
        for (int row = 0; row < form.questions().size(); row++) {
            var question = form.questions().get(row);
            if (question.blank()) {
                continue;
            }
            String prefix = "q" + row + ".";
            String code = question.code() == null ? "" : question.code().strip().toUpperCase(Locale.ROOT);
            if (!CODE.matcher(code).matches()) {
                problem(problems, prefix + "code", "screening.admin.error.code");
            } else if (!codes.add(code) || usedElsewhere(id, code) || hasShippedText(code)) {
                problem(problems, prefix + "code", "screening.admin.error.codeTaken", code);
            }
            if (!bySection.containsKey(question.section())) {
                problem(problems, prefix + "section", "screening.admin.error.section");
            }
            List<String> indicators = indicators(question.indicators());
            checkIndicators(indicators, lists, prefix + "indicators", problems);
            Map<String, String> labels = new LinkedHashMap<>();
            for (String language : LANGUAGES) {
                String label = question.labels().getOrDefault(language, "");
                label = label == null ? "" : label.strip();
                if (label.isEmpty()) {
                    problem(problems, prefix + "label." + language, "screening.admin.error.labelMissing");
                } else if (label.length() > LABEL_LIMIT) {
                    problem(
                            problems,
                            prefix + "label." + language,
                            "screening.admin.error.labelLong",
                            String.valueOf(LABEL_LIMIT));
                } else {
                    labels.put(language, label);
                }
            }
            bySection
                    .getOrDefault(question.section(), new ArrayList<>())
                    .add(new Checklist.Question(code, indicators, labels));
        }
        var sections = bySection.entrySet().stream()
                .filter(entry -> !entry.getValue().isEmpty())
                .map(entry -> new Checklist.Section(entry.getKey(), entry.getValue()))
                .toList();
        if (sections.isEmpty()) {
            problem(problems, "questions", "screening.admin.error.noQuestions");
        } else if (!lists.isEmpty()) {
            coversEveryElementTheRuleNeeds(sections, lists, problems);
        }
        if (!problems.isEmpty()) {
            throw new ChecklistRefused(problems);
        }
        var checklist =
                new Checklist(id, id + "/r1", id.toUpperCase(Locale.ROOT).replace('-', '_'), sections, titles, lists);
        var saved = versions.add(checklist, actor.accountId());
        audit.record(
                AuditAction.CREATE,
                "checklist",
                saved.id(),
                "version=" + saved.version() + " lists=" + String.join(",", lists) + " questions="
                        + saved.questions().size());
        return saved;
    }

    /**
     * For each ILO/EC list chosen, every element the combination rule of that list's age group names (adult-labour:
     * the adult rule; child-labour: the child rule) needs a question standing for an indicator of that list, or the
     * rule could never find it and never suggest a referral.
     */
    private void coversEveryElementTheRuleNeeds(
            List<Checklist.Section> sections, List<String> lists, Map<String, List<Problem>> problems) {
        for (String list : lists) {
            var combination = Catalogues.CHILD_LABOUR.equals(list) ? rule.child() : rule.adult();
            Set<Element> needed = EnumSet.noneOf(Element.class);
            combination.requirements().forEach(needed::addAll);
            Set<Element> covered = EnumSet.noneOf(Element.class);
            sections.stream()
                    .flatMap(section -> section.questions().stream())
                    .flatMap(question -> question.indicators().stream())
                    .map(catalogues::indicator)
                    .flatMap(java.util.Optional::stream)
                    .filter(indicator -> indicator.graded() && list.equals(indicator.group()))
                    .forEach(indicator -> covered.add(indicator.element()));
            for (Element element : needed) {
                if (!covered.contains(element)) {
                    problem(
                            problems,
                            "questions",
                            "screening.admin.error.elementMissing",
                            "screening.element." + element,
                            "screening.list." + list);
                }
            }
        }
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
        checkIndicators(indicators, checklist.lists(), "indicators", problems);
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
        var changed = checklist.withSections(
                checklist.version(),
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
        var changed = checklist.withSections(
                checklist.version(),
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

    /**
     * The indicators of one question: at least one, each in a catalogue, at most one of each ILO/EC list, and (for a
     * checklist that names the ILO/EC lists it uses) none of another ILO/EC list.
     */
    private void checkIndicators(
            List<String> indicators, List<String> lists, String field, Map<String, List<Problem>> problems) {
        if (indicators.isEmpty()) {
            problem(problems, field, "screening.admin.error.noIndicator");
            return;
        }
        Set<String> gradedLists = new HashSet<>();
        for (String id : indicators) {
            var indicator = catalogues.indicator(id);
            if (indicator.isEmpty()) {
                problem(problems, field, "screening.admin.error.unknownIndicator", shortened(id));
            } else if (indicator.get().graded()
                    && !gradedLists.add(indicator.get().group())) {
                // one "yes" must never count twice in one ILO/EC list (the rule counts indicators, not answers)
                problem(
                        problems,
                        field,
                        "screening.admin.error.twoOfOneList",
                        indicator.get().group());
            } else if (indicator.get().graded()
                    && !lists.isEmpty()
                    && !lists.contains(indicator.get().group())) {
                problem(
                        problems,
                        field,
                        "screening.admin.error.listNotChosen",
                        shortened(id),
                        "screening.list." + indicator.get().group());
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

    /** What the administrator typed for a new checklist: its code, names, ILO/EC lists and question rows. */
    record NewChecklistForm(String code, Map<String, String> titles, List<String> lists, List<QuestionForm> questions) {
        NewChecklistForm {
            titles = titles == null ? Map.of() : new HashMap<>(titles);
            lists = lists == null ? List.of() : List.copyOf(lists);
            questions = questions == null ? List.of() : List.copyOf(questions);
        }
    }

    /** What the administrator typed: section, question code, indicator ids (comma or space apart), texts. */
    record QuestionForm(String section, String code, String indicators, Map<String, String> labels) {
        QuestionForm {
            labels = labels == null ? Map.of() : new HashMap<>(labels);
        }

        /** A row of the new-checklist form left empty: not a question. */
        boolean blank() {
            return (code == null || code.isBlank())
                    && (indicators == null || indicators.isBlank())
                    && labels.values().stream().allMatch(label -> label == null || label.isBlank());
        }
    }
}
