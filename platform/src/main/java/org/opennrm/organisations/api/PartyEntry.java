package org.opennrm.organisations.api;

import java.util.UUID;
import org.opennrm.organisations.NrmRole;

/** A party of an agreement as the API shows it, with the organisation's name for convenience. */
record PartyEntry(UUID organisationId, String organisationName, NrmRole nrmRole) {}
