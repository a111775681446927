package org.opennrm.screening;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.opennrm.RuleViolation;

/**
 * A checklist version that would break what the combination rule needs (a question that stands for no
 * indicator, an unknown indicator, two indicators of one ILO/EC list behind one answer, an element no
 * question can show any more, a code used twice, a text missing in a platform language): nothing is saved.
 * Each problem names the form field it belongs to and a message key with its arguments.
 */
public class ChecklistRefused extends RuleViolation {

    private final transient Map<String, List<Problem>> problems;

    ChecklistRefused(Map<String, List<Problem>> problems) {
        // pages show each problem at its field (problems()) under the form's own message
        super(
                "screening.admin.refused",
                "The checklist version was refused: "
                        + problems.entrySet().stream()
                                .map(entry -> entry.getKey() + " "
                                        + entry.getValue().stream()
                                                .map(Problem::key)
                                                .collect(Collectors.joining(",")))
                                .collect(Collectors.joining("; ")));
        this.problems = Map.copyOf(problems);
    }

    /** Field name to its problems. */
    public Map<String, List<Problem>> problems() {
        return problems;
    }

    /** A message key ({@code screening.admin.error.*}) and its arguments. */
    public record Problem(String key, List<String> arguments) {
        public Problem {
            arguments = List.copyOf(arguments);
        }
    }
}
