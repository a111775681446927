package org.opennrm.assistance;

/** One area of the needs assessment, as the form sends it. */
public record NeedForm(NeedArea area, NeedLevel level, String note) {

    @Override
    public String toString() {
        return "NeedForm[" + area + " " + level + "]";
    }
}
