package org.opennrm.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deadlines of identification, set per installation ({@code opennrm.identification.*}).
 *
 * @param preliminaryWorkingDays working days from referral to the preliminary (reasonable grounds) decision
 * @param recoveryPeriodDays calendar days of the recovery and reflection period that a positive preliminary
 *     decision starts: at least 30, the minimum of the Council of Europe Convention (Art. 13)
 * @param reminderWorkingDays a deadline this many working days away, or closer, or passed, is a reminder
 * @param minimumDaysBeforeFormal calendar days that must pass after a positive preliminary decision before the formal
 *     one may be taken, so that the person has the recovery and reflection period to recover and decide whether to
 *     co-operate before the conclusive decision (0 allows a formal decision on the same day)
 * @param reviewSeparation who may review a negative decision: anyone but its decision-maker, or only another
 *     organisation
 */
@ConfigurationProperties("opennrm.identification")
public record IdentificationSettings(
        @DefaultValue("5") int preliminaryWorkingDays,
        @DefaultValue("30") int recoveryPeriodDays,
        @DefaultValue("2") int reminderWorkingDays,
        @DefaultValue("30") int minimumDaysBeforeFormal,
        @DefaultValue("PERSON") ReviewSeparation reviewSeparation) {

    public static final int MINIMUM_RECOVERY_PERIOD_DAYS = 30;

    public IdentificationSettings {
        if (preliminaryWorkingDays < 1) {
            throw new IllegalStateException("opennrm.identification.preliminary-working-days must be at least 1");
        }
        if (recoveryPeriodDays < MINIMUM_RECOVERY_PERIOD_DAYS) {
            throw new IllegalStateException("opennrm.identification.recovery-period-days must be at least "
                    + MINIMUM_RECOVERY_PERIOD_DAYS + " (Council of Europe Convention, Art. 13)");
        }
        if (minimumDaysBeforeFormal < 0) {
            throw new IllegalStateException("opennrm.identification.minimum-days-before-formal cannot be negative");
        }
        if (reviewSeparation == null) {
            reviewSeparation = ReviewSeparation.PERSON;
        }
        if (reminderWorkingDays < 0) {
            throw new IllegalStateException("opennrm.identification.reminder-working-days cannot be negative");
        }
    }
}
