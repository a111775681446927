package org.opennrm.cases;

/** A code with its label in the reader's language, for a form's choices. */
public record CodeOption(String code, String label) {}
