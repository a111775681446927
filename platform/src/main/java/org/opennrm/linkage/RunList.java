package org.opennrm.linkage;

import java.time.Instant;
import java.util.UUID;

/**
 * One agency's list in a linkage run: its label (the column name in the overlap table), how many records were
 * uploaded and, once the run is done, how many distinct persons the list holds.
 *
 * @param fields whether the agency uploaded the list's field encodings ({@code NAME.fields}) too
 */
public record RunList(
        UUID id, int position, String label, int records, Integer persons, Instant uploadedAt, boolean fields) {}
