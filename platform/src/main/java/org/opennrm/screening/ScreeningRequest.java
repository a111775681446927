package org.opennrm.screening;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The answers a screener gives to one checklist, with the optional context: age group and suspected forms
 * of exploitation. Holds no name, date of birth or free text about the person, by design.
 *
 * @param answers question id to answer; a question left out counts as "don't know"
 */
public record ScreeningRequest(
        String checklist, Map<String, Answer> answers, AgeGroup ageGroup, Set<ExploitationForm> forms) {

    public ScreeningRequest {
        answers = answers == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(answers));
        ageGroup = ageGroup == null ? AgeGroup.UNKNOWN : ageGroup;
        forms = forms == null || forms.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(forms));
    }
}
