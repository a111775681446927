package org.opennrm.statistics;

import java.io.StringReader;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Estimates of the hidden number for statisticians and co-ordinators. The input is an aggregate
 * list-overlap table (counts only), so nothing here touches a person's record.
 */
@Service
class Estimates {

    /** A list-overlap table of 12 lists is at most 4,096 short rows; anything far larger is not one. */
    static final int MAX_CHARACTERS = 1_000_000;

    private final MultipleSystemsEstimation estimation;

    Estimates(MultipleSystemsEstimation estimation) {
        this.estimation = estimation;
    }

    @PreAuthorize("hasAuthority('statistics:read:all')")
    MseEstimate multipleSystems(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new MseInputInvalid("The table is empty: give a header row and one row per combination of lists.");
        }
        if (csv.length() > MAX_CHARACTERS) {
            throw new MseInputInvalid("The table is too large for a list-overlap table.");
        }
        return estimation.estimate(ListOverlapTable.parse(new StringReader(csv.strip())));
    }
}
