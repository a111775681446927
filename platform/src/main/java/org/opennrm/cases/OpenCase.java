package org.opennrm.cases;

import java.util.List;
import java.util.UUID;

/**
 * What a referral into the NRM brings to open a case. A child (under 18, or whose age is in doubt) comes with
 * the guardian appointed; an adult with their consent to assistance.
 *
 * @param ageInDoubt the referrer cannot tell whether the person is a child: the children's procedure applies
 *     until an age assessment
 * @param screeningId the screening the referral followed, if any (screening module)
 */
public record OpenCase(
        PersonIdentity person,
        boolean ageInDoubt,
        String circumstances,
        TraffickingProfile profile,
        List<ConsentStatement> consents,
        List<EventEntry> events,
        UUID guardianAccountId,
        UUID screeningId) {

    public OpenCase {
        profile = profile == null ? TraffickingProfile.empty() : profile;
        consents = consents == null ? List.of() : List.copyOf(consents);
        events = events == null ? List.of() : List.copyOf(events);
    }

    @Override
    public String toString() {
        return "OpenCase[masked]";
    }
}
