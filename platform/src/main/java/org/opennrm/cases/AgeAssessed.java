package org.opennrm.cases;

/** An age assessment concluded whether the person is a child. */
public record AgeAssessed(CaseId caseId, AgeCategory outcome) {}
