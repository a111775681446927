package org.opennrm.cases;

/**
 * A case's reference, status and stage, and the version a change must name: nothing about the person.
 */
public record CaseSummaryLine(CaseId caseId, String reference, CaseStatus status, Stage stage, int version) {}
