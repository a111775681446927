package org.opennrm.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a registration fact (a referral or an anonymous notification) becomes one CTDC record. The platform records
 * HTCDS codes; CTDC's 27 variables are coarser, and the mapping is fixed here so that a contribution always means
 * the same thing:
 *
 * <ul>
 *   <li>gender: feminine is {@code Woman}, masculine {@code Man}, transgender and non-conforming
 *       {@code Trans/Transgender/NonConforming} (CTDC's three values);
 *   <li>forms: forced labour, child labour, servitude and forced begging are {@code isForcedLabour} (ILO forced
 *       labour, sexual services excluded); sexual exploitation is {@code isSexualExploit}; forced marriage, forced
 *       military service, organ removal, forced adoption, surrogacy, forced criminality (online scam compounds
 *       too) and other forms are {@code isOtherExploit};
 *   <li>means: the HTCDS methods of control grouped into CTDC's eight means (debt bondage and taking earnings;
 *       threats of any kind; psychological, physical and sexual abuse; false promises; psychoactive substances;
 *       restricting finances, medical care or necessities; excessive working hours; withholding documents);
 *   <li>types of labour: ISIC sections A, F, T and I;
 *   <li>recruiter relation: familial is {@code recruiterRelationFamily}, acquainted {@code recruiterRelationFriend},
 *       unacquainted {@code recruiterRelationOther};
 *   <li>country of exploitation: the country when exactly one was recorded, otherwise NULL.
 * </ul>
 *
 * <p>Time in trafficking, the types of sexual exploitation and an intimate partner as recruiter are not recorded in
 * HTCDS codes by the platform, so they are always NULL.
 */
final class CtdcCoding {

    private static final Map<String, String> GENDER = Map.of(
            "FEMININE", "Woman",
            "FEMALE", "Woman",
            "MASCULINE", "Man",
            "MALE", "Man",
            "TRANSGENDER_FEMININE", "Trans/Transgender/NonConforming",
            "TRANSGENDER_MASCULINE", "Trans/Transgender/NonConforming",
            "NON_CONFORMING", "Trans/Transgender/NonConforming");

    private static final Map<String, CtdcVariable> FORMS = Map.ofEntries(
            Map.entry("FORCED_LABOUR", CtdcVariable.IS_FORCED_LABOUR),
            Map.entry("CHILD_LABOUR", CtdcVariable.IS_FORCED_LABOUR),
            Map.entry("SERVITUDE", CtdcVariable.IS_FORCED_LABOUR),
            Map.entry("FORCED_BEGGING", CtdcVariable.IS_FORCED_LABOUR),
            Map.entry("SEXUAL_EXPLOITATION", CtdcVariable.IS_SEXUAL_EXPLOIT),
            Map.entry("FORCED_MARRIAGE", CtdcVariable.IS_OTHER_EXPLOIT),
            // the national extension: CTDC has no category of its own, and UNODC keeps forced criminal activity apart
            // from forced labour, so these count as other purposes
            Map.entry("FORCED_CRIMINALITY", CtdcVariable.IS_OTHER_EXPLOIT),
            Map.entry("ONLINE_SCAM_COMPOUND", CtdcVariable.IS_OTHER_EXPLOIT),
            Map.entry("FORCED_MILITARY_BY_NON_STATE_ACTORS", CtdcVariable.IS_OTHER_EXPLOIT),
            Map.entry("ORGAN_REMOVAL", CtdcVariable.IS_OTHER_EXPLOIT),
            Map.entry("FORCED_ADOPTION", CtdcVariable.IS_OTHER_EXPLOIT),
            Map.entry("SURROGACY", CtdcVariable.IS_OTHER_EXPLOIT),
            Map.entry("OTHER", CtdcVariable.IS_OTHER_EXPLOIT));

