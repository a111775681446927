package org.opennrm.assistance.events;

import java.util.UUID;
import org.opennrm.cases.CaseId;

/**
 * A residence permit recorded in an assistance plan expires within the reminder window, in time to apply for its
 * renewal. Announced each day the permit is in the window; the permit's id is the fact, so whoever is told of it is
 * told once.
 *
 * @param permitId the id of the delivered service that records the permit
 * @param daysLeft calendar days until the permit expires (0 on its last day)
 */
public record ResidencePermitExpiring(UUID permitId, CaseId caseId, int daysLeft) {}
