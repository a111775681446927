package org.opennrm.statistics;

import java.util.stream.Collectors;
import org.opennrm.screening.AgeGroup;
import org.opennrm.screening.ExploitationForm;
import org.opennrm.screening.events.ScreeningCompleted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts screenings from the screening module's event: the screening organisation's sector and region, child or
 * adult, the forms suspected (screening's own codes), the suggestion, which is never a decision, and the version of
 * the checklist answered, so that screenings of different checklist versions can be told apart.
 */
@Component
class ScreeningFacts {

    private final NationalStatistics statistics;
    private final Regions regions;

    ScreeningFacts(NationalStatistics statistics, Regions regions) {
        this.statistics = statistics;
        this.regions = regions;
    }

    @ApplicationModuleListener
    void on(ScreeningCompleted completed) {
        var origin = regions.of(completed.organisationId());
        statistics.record(Fact.of(EventKind.SCREENING, completed.completedIn())
                .origin(origin.region(), origin.sector())
                .child(
                        completed.ageGroup() == null || completed.ageGroup() == AgeGroup.UNKNOWN
                                ? null
                                : completed.ageGroup() == AgeGroup.CHILD)
                .exploitationForms(
                        completed.forms().stream().map(ExploitationForm::name).collect(Collectors.toSet()))
                .screeningSuggestion(Codes.name(completed.suggestion()))
                .screeningChecklistVersion(completed.checklistVersion())
                .build());
    }
}
