package org.opennrm.organisations;

import org.opennrm.ChangeCount;
import org.springframework.stereotype.Component;

/** Counts ended changes to organisations ({@link OrganisationRegistry} reports each), so that the registry knows
 * when the organisations it holds are out of date. */
@Component
class OrganisationChanges extends ChangeCount {}
