package org.opennrm.assistance;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * What came of a service that is applied for or claimed rather than simply delivered, as a code: a residence permit
 * applied for, granted or refused; compensation claimed, awarded or refused; a safe return with or without an
 * assessment of the risks the person faces on return (Council of Europe Convention, articles 14, 15 and 16). The
 * practitioner's own words stay in the service's outcome text; this is what statistics counts.
 */
@NamedInterface("events")
public enum ServiceResult {
    APPLIED,
    GRANTED,
    REFUSED,
    CLAIMED,
    AWARDED,
    SAFETY_ASSESSED,
    NOT_SAFETY_ASSESSED;

    /** The results a service of the type may have; none for services that are simply delivered. */
    public static List<ServiceResult> of(ServiceType type) {
        return switch (type) {
            case TEMPORARY_RESIDENCE_PERMIT, PERMANENT_RESIDENCE_PERMIT -> List.of(APPLIED, GRANTED, REFUSED);
            case COMPENSATION_CLAIM_OFFENDER, COMPENSATION_CLAIM_STATE_FUND -> List.of(CLAIMED, AWARDED, REFUSED);
            case SAFE_VOLUNTARY_RETURN -> List.of(SAFETY_ASSESSED, NOT_SAFETY_ASSESSED);
            default -> List.of();
        };
    }

    /** A result still waiting for a decision (an application or a claim), which a later decision replaces. */
    public boolean pending() {
        return this == APPLIED || this == CLAIMED;
    }

    /** The results a decision on a pending application or claim may record. */
    public List<ServiceResult> decisions() {
        return switch (this) {
            case APPLIED -> List.of(GRANTED, REFUSED);
            case CLAIMED -> List.of(AWARDED, REFUSED);
            default -> List.of();
        };
    }
}
