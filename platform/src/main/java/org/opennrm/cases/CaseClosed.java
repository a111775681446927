package org.opennrm.cases;

/** A case was closed. */
public record CaseClosed(CaseId caseId, ClosureReason reason, Stage stage) {}
