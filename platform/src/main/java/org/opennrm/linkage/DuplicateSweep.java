package org.opennrm.linkage;

import java.time.Instant;

/**
 * The last sweep of the field-aware duplicate check: when it ran, over how many persons, how many pairs reached
 * the threshold and how many of them were new alerts, or why the model could not be estimated.
 *
 * @param notEstimated the linkage library's reason when the model could not be estimated; null when it was
 * @param lastSequence the last stored encoding the sweep saw, so that the next one runs only when there is more
 */
public record DuplicateSweep(
        Instant sweptAt, int persons, int pairs, int raised, String notEstimated, long lastSequence) {}
