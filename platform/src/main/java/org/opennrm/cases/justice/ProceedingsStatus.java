package org.opennrm.cases.justice;

/** The person's status in criminal proceedings, in the words of the criminal-justice track. */
public enum ProceedingsStatus {
    NO_PROCEEDINGS,
    WITNESS,
    INJURED_PARTY,
    CIVIL_PARTY,
    OTHER
}
