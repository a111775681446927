package org.opennrm.assistance;

import org.springframework.modulith.NamedInterface;

/**
 * The catalogue of services and remedies recorded against an assistance plan (Council of Europe Convention on
 * Action against Trafficking, articles 12-16, 28 and 15: assistance, residence, return, compensation).
 */
@NamedInterface("events")
public enum ServiceType {
    EMERGENCY_ACCOMMODATION,
    LONGER_TERM_ACCOMMODATION,
    MEDICAL_CARE,
    PSYCHOLOGICAL_SUPPORT,
    LEGAL_COUNSELLING,
    LEGAL_REPRESENTATION,
    INTERPRETATION,
    EDUCATION_AND_TRAINING,
    LABOUR_MARKET_ACCESS,
    FINANCIAL_SUPPORT,
    COMPENSATION_CLAIM_OFFENDER,
    COMPENSATION_CLAIM_STATE_FUND,
    UNPAID_WAGES_RECOVERY,
    TEMPORARY_RESIDENCE_PERMIT,
    PERMANENT_RESIDENCE_PERMIT,
    FAMILY_SAFETY_MEASURES,
    SAFE_VOLUNTARY_RETURN,
    REINTEGRATION_IN_COUNTRY_OF_ORIGIN,
    RELOCATION;

    /** Residence permits carry an expiry date, and the NRM is reminded before it. */
    public boolean residencePermit() {
        return this == TEMPORARY_RESIDENCE_PERMIT || this == PERMANENT_RESIDENCE_PERMIT;
    }
}
