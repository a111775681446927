package org.opennrm.organisations;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of services a partner can offer, drawn from the assistance an NRM owes a trafficked
 * person (Council of Europe Convention, art. 12; OSCE NRM handbook) and the work around it. An
 * organisation's services are stored as these codes, so that referrals can search by service and
 * every language shows its own label; what the catalogue lacks is kept as free text.
 */
public enum ServiceCode {
    OUTREACH,
    HELPLINE,
    IDENTIFICATION,
    CASE_MANAGEMENT,
    SAFE_ACCOMMODATION,
    MEDICAL_CARE,
    PSYCHOLOGICAL_SUPPORT,
    LEGAL_COUNSELLING,
    LEGAL_REPRESENTATION,
    INTERPRETATION,
    SOCIAL_ASSISTANCE,
    FINANCIAL_SUPPORT,
    EDUCATION,
    VOCATIONAL_TRAINING,
    EMPLOYMENT_SUPPORT,
    CHILD_PROTECTION,
    GUARDIANSHIP,
    FAMILY_TRACING,
    RESIDENCE_PERMIT_SUPPORT,
    COMPENSATION_CLAIMS,
    SAFE_RETURN_AND_REINTEGRATION,
    LABOUR_INSPECTION,
    INVESTIGATION;

    /** The catalogue entry a stored service stands for, or empty when it is free text. */
    public static Optional<ServiceCode> of(String service) {
        return Arrays.stream(values())
                .filter(code -> code.name().equals(service))
                .findFirst();
    }
}
