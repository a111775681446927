package org.opennrm.cases.exchange;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.opennrm.cases.CaseStatus;

/**
 * What an HTCDS export is asked for: the file format, the cases (period of referral, inclusive; status; region
 * served by the referring organisation), the organisation that receives the file, and whether identity is
 * included. Every filter is optional; the receiver is not, because every exchange has one.
 *
 * @param identity include name and date of birth, for the cases whose consent covers sharing with the receiver
 */
public record HtcdsExportRequest(
        HtcdsFormat format,
        LocalDate from,
        LocalDate to,
        CaseStatus status,
        String region,
        UUID receiverId,
        boolean identity) {

    static final int REGION_LENGTH = 100;

    public HtcdsExportRequest {
        if (format == null) {
            throw HtcdsExportInvalid.format();
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw HtcdsExportInvalid.periodOrder();
        }
        region = region == null || region.isBlank() ? null : region.strip();
        if (region != null && region.length() > REGION_LENGTH) {
            throw HtcdsExportInvalid.region();
        }
        if (receiverId == null) {
            throw HtcdsExportInvalid.receiver();
        }
    }

    /** Reads the options as the page and the API receive them (text); a bad one gives {@link HtcdsExportInvalid}. */
    public static HtcdsExportRequest of(
            String format, String from, String to, String status, String region, String receiver, String identity) {
        return new HtcdsExportRequest(
                HtcdsFormat.parse(format),
                date(from),
                date(to),
                status(status),
                region,
                receiver(receiver),
                flag(identity));
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw HtcdsExportInvalid.periodDate();
        }
    }

    private static CaseStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return CaseStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HtcdsExportInvalid.status();
        }
    }

    private static UUID receiver(String text) {
        if (text == null || text.isBlank()) {
            throw HtcdsExportInvalid.receiver();
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw HtcdsExportInvalid.receiver();
        }
    }

    /* true or false as written, nothing else: whether an identifying file is made must never rest on a guess */
    private static boolean flag(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        return switch (text.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw HtcdsExportInvalid.identity();
        };
    }

    /** The options for the audit trail: codes and dates only (the region is one the registry knows). */
    String auditDetail() {
        return "format=" + format + " identity=" + identity + " receiver=" + receiverId + " from="
                + (from == null ? "-" : from) + " to=" + (to == null ? "-" : to) + " status="
                + (status == null ? "-" : status) + " region=" + (region == null ? "-" : region);
    }
}
