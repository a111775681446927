package org.opennrm.cases.exchange;

/**
 * What an HTCDS export holds, in counts only: the cases that matched the filters, how many are in the file, and
 * how many an identifying export left out and why. A pseudonymous export leaves nobody out.
 *
 * @param consentWithdrawn consent to share with the receiver was given, then withdrawn
 * @param noSharingConsent no consent in force covers sharing with the receiver (never given, or declined)
 * @param caseClosed consent is in force but the case is closed: the NRM no longer shares it
 */
public record HtcdsExportSummary(
        long matching, long included, long consentWithdrawn, long noSharingConsent, long caseClosed) {

    public long leftOut() {
        return consentWithdrawn + noSharingConsent + caseClosed;
    }

    String auditDetail() {
        return "matching=" + matching + " included=" + included + " leftOut.consentWithdrawn=" + consentWithdrawn
                + " leftOut.noSharingConsent=" + noSharingConsent + " leftOut.caseClosed=" + caseClosed;
    }
}
