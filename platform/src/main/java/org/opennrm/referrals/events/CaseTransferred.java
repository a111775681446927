package org.opennrm.referrals.events;

import java.time.YearMonth;
import java.util.UUID;
import org.opennrm.cases.CaseId;

/** A case was handed to another organisation as its owner. The reason stays with the transfer. */
public record CaseTransferred(CaseId caseId, UUID fromOrganisationId, UUID toOrganisationId, YearMonth transferredIn) {}
