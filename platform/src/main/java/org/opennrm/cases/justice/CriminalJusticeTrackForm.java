package org.opennrm.cases.justice;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The form (and API request) of the criminal-justice track. */
public record CriminalJusticeTrackForm(
        @Size(max = 4000) String proceedings,
        @NotNull ProceedingsStatus status,
        @Size(max = 4000) String protectionMeasures,
        @NotNull Cooperation cooperation) {

    static CriminalJusticeTrackForm of(CriminalJusticeTrack track) {
        return track == null
                ? new CriminalJusticeTrackForm(null, ProceedingsStatus.NO_PROCEEDINGS, null, Cooperation.UNKNOWN)
                : new CriminalJusticeTrackForm(
                        track.proceedings(), track.status(), track.protectionMeasures(), track.cooperation());
    }
}
