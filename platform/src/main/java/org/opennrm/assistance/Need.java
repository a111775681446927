package org.opennrm.assistance;

import java.time.LocalDate;

/** The latest assessment of one area of need. The note may describe the person's situation: never logged. */
public record Need(NeedArea area, NeedLevel level, String note, LocalDate assessedOn) {

    @Override
    public String toString() {
        return "Need[" + area + " " + level + "]";
    }
}
