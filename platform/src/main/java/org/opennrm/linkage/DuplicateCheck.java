package org.opennrm.linkage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.RuleViolation;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Is this person already known to the NRM? When a case is opened, the {@code cases} module hands in the encoding
 * of its person ({@link PersonEncoding}); the check stores it (with the case id, no names) and compares it with
 * the stored encodings of every other case, exactly (all pairs, against a mirror kept in memory by
 * {@link EncodingIndex}). Each case at or above the threshold becomes a
 * {@link PossibleDuplicate} for a case manager to review. A decision is recorded and nothing else: cases are never
 * merged automatically, because a wrong merge would mix two persons' files.
 */
@Service
public class DuplicateCheck {

    static final String RECORD_TYPE = "possible-duplicate";
    static final String CHECK_RECORD_TYPE = "duplicate-check";

    /**
     * Encodings with fewer bits set carry too little to tell persons apart: sex and citizenship alone set about 18
     * bits with the default schema, a name or a date of birth 60 or more. Such encodings are not compared.
     */
    static final int MIN_BITS = 48;

    /**
     * A person referred many times is shown against the most similar cases only; more alerts for one referral
     * would bury the review page without telling the case manager anything new.
     */
    static final int MAX_ALERTS = 20;

    private final Duplicates duplicates;
    private final EncodingIndex index;
    private final AuditTrail audit;
    private final Clock clock;
    private final double threshold;

