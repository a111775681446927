package org.opennrm.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The consents of one case, per purpose (and for sharing, per organisation): given, refused or withdrawn, never
 * deleted. What is in force answers whether the case file may be shared with an organisation.
 *
 * <p>A part of the {@link Case} aggregate, changed only by it: the case checks that it is open and announces every
 * consent given or withdrawn.
 */
final class Consents {

    private final List<Consent> consents;

    Consents(List<Consent> consents) {
        this.consents = new ArrayList<>(consents);
    }

    /** Whether a consent for this purpose (and this organisation, or none) is in force. */
    boolean inForce(ConsentPurpose purpose, UUID organisationId) {
        return consents.stream()
                .anyMatch(consent -> consent.inForce()
                        && consent.purpose() == purpose
                        && Objects.equals(consent.organisationId(), organisationId));
    }

    /** Whether any consent for this purpose is in force, whichever organisation it names. */
    boolean inForce(ConsentPurpose purpose) {
        return consents.stream().anyMatch(consent -> consent.inForce() && consent.purpose() == purpose);
    }

    /** Whether a consent to share with this organisation is in force. */
    boolean sharingAllowedWith(UUID organisationId) {
        return consents.stream()
                .anyMatch(consent -> consent.inForce()
                        && consent.purpose() == ConsentPurpose.SHARING
                        && organisationId.equals(consent.organisationId()));
    }

    /** A consent of this case in force, by its id. */
    Optional<Consent> inForce(UUID consentId) {
        return consents.stream()
                .filter(candidate -> candidate.id().equals(consentId) && candidate.inForce())
                .findFirst();
    }

    void add(Consent consent) {
        consents.add(consent);
    }

    /**
     * Withdraws every consent in force for the purpose (with this organisation only, when one is named) and returns
     * them as withdrawn; none when none was in force.
     */
    List<Consent> withdraw(ConsentPurpose purpose, UUID organisationId, UUID by, Instant now) {
        var withdrawn = new ArrayList<Consent>();
        for (int i = 0; i < consents.size(); i++) {
            var consent = consents.get(i);
            if (consent.inForce()
                    && consent.purpose() == purpose
                    && (organisationId == null || organisationId.equals(consent.organisationId()))) {
                var changed = consent.withdrawnBy(by, now);
                consents.set(i, changed);
                withdrawn.add(changed);
            }
        }
        return withdrawn;
    }

    List<Consent> all() {
        return List.copyOf(consents);
    }
}
