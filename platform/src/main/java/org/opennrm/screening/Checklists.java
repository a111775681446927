package org.opennrm.screening;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sector checklists shipped in the jar ({@code screening/checklists.json} and one file per
 * checklist), checked at start-up against the catalogues: every indicator a question names must exist,
 * and a question stands for at most one indicator of each ILO/EC list, so that one "yes" is never counted
 * twice.
 */
@Component
class Checklists {

    private final List<Checklist> checklists;

    Checklists(Catalogues catalogues) {
        var mapper = JsonMapper.builder().build();
        var manifest = mapper.readValue(Catalogues.text("checklists.json"), Manifest.class);
        List<Checklist> loaded = new ArrayList<>();
        Set<String> questionIds = new HashSet<>();
        for (String id : manifest.checklists()) {
            var checklist = mapper.readValue(Catalogues.text("checklists/" + id + ".json"), Checklist.class);
            if (!checklist.id().equals(id)) {
                throw new IllegalStateException("Checklist file " + id + " holds checklist " + checklist.id());
            }
            for (var question : checklist.questions()) {
                if (!questionIds.add(question.id())) {
                    throw new IllegalStateException("Question id " + question.id() + " appears twice");
                }
                check(question, catalogues);
            }
            loaded.add(checklist);
        }
        this.checklists = List.copyOf(loaded);
    }

    List<Checklist> all() {
        return checklists;
    }

    Optional<Checklist> find(String id) {
        return checklists.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private static void check(Checklist.Question question, Catalogues catalogues) {
        Set<String> gradedLists = new HashSet<>();
        for (String indicatorId : question.indicators()) {
            var indicator = catalogues
                    .indicator(indicatorId)
                    .orElseThrow(() -> new IllegalStateException(
                            "Question " + question.id() + " names unknown indicator " + indicatorId));
            if (indicator.graded() && !gradedLists.add(indicator.group())) {
                throw new IllegalStateException(
                        "Question " + question.id() + " names two indicators of list " + indicator.group());
            }
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Manifest(List<String> checklists) {}
}
