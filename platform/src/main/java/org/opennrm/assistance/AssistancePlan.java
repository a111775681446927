package org.opennrm.assistance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The individual assistance plan of a case: open while services are recorded against it, then closed. */
public record AssistancePlan(UUID id, boolean open, Instant openedAt, Instant closedAt, List<PlanItem> items) {}
