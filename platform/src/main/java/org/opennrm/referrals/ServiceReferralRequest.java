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
        @Size(max = 2000) String overrideReason) {

    public ServiceReferralRequest {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "ServiceReferralRequest[" + receiverId + " " + scopes + "]";
    }
}
