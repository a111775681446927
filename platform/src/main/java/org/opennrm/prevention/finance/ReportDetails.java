package org.opennrm.prevention.finance;

import java.time.LocalDate;
import java.util.List;

/** A report to code: reference, date received, entity type and the red flags found (catalogue codes). */
public record ReportDetails(String reference, LocalDate receivedOn, EntityType entityType, List<String> indicators) {}
