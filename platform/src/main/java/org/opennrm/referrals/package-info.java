/**
 * Referrals into the NRM: a referrer of any active organisation with the referrer role sends a person to the
 * NRM (the case is opened through {@code CaseManagement}), follows the status of its own referrals, and counts
 * adults who decline through anonymous notifications.
 *
 * <p>Holds no identity and never reads a case file: it keeps who referred which case when, and shows the
 * referrer the NRM reference and the status only.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "cases",
            "cases :: events",
            "cases :: documents",
            "organisations",
            "access",
            "access :: actor",
            "access :: audit"
        })
package org.opennrm.referrals;
