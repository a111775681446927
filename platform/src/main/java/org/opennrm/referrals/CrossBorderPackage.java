package org.opennrm.referrals;

import java.time.Instant;
import java.util.List;

/**
 * A case referred to the NRM of another country: the minimum data, with field names after the IOM Human Trafficking
 * Case Data Standard (HTCDS v2.0), and no name, date of birth or circumstances. The sender signs the whole package
 * but its signature, as RFC 8785 canonical JSON, with its Ed25519 key ({@link PackageSignatures}); the addressee,
 * the sender and a package id are inside what is signed, so the receiver can check where it comes from, that it is
 * meant for it, that nothing was changed on the way, and that it has not been received before.
 *
 * @param packageId unique per package, so that a receiver refuses the same package twice
 * @param prs_Gender HTCDS gender code, or null
 * @param prs_AgeCategory ADULT, CHILD or AGE_IN_DOUBT
 * @param prs_Citizenship ISO 3166 alpha-3 codes
 * @param prs_Languages ISO 639-2 codes, the person's first language first
 * @param vic_TypeOfExploitation HTCDS codes
 * @param prs_Age the person's age in whole years when the package was made, or null when unknown or in doubt
 * @param con_Consent the purposes the person has consented to that the receiving NRM acts on ({@code ASSISTANCE},
 *     {@code STATISTICS}, {@code POLICE_CONTACT}); consent to this package's sharing is the sender's to check
 */
public record CrossBorderPackage(
        String format,
        String packageId,
        String senderCountry,
        String receiverCountry,
        String senderReference,
        Instant createdAt,
        String purpose,
        String prs_Gender,
        String prs_AgeCategory,
        List<String> prs_Citizenship,
        List<String> prs_Languages,
        List<String> vic_TypeOfExploitation,
        Integer prs_Age,
        List<String> con_Consent,
        String signature) {

    /** The second format signs canonical JSON; the first signed lines of text that values could break into. */
    static final String FORMAT = "opennrm-htcds-2.0-referral/2";

    static final String FIRST_FORMAT = "opennrm-htcds-2.0-referral/1";

    /* lists as received: a receiver checks the signature over exactly what arrived, duplicates and order included */
    public CrossBorderPackage {
        prs_Citizenship = prs_Citizenship == null ? List.of() : List.copyOf(prs_Citizenship);
        prs_Languages = prs_Languages == null ? List.of() : List.copyOf(prs_Languages);
        vic_TypeOfExploitation = vic_TypeOfExploitation == null ? List.of() : List.copyOf(vic_TypeOfExploitation);
        con_Consent = con_Consent == null ? List.of() : List.copyOf(con_Consent);
    }

    @Override
    public String toString() {
        return "CrossBorderPackage[" + senderCountry + " " + senderReference + "]";
    }
}
