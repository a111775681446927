package org.opennrm.statistics.publishing;

import java.util.List;
import java.util.Map;

/**
 * Why the joint check withheld a cell, in parts that a page puts into its reader's language ({@link JointReasons}):
 * the small cell it protects (or the revised count it keeps), how far a reader could otherwise narrow it, and the
 * published tables and structures that would let them. The check also keeps the same reason as English text (the
 * suppression's {@code why}), which the API and the audit trail carry; releases made before this record existed have
 * only that text.
 *
 * @param kind what threatened the cell
 * @param cell the small cell the withheld one protects; null for {@link Kind#REVISED}
 * @param range how far the small cell could be narrowed ({@link Kind#NARROWED}); null otherwise
 * @param sources the published tables that would let a reader do it, by their names as the check knows them ("table
 *     2", "release “Ages 2025”, table 1", "table 1 (this release)"); for {@link Kind#REVISED}, the one that
 *     published the count before
 * @param structures what a reader knows about how counts nest that takes part
 * @param more how many more sources there are than {@code sources} names
 */
public record JointReason(
        Kind kind, Cell cell, Long range, List<String> sources, List<Structure> structures, int more) {

    public JointReason {
        sources = List.copyOf(sources);
        structures = List.copyOf(structures);
    }

    public enum Kind {
        /** The count was revised (a fact recorded late, a profile changed) since it was published. */
        REVISED,
        /** Otherwise a small cell could be recovered exactly. */
        EXACT,
        /** Otherwise a small cell could be narrowed below the protection range. */
        NARROWED
    }

    /** Structures of the counts that every reader knows. */
    public enum Structure {
        PERIODS("periods add up to longer periods"),
        REGIONS("regions add up to the nation"),
        AGE_BANDS("age bands 0-8 and 9-17 are children, the others adults");

        private final String english;

        Structure(String english) {
            this.english = english;
        }

        /** As the English reason says it. */
        public String english() {
            return english;
        }
    }

    /**
     * A cell that no reader may learn: what is counted ({@code event}, a code such as {@code REFERRAL}), over which
     * quarters ({@code from} and {@code to}, such as {@code 2025-Q1}; null where open), in which region (null for the
     * nation, {@code UNKNOWN} for "not known"), of which categories (by dimension name, such as {@code AGE_BAND});
     * {@code difference} when no table shows it (a difference of published cells).
     */
    public record Cell(
            String event, String from, String to, String region, Map<String, String> categories, boolean difference) {

        public Cell {
            categories = Map.copyOf(categories);
        }
    }
}
