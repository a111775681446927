package org.opennrm.cases.documents;

/** What a document of a case is. */
public enum DocumentKind {
    EVIDENCE,
    INTERVIEW_NOTES,
    CONSENT_FORM,
    OTHER
}
