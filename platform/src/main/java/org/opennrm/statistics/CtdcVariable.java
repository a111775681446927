package org.opennrm.statistics;

/**
 * The 27 variables of the CTDC Global Dataset (codebook version 2, February 2024), in file order, with the
 * group each binary variable belongs to for CTDC's denominator rule.
 */
enum CtdcVariable {
    YEAR_OF_REGISTRATION("yearOfRegistration", null),
    GENDER("gender", null),
    AGE_BROAD("ageBroad", null),
    CITIZENSHIP("citizenship", null),
    COUNTRY_OF_EXPLOITATION("CountryOfExploitation", null),
    TRAFFICK_MONTHS("traffickMonths", null),
    MEANS_DEBT_BONDAGE_EARNINGS("meansDebtBondageEarnings", Group.MEANS),
    MEANS_THREATS("meansThreats", Group.MEANS),
    MEANS_ABUSE_PSY_PHY_SEX("meansAbusePsyPhySex", Group.MEANS),
    MEANS_FALSE_PROMISES("meansFalsePromises", Group.MEANS),
    MEANS_DRUGS_ALCOHOL("meansDrugsAlcohol", Group.MEANS),
    MEANS_DENY_BASIC_NEEDS("meansDenyBasicNeeds", Group.MEANS),
    MEANS_EXCESSIVE_WORK_HOURS("meansExcessiveWorkHours", Group.MEANS),
    MEANS_WITHHOLD_DOCUMENTS("meansWithholdDocuments", Group.MEANS),
    IS_FORCED_LABOUR("isForcedLabour", Group.FORMS),
    IS_SEXUAL_EXPLOIT("isSexualExploit", Group.FORMS),
    IS_OTHER_EXPLOIT("isOtherExploit", Group.FORMS),
    TYPE_OF_LABOUR_AGRICULTURE("typeOfLabourAgriculture", Group.LABOUR_TYPES),
    TYPE_OF_LABOUR_CONSTRUCTION("typeOfLabourConstruction", Group.LABOUR_TYPES),
    TYPE_OF_LABOUR_DOMESTIC_WORK("typeOfLabourDomesticWork", Group.LABOUR_TYPES),
    TYPE_OF_LABOUR_HOSPITALITY("typeOfLabourHospitality", Group.LABOUR_TYPES),
    TYPE_OF_SEX_PROSTITUTION("typeOfSexProstitution", Group.SEX_TYPES),
    TYPE_OF_SEX_PORNOGRAPHY("typeOfSexPornography", Group.SEX_TYPES),
    RECRUITER_RELATION_INTIMATE_PARTNER("recruiterRelationIntimatePartner", Group.RECRUITER_RELATION),
    RECRUITER_RELATION_FRIEND("recruiterRelationFriend", Group.RECRUITER_RELATION),
    RECRUITER_RELATION_FAMILY("recruiterRelationFamily", Group.RECRUITER_RELATION),
    RECRUITER_RELATION_OTHER("recruiterRelationOther", Group.RECRUITER_RELATION);

    /** Groups of binary variables within which CTDC computes shares. */
    enum Group {
        MEANS,
        FORMS,
        LABOUR_TYPES,
        SEX_TYPES,
        RECRUITER_RELATION
    }

    private final String column;
    private final Group group;

    CtdcVariable(String column, Group group) {
        this.column = column;
        this.group = group;
    }

    /** The column name in the CTDC file. */
    String column() {
        return column;
    }

    Group group() {
        return group;
    }

    boolean binary() {
        return group != null;
    }
}
