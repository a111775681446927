package org.opennrm.cases.exchange;

import java.util.Locale;

/** The two files an HTCDS export is written as: a JSON array of case objects, or CSV with one row per case. */
public enum HtcdsFormat {
    JSON("application/json", "json"),
    CSV("text/csv", "csv");

    private final String mediaType;
    private final String extension;

    HtcdsFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** {@code json} or {@code csv} in any case; JSON when none is given. */
    static HtcdsFormat parse(String word) {
        if (word == null || word.isBlank()) {
            return JSON;
        }
        return switch (word.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "csv" -> CSV;
            default -> throw HtcdsExportInvalid.format();
        };
    }
}
