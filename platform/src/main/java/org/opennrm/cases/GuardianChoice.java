package org.opennrm.cases;

import java.util.UUID;

/** A guardian who can be appointed: an enabled account with the guardian role. */
public record GuardianChoice(UUID accountId, String displayName) {}
