package org.opennrm.cases;

import java.util.UUID;

/**
 * The person's answer for one purpose, as recorded at referral or later: given or declined. Sharing names the
 * organisation the person agrees to share with.
 */
public record ConsentStatement(ConsentPurpose purpose, UUID organisationId, boolean given) {

    public ConsentStatement {
        if (purpose == null) {
            throw new IllegalArgumentException("A consent needs a purpose");
        }
        if (purpose == ConsentPurpose.SHARING && organisationId == null) {
            throw ConsentMissing.sharingWithoutOrganisation();
        }
        if (purpose != ConsentPurpose.SHARING) {
            organisationId = null;
        }
    }
}
