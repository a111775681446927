/**
 * Assistance to a presumed or identified victim: the needs assessment, the individual assistance plan with goals
 * and actions, the services delivered against it (by the NRM or by service providers with an accepted referral),
 * remedies such as compensation claims and residence permits with expiry reminders, the non-punishment principle,
 * and the closure of a case with a durable solution and the person's own feedback, and its reopening.
 *
 * <p>Assistance never depends on co-operation with criminal proceedings: this module never reads the
 * criminal-justice track, and no rule, screen or report here is conditional on it. It holds no identity: it
 * knows a case by its id and reference.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "cases",
            "cases :: events",
            "referrals",
            "access",
            "access :: actor",
            "access :: audit",
            "organisations"
        })
package org.opennrm.assistance;
