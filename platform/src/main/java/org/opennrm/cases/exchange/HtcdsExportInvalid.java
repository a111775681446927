package org.opennrm.cases.exchange;

import org.opennrm.cases.CaseRuleViolation;

/** An HTCDS export asked for with options that cannot be met. The message names the rule, never a value given. */
public class HtcdsExportInvalid extends CaseRuleViolation {

    private HtcdsExportInvalid(String messageKey, String message) {
        super(messageKey, message);
    }

    static HtcdsExportInvalid format() {
        return new HtcdsExportInvalid("htcdsExport.invalid.format", "Unknown format: choose json or csv.");
    }

    static HtcdsExportInvalid periodDate() {
        return new HtcdsExportInvalid(
                "htcdsExport.invalid.periodDate", "The period of referral is given as dates such as 2026-01-31.");
    }

    static HtcdsExportInvalid periodOrder() {
        return new HtcdsExportInvalid(
                "htcdsExport.invalid.periodOrder", "The period of referral ends before it starts.");
    }

    static HtcdsExportInvalid status() {
        return new HtcdsExportInvalid("htcdsExport.invalid.status", "Unknown case status: choose OPEN or CLOSED.");
    }

    static HtcdsExportInvalid region() {
        return new HtcdsExportInvalid(
                "htcdsExport.invalid.region", "No organisation in the registry serves this region.");
    }

    static HtcdsExportInvalid receiver() {
        return new HtcdsExportInvalid(
                "htcdsExport.invalid.receiver",
                "Choose the receiving organisation: an active organisation of the registry.");
    }

    static HtcdsExportInvalid identity() {
        return new HtcdsExportInvalid(
                "htcdsExport.invalid.identity", "Say whether identity is included with true or false.");
    }
}