    private static final Map<String, CtdcVariable> MEANS = Map.ofEntries(
            Map.entry("DEBT_BONDAGE", CtdcVariable.MEANS_DEBT_BONDAGE_EARNINGS),
            Map.entry("TAKES_EARNINGS", CtdcVariable.MEANS_DEBT_BONDAGE_EARNINGS),
            Map.entry("PHYSICAL_THREATS", CtdcVariable.MEANS_THREATS),
            Map.entry("THREATS_LAW_ENFORCEMENT", CtdcVariable.MEANS_THREATS),
            Map.entry("THREATENS_CHILDREN_FAMILY", CtdcVariable.MEANS_THREATS),
            Map.entry("PHYSICAL_ABUSE", CtdcVariable.MEANS_ABUSE_PSY_PHY_SEX),
            Map.entry("SEXUAL_ABUSE", CtdcVariable.MEANS_ABUSE_PSY_PHY_SEX),
            Map.entry("PSYCHOLOGICAL_ABUSE", CtdcVariable.MEANS_ABUSE_PSY_PHY_SEX),
            Map.entry("FALSE_PROMISES", CtdcVariable.MEANS_FALSE_PROMISES),
            Map.entry("PSYCHOACTIVE_SUBSTANCE", CtdcVariable.MEANS_DRUGS_ALCOHOL),
            Map.entry("RESTRICTS_FINANCIAL_ACCESS", CtdcVariable.MEANS_DENY_BASIC_NEEDS),
            Map.entry("RESTRICTS_MEDICAL_CARE", CtdcVariable.MEANS_DENY_BASIC_NEEDS),
            Map.entry("WITHHOLDS_NECESSITIES", CtdcVariable.MEANS_DENY_BASIC_NEEDS),
            Map.entry("EXCESSIVE_WORKING_HOURS", CtdcVariable.MEANS_EXCESSIVE_WORK_HOURS),
            Map.entry("WITHHOLDS_DOCUMENTS", CtdcVariable.MEANS_WITHHOLD_DOCUMENTS));

    private static final Map<String, CtdcVariable> LABOUR = Map.of(
            "A", CtdcVariable.TYPE_OF_LABOUR_AGRICULTURE,
            "F", CtdcVariable.TYPE_OF_LABOUR_CONSTRUCTION,
            "T", CtdcVariable.TYPE_OF_LABOUR_DOMESTIC_WORK,
            "I", CtdcVariable.TYPE_OF_LABOUR_HOSPITALITY);

    private static final Map<String, CtdcVariable> RECRUITER = Map.of(
            "FAMILIAL", CtdcVariable.RECRUITER_RELATION_FAMILY,
            "ACQUAINTED", CtdcVariable.RECRUITER_RELATION_FRIEND,
            "UNAQUAINTED", CtdcVariable.RECRUITER_RELATION_OTHER);

    private CtdcCoding() {}

    static boolean registration(Fact fact) {
        return fact.kind() == EventKind.REFERRAL || fact.kind() == EventKind.ANONYMOUS_NOTIFICATION;
    }

    static CtdcRecord record(Fact fact) {
        if (!registration(fact)) {
            throw new IllegalArgumentException("CTDC records one person registered: a referral or a notification");
        }
        List<String> values = new ArrayList<>(Collections.nCopies(CtdcVariable.values().length, (String) null));
        values.set(
                CtdcVariable.YEAR_OF_REGISTRATION.ordinal(),
                String.valueOf(fact.month().getYear()));
        values.set(CtdcVariable.GENDER.ordinal(), fact.sex() == null ? null : GENDER.get(fact.sex()));
        values.set(CtdcVariable.AGE_BROAD.ordinal(), ageBroad(fact.ageBand()));
        values.set(CtdcVariable.CITIZENSHIP.ordinal(), fact.citizenship());
        values.set(
                CtdcVariable.COUNTRY_OF_EXPLOITATION.ordinal(),
                fact.exploitationCountries().size() == 1
                        ? fact.exploitationCountries().iterator().next()
                        : null);
        mark(values, fact.exploitationForms(), FORMS);
        mark(values, fact.methodsOfControl(), MEANS);
        mark(values, fact.sectors(), LABOUR);
        if (fact.recruiterRelationship() != null) {
            mark(values, Set.of(fact.recruiterRelationship()), RECRUITER);
        }
        return new CtdcRecord(values);
    }

    private static void mark(List<String> values, Set<String> codes, Map<String, CtdcVariable> mapping) {
        for (String code : codes) {
            CtdcVariable variable = mapping.get(code);
            if (variable != null) {
                values.set(variable.ordinal(), "1");
            }
        }
    }

    /** The 27 column names in file order. */
    static List<String> columns() {
        return Arrays.stream(CtdcVariable.values()).map(CtdcVariable::column).toList();
    }

    /** A fact's age band as CTDC's files write it: two hyphens, and {@code 09--17} with its leading zero. */
    static String ageBroad(String ageBand) {
        if (ageBand == null) {
            return null;
        }
        return "9-17".equals(ageBand) ? "09--17" : ageBand.replace("-", "--");
    }
}
