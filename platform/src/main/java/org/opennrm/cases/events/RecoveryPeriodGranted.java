package org.opennrm.cases.events;

import java.time.YearMonth;
import org.opennrm.cases.AgeCategory;
import org.opennrm.cases.CaseId;

/**
 * A positive preliminary decision (reasonable grounds) granted the person a recovery and reflection period with
 * protection from removal (Council of Europe Convention, article 13): in which month, for how many days, and whether
 * the children's procedure applies. No date of the case leaves it.
 *
 * @param days the length granted, in calendar days
 */
public record RecoveryPeriodGranted(CaseId caseId, YearMonth grantedIn, int days, AgeCategory ageCategory) {

    public RecoveryPeriodGranted {
        if (days < 0) {
            throw new IllegalArgumentException("a recovery period cannot be shorter than no days");
        }
    }
}
