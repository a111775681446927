package org.opennrm.organisations;

import java.util.UUID;

/** A partner organisation joined the NRM. */
public record OrganisationRegistered(UUID organisationId, Sector sector) {}
