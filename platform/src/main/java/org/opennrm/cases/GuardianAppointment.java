package org.opennrm.cases;

import java.time.Instant;
import java.util.UUID;

/** A guardian appointed for a child; the latest appointment is the guardian now. */
public record GuardianAppointment(UUID id, UUID guardianAccountId, Instant appointedAt, UUID appointedBy) {}