    DuplicateCheck(
            Duplicates duplicates,
            EncodingIndex index,
            AuditTrail audit,
            Clock clock,
            @Value("${opennrm.linkage.duplicate-threshold:0.85}") double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException(
                    "opennrm.linkage.duplicate-threshold must be above 0 and at most 1, not " + threshold);
        }
        this.duplicates = duplicates;
        this.index = index;
        this.audit = audit;
        this.clock = clock;
        this.threshold = threshold;
    }

    /** As {@link #check(UUID, String, byte[])}, for a caller that has no reference to show. */
    @Transactional
    public List<PossibleDuplicate> check(UUID caseId, byte[] encoding) {
        return check(caseId, null, encoding);
    }

    /**
     * Stores the encoding of a newly referred person and raises an alert for every other case whose person's
     * encoding is at least as similar as the threshold. For modules (the {@code cases} module, in the transaction
     * that opens the case), not for requests of people: it checks no permission.
     *
     * @param caseReference the case's NRM reference, shown on the review page instead of the id
     * @param encoding 128 bytes (1024 bits) in the anonlink layout, made by {@link PersonEncoding}
     * @return the alerts raised now, most similar first
     */
    @Transactional
    public List<PossibleDuplicate> check(UUID caseId, String caseReference, byte[] encoding) {
        return check(caseId, caseReference, encoding, null);
    }

    /**
     * As {@link #check(UUID, String, byte[])}, storing the person's field encodings too (encrypted), so that the
     * {@link FieldDuplicateSweep field-aware sweep} compares the person field by field with everyone known.
     */
    @Transactional
    public List<PossibleDuplicate> check(UUID caseId, String caseReference, PersonEncoding.Encoded encoded) {
        return check(caseId, caseReference, encoded.encoding(), encoded.fields());
    }

    private List<PossibleDuplicate> check(UUID caseId, String caseReference, byte[] encoding, byte[] fields) {
        if (caseId == null) {
            throw new IllegalArgumentException("A duplicate check needs the case id");
        }
        long[] words = Similarity.words(encoding);
        var now = clock.instant();
        duplicates.lockForCheck();
        List<EncodingIndex.Similar> similar =
                Similarity.popcount(words) < MIN_BITS ? List.of() : index.similarTo(caseId, words, threshold);
        duplicates.storeEncoding(caseId, caseReference, encoding.clone(), fields, now);
        if (similar.isEmpty()) {
            return List.of();
        }
        // a few more than needed, in case another node's mirror still holds a case erased meanwhile
        similar = similar.subList(0, Math.min(similar.size(), 2 * MAX_ALERTS));
        var stored = new HashSet<>(duplicates.stillStored(
                similar.stream().map(EncodingIndex.Similar::caseId).toList()));
        List<PossibleDuplicate> raised = new ArrayList<>();
        for (var candidate : similar) {
            if (raised.size() == MAX_ALERTS || !stored.contains(candidate.caseId())) {
                continue;
            }
            UUID id = UUID.randomUUID();
            if (duplicates.insert(id, caseId, candidate.caseId(), candidate.similarity(), now)) {
                raised.add(duplicates.find(id).orElseThrow());
            }
        }
        if (!raised.isEmpty()) {
            // one entry per check, not per alert: a person referred many times must not flood the audit trail
            audit.record(
                    AuditAction.CREATE,
                    CHECK_RECORD_TYPE,
                    caseId,
                    "possible duplicates=" + raised.size() + " highest similarity="
                            + rounded(raised.getFirst().similarity()));
        }
        return List.copyOf(raised);
    }

    /**
     * Removes the stored encoding of a case's person (when the case file is erased under the retention rules),
     * so that later referrals are no longer compared with it. Alerts keep their decision.
     */
    @Transactional
    public void forget(UUID caseId) {
        duplicates.deleteEncoding(caseId);
        index.remove(caseId);
    }

    /**
     * Cases whose person was stored before field encodings were (up to {@code limit}), for the {@code cases}
     * module to encode again with {@link PersonEncoding#encodeWithFields} and hand in with {@link #addFields}. For
     * modules, not for requests of people: it checks no permission.
     */
    @Transactional(readOnly = true)
    public List<UUID> casesWithoutFields(int limit) {
        return duplicates.casesWithoutFields(limit);
    }

    /**
     * Adds the field encodings of a case's person stored without them, so that the sweep compares the person field by
     * field. The whole-record encoding stays as it is (the same secret gives the same one); no check runs again.
     *
     * @return false when the case's encoding is gone (erased meanwhile) or already has field encodings
     */
    @Transactional
    public boolean addFields(UUID caseId, PersonEncoding.Encoded encoded) {
        return duplicates.addFields(caseId, encoded.fields());
    }

    /** The last sweep of the field-aware model, if one ran. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('cases:read:all')")
    public java.util.Optional<DuplicateSweep> lastSweep() {
        return duplicates.lastSweep();
    }

    /** The alerts waiting for a decision, most similar first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('cases:read:all')")
    public List<PossibleDuplicate> open() {
        return duplicates.withStatus(DuplicateStatus.OPEN);
    }

    /** Every alert that involves the case, open or decided, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('cases:read:all')")
    public List<PossibleDuplicate> ofCase(UUID caseId) {
        return duplicates.ofCase(caseId);
    }

    /**
     * Records a case manager's decision on an alert. It changes nothing else: confirming that two cases concern the
     * same person does not merge them, it tells those who work on them.
     *
     * @throws OptimisticLockingFailureException when the alert changed since the reviewer saw it
     */
    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public PossibleDuplicate review(UUID id, DuplicateStatus decision, int expectedVersion) {
        if (decision == null || !decision.isDecision()) {
            throw new RuleViolation(
                    "linkage.duplicate.decisionMissing",
                    "A review confirms the two cases as different persons or as the same person.");
        }
        var alert = duplicates.find(id).orElseThrow(() -> new RecordNotFound(RECORD_TYPE, id));
        var reviewer = Actor.current().map(Actor::accountId).orElse(null);
        if (!duplicates.decide(alert.id(), expectedVersion, decision, reviewer, clock.instant())) {
            throw new OptimisticLockingFailureException("The possible duplicate " + id + " changed meanwhile");
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id, "status=" + decision);
        return duplicates.find(id).orElseThrow();
    }

    double threshold() {
        return threshold;
    }

    private static String rounded(double similarity) {
        return String.format(java.util.Locale.ROOT, "%.3f", similarity);
    }
}
