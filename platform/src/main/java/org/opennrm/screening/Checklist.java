package org.opennrm.screening;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A short checklist for one sector (labour inspection, health, education, outreach, border, or a sector checklist an
 * administrator added in the pages): plain questions, grouped in sections, each mapped to the catalogue indicators a
 * "yes" stands for. The texts of shipped questions and titles are message keys ({@code screening.question.<id>},
 * {@code screening.checklist.<id>.title}), so that a screener reads them in their own language; a checklist added in
 * the pages carries its names in every platform language ({@code titles}) and the ILO/EC lists its questions use
 * ({@code lists}; empty for the shipped checklists, which use both).
 */
public record Checklist(
        String id,
        String version,
        String sector,
        List<Section> sections,
        Map<String, String> titles,
        List<String> lists) {

    public Checklist {
        sections = List.copyOf(sections);
        titles = titles == null ? Map.of() : Map.copyOf(titles);
        lists = lists == null ? List.of() : List.copyOf(lists);
    }

    /** The same checklist with other sections (a new version of it keeps its names and lists). */
    Checklist withSections(String version, List<Section> changed) {
        return new Checklist(id, version, sector, changed, titles, lists);
    }

    /** A group of questions about one phase of what happened (recruitment, work, control). */
    public record Section(String id, List<Question> questions) {
        public Section {
            questions = List.copyOf(questions);
        }
    }

    /**
     * One question and the ids of the catalogue indicators that a "yes" to it stands for. A question shipped
     * in the jar reads its text from the message bundles; a question an administrator added in the pages
     * carries its text in each platform language ({@code labels}, language code to text).
     */
    public record Question(String id, List<String> indicators, Map<String, String> labels) {
        public Question {
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }
    }

    public List<Question> questions() {
        return sections.stream().flatMap(s -> s.questions().stream()).toList();
    }

    public Optional<Question> question(String questionId) {
        return questions().stream().filter(q -> q.id().equals(questionId)).findFirst();
    }
}
