package org.opennrm.cases.justice;

import jakarta.validation.Valid;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.cases.CaseId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The criminal-justice track in JSON. Whoever may not see it gets a 404 problem, as if it did not exist. */
@RestController
@RequestMapping("/api/v1/cases/{id}/criminal-justice")
class CriminalJusticeTrackApi {

    private final CriminalJusticeTracks tracks;

    CriminalJusticeTrackApi(CriminalJusticeTracks tracks) {
        this.tracks = tracks;
    }

    @GetMapping
    CriminalJusticeTrack read(@PathVariable UUID id) {
        var caseId = CaseId.of(id);
        return tracks.read(caseId).orElseThrow(() -> new RecordNotFound(CriminalJusticeTracks.RECORD_TYPE, caseId));
    }

    @PutMapping
    CriminalJusticeTrack record(@PathVariable UUID id, @Valid @RequestBody CriminalJusticeTrackForm form) {
        return tracks.record(CaseId.of(id), form);
    }
}
