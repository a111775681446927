package org.opennrm.prevention;

import org.opennrm.RuleViolation;

/** A series with too few periods for the detector to tell a change from its noise. */
class SeriesTooShort extends RuleViolation {

    SeriesTooShort(int periods, int needed) {
        super(
                "prevention.problem.tooShort",
                "The series has " + periods + " periods; the change detector needs at least " + needed
                        + " (two years of quarters) to tell a change from ordinary noise.",
                periods,
                needed);
    }
}
