package org.opennrm.linkage;

import java.time.Instant;
import java.util.UUID;

/**
 * Two cases whose persons' encodings are alike enough that they may be the same person. Raised by the
 * {@link DuplicateCheck} when the later case was referred (by the Dice similarity of the two encodings), or by the
 * {@link FieldDuplicateSweep field-aware sweep} (by the match probability of the field-aware model); a case manager
 * decides, and the decision is only recorded: the two cases stay apart. Holds ids, references and a similarity or
 * probability, never identity.
 *
 * @param caseId the case whose referral raised the alert
 * @param caseReference its NRM reference as the caller gave it, or null
 * @param otherCaseId the case already known
 * @param similarity the Dice coefficient of the two encodings, or the match probability when the basis is the
 *     model; 0 to 1
 * @param basis what raised the alert
 */
public record PossibleDuplicate(
        UUID id,
        UUID caseId,
        String caseReference,
        UUID otherCaseId,
        String otherCaseReference,
        double similarity,
        DuplicateBasis basis,
        DuplicateStatus status,
        Instant foundAt,
        Instant reviewedAt,
        int version) {

    /** The similarity as a whole percentage, for pages. */
    public long percent() {
        return Math.round(similarity * 100);
    }
}
