package org.opennrm.cases;

/** Assistance started for a presumed or identified victim. */
public record AssistanceStarted(CaseId caseId) {}
