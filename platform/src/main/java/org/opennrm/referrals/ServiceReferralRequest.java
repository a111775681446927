package org.opennrm.referrals;

import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.opennrm.cases.SharingScope;

/**
 * A referral of a case to a service provider, as the form and the API send it. {@code overrideGround} and
 * {@code overrideReason} are given only to share without the person's consent.
 */
public record ServiceReferralRequest(
        UUID receiverId,
        @Size(max = 2000) String purpose,
        Set<SharingScope> scopes,
        @Size(max = 2000) String healthNeeds,
        OverrideGround overrideGround,
        @Size(max = 2000) String overrideReason)
        implements java.io.Serializable {

    public ServiceReferralRequest {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /**
     * The request without its free texts, to be shown again after a refusal: a flash attribute travels in the
     * session, which is kept in the database as it is, and these texts are encrypted wherever they are stored.
     */
    ServiceReferralRequest withoutTexts() {
        return new ServiceReferralRequest(receiverId, null, scopes, null, overrideGround, null);
    }

    @Override
    public String toString() {
        return "ServiceReferralRequest[" + receiverId + " " + scopes + "]";
    }
}
