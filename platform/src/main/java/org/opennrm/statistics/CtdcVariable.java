package org.opennrm.statistics;

/**
 * The 27 variables of the CTDC Global Dataset (codebook version 2, February 2024), in file order, with the
 * group each binary variable belongs to for CTDC's denominator rule. Column names are those of the files CTDC
 * publishes and its users' code reads ({@code meansWithholdDocs}); the 2025 release names the sector columns
 * {@code sectorOfLabour...} and {@code sectorOfSex...}, the 2024 (v2) release {@code typeOfLabour...} and
 * {@code typeOfSex...} ({@link Naming}).
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
    MEANS_WITHHOLD_DOCUMENTS("meansWithholdDocs", Group.MEANS),
    IS_FORCED_LABOUR("isForcedLabour", Group.FORMS),
    IS_SEXUAL_EXPLOIT("isSexualExploit", Group.FORMS),
    IS_OTHER_EXPLOIT("isOtherExploit", Group.FORMS),
    TYPE_OF_LABOUR_AGRICULTURE("sectorOfLabourAgriculture", "typeOfLabourAgriculture", Group.LABOUR_TYPES),
    TYPE_OF_LABOUR_CONSTRUCTION("sectorOfLabourConstruction", "typeOfLabourConstruction", Group.LABOUR_TYPES),
    TYPE_OF_LABOUR_DOMESTIC_WORK("sectorOfLabourDomesticWork", "typeOfLabourDomesticWork", Group.LABOUR_TYPES),
    TYPE_OF_LABOUR_HOSPITALITY("sectorOfLabourHospitality", "typeOfLabourHospitality", Group.LABOUR_TYPES),
    TYPE_OF_SEX_PROSTITUTION("sectorOfSexProstitution", "typeOfSexProstitution", Group.SEX_TYPES),
    TYPE_OF_SEX_PORNOGRAPHY("sectorOfSexPornography", "typeOfSexPornography", Group.SEX_TYPES),
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

    /** Whose column names a file uses: the current (2025) release's, or the 2024 (v2) release's. */
    enum Naming {
        RELEASE_2025,
        RELEASE_2024;

        /** {@code 2025} (the default when none is given) or {@code 2024}. */
        static Naming of(String release) {
            if (release == null || release.isBlank() || release.strip().equals("2025")) {
                return RELEASE_2025;
            }
            if (release.strip().equals("2024")) {
                return RELEASE_2024;
            }
            throw new org.opennrm.RuleViolation(
                    "statistics.ctdc.refused.naming", "The CTDC naming is that of the 2025 or the 2024 release.");
        }
    }

    private final String column;
    private final String column2024;
    private final Group group;

    CtdcVariable(String column, Group group) {
        this(column, column, group);
    }

    CtdcVariable(String column, String column2024, Group group) {
        this.column = column;
        this.column2024 = column2024;
        this.group = group;
    }

    /** The column name in the current release's file. */
    String column() {
        return column;
    }

    String column(Naming naming) {
        return naming == Naming.RELEASE_2024 ? column2024 : column;
    }

    Group group() {
        return group;
    }

    boolean binary() {
        return group != null;
    }
}
