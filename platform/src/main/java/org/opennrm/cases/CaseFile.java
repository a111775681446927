package org.opennrm.cases;

/**
 * A case as an authorised reader sees it: the case and the person's identity. Only {@link CaseManagement#read}
 * gives one, and logs the read.
 */
public record CaseFile(Case details, PersonIdentity person) {

    @Override
    public String toString() {
        return "CaseFile[" + details.id() + "]";
    }
}
