package org.opennrm.monitoring.plan.body;

import java.time.LocalDate;
import java.util.UUID;

/** An organisation of the registry sitting in the co-ordinating body, with its role and the day it was added. */
public record BodyMember(UUID organisationId, BodyRole role, LocalDate since) {}
