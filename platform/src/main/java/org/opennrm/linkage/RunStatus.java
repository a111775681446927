package org.opennrm.linkage;

import org.springframework.modulith.NamedInterface;

/**
 * Where a linkage run stands. A draft collects lists; running it computes the overlap and completes it; a draft
 * can instead be discarded. Completed and discarded runs keep no encodings.
 */
@NamedInterface("runs")
public enum RunStatus {
    DRAFT,
    COMPLETED,
    DISCARDED
}
