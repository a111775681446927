package org.opennrm.cases;

/** The case a referral opened: its id and the NRM reference to quote. */
public record OpenedCase(CaseId caseId, String reference) {}
