package org.opennrm.cases.exchange;

/**
 * The options of an HTCDS export as the page's form sends them (text): the page shows them back as given.
 *
 * @param preview set by the button that asks for the counts
 */
public record HtcdsExportForm(
        String format,
        String from,
        String to,
        String status,
        String region,
        String receiver,
        String identity,
        String preview) {

    public HtcdsExportRequest request() {
        return HtcdsExportRequest.of(format, from, to, status, region, receiver, identity);
    }

    public boolean identityChosen() {
        return identity != null && "true".equals(identity.strip());
    }

    public boolean csvChosen() {
        return "csv".equalsIgnoreCase(format == null ? "" : format.strip());
    }
}
