package org.opennrm.referrals;

import java.util.List;
import java.util.UUID;
import org.opennrm.cases.ConsentStatement;
import org.opennrm.cases.EventEntry;
import org.opennrm.cases.OpenCase;
import org.opennrm.cases.PersonIdentity;
import org.opennrm.cases.TraffickingProfile;

/**
 * A referral as the referrer fills it in: the person, whether their age is in doubt, the circumstances, the
 * trafficking profile and timeline, consent per purpose (adults), the guardian appointed (children), and the
 * screening it followed, if any.
 */
public record ReferralRequest(
        PersonIdentity person,
        boolean ageInDoubt,
        String circumstances,
        TraffickingProfile profile,
        List<ConsentStatement> consents,
        List<EventEntry> events,
        UUID guardianAccountId,
        UUID screeningId) {

    OpenCase toOpenCase() {
        return new OpenCase(
                person, ageInDoubt, circumstances, profile, consents, events, guardianAccountId, screeningId);
    }

    @Override
    public String toString() {
        return "ReferralRequest[masked]";
    }
}
