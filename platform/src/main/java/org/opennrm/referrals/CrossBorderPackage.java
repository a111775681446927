package org.opennrm.referrals;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * A case referred to the NRM of another country: the minimum data, with field names after the IOM Human Trafficking
 * Case Data Standard (HTCDS v2.0), and no name, date of birth or circumstances. The sender signs the canonical form
 * ({@link #canonical()}) with its Ed25519 key, so that the receiver can check where it comes from and that nothing
 * was changed on the way.
 *
 * @param prs_Gender HTCDS gender code, or null
 * @param prs_AgeCategory ADULT, CHILD or AGE_IN_DOUBT
 * @param prs_Citizenship ISO 3166 alpha-3 codes
 * @param prs_Languages ISO 639-2 codes
 * @param vic_TypeOfExploitation HTCDS codes
 */
public record CrossBorderPackage(
        String format,
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
        String signature) {

    static final String FORMAT = "opennrm-htcds-2.0-referral/1";

    public CrossBorderPackage {
        prs_Citizenship = sorted(prs_Citizenship);
        prs_Languages = sorted(prs_Languages);
        vic_TypeOfExploitation = sorted(vic_TypeOfExploitation);
    }

    /** The signed text: every field but the signature, one per line, lists sorted. */
    String canonical() {
        return String.join(
                "\n",
                String.valueOf(format),
                String.valueOf(senderCountry),
                String.valueOf(receiverCountry),
                String.valueOf(senderReference),
                String.valueOf(createdAt),
                String.valueOf(purpose),
                String.valueOf(prs_Gender),
                String.valueOf(prs_AgeCategory),
                String.join(",", prs_Citizenship),
                String.join(",", prs_Languages),
                String.join(",", vic_TypeOfExploitation));
    }

    CrossBorderPackage signedWith(String signed) {
        return new CrossBorderPackage(
                format,
                senderCountry,
                receiverCountry,
                senderReference,
                createdAt,
                purpose,
                prs_Gender,
                prs_AgeCategory,
                prs_Citizenship,
                prs_Languages,
                vic_TypeOfExploitation,
                signed);
    }

    private static List<String> sorted(List<String> codes) {
        return codes == null ? List.of() : List.copyOf(new TreeSet<>(codes));
    }

    @Override
    public String toString() {
        return "CrossBorderPackage[" + senderCountry + " " + senderReference + "]";
    }
}
