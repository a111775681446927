package org.opennrm.monitoring.plan;

import java.time.LocalDate;

/**
 * What the co-ordinator states about a plan: its title, its period and whether every change of a measure's
 * status must come with evidence.
 */
public record PlanDetails(String title, LocalDate startsOn, LocalDate endsOn, boolean evidenceRequired) {}
