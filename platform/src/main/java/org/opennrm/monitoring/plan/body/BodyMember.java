package org.opennrm.monitoring.plan.body;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An organisation of the registry sitting in the co-ordinating body, with its role, the day it was added and the
 * official who represents it (empty parts of the representative when not named yet).
 */
public record BodyMember(UUID organisationId, BodyRole role, LocalDate since, Representative representative) {}
