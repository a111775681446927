package org.opennrm.statistics;

import java.time.Year;
import java.util.List;
import org.opennrm.organisations.Sector;

/**
 * How many persons referred in a period were encountered by each combination of kinds of organisation (sectors):
 * the list-overlap table of multiple systems estimation, built from the platform's own cases. Counts only: no
 * person, no case, no organisation.
 *
 * @param lists the sectors that encountered at least one person, in the order of {@link Sector}
 * @param combinations the non-empty combinations of those sectors
 */
public record EncounterOverlap(Year from, Year to, List<Sector> lists, List<Combination> combinations) {

    public EncounterOverlap {
        lists = List.copyOf(lists);
        combinations = List.copyOf(combinations);
    }

    /**
     * Persons encountered by exactly these sectors.
     *
     * @param on for each of {@link #lists()}, whether the persons of this combination are on it
     */
    public record Combination(List<Boolean> on, long count) {

        public Combination {
            on = List.copyOf(on);
        }
    }

    /** Persons on at least one list. */
    public long persons() {
        return combinations.stream().mapToLong(Combination::count).sum();
    }
}
