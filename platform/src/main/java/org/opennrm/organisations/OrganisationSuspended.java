package org.opennrm.organisations;

import java.util.UUID;

/** A partner organisation was suspended: it stays on record but no longer refers or receives referrals. */
public record OrganisationSuspended(UUID organisationId) {}
