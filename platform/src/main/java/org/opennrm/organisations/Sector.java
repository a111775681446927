package org.opennrm.organisations;

/** The sector an organisation belongs to: who can meet a trafficked person, and in which capacity. */
public enum Sector {
    NGO,
    POLICE,
    LABOUR_INSPECTORATE,
    HEALTH,
    EDUCATION,
    SOCIAL_SERVICES,
    MUNICIPALITY,
    IMMIGRATION,
    BORDER_GUARD,
    PROSECUTION,
    JUDICIARY,
    OMBUDSMAN_OR_NATIONAL_RAPPORTEUR,
    TRADE_UNION,
    EMPLOYER_OR_BUSINESS,
    MEDIA,
    COMMUNITY_OR_RELIGIOUS_ORGANISATION,
    INTERNATIONAL_ORGANISATION,
    FINANCIAL_INTELLIGENCE_UNIT,
    PUBLIC_PROCUREMENT,
    OTHER
}
