package org.opennrm.cases;

import java.util.UUID;

/** A guardian (an account with the guardian role) was appointed for a child. */
public record GuardianAppointed(CaseId caseId, UUID guardianAccountId) {}
