package org.opennrm.assistance;

/** An offence to which the non-punishment principle applies. */
public record NonPunishmentForm(String offence, boolean directResult, String note) {

    @Override
    public String toString() {
        return "NonPunishmentForm[masked]";
    }
}
