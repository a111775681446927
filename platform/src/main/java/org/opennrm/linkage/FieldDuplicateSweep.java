package org.opennrm.linkage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.linkage.encoding.Encodings;
import org.opennrm.linkage.matching.Match;
import org.opennrm.linkage.scoring.FieldLinkage;
import org.opennrm.linkage.scoring.ModelNotEstimated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The duplicate check with the field-aware model. The check at referral compares whole-record encodings at once;
 * on lists where many people share a popular name that misses many of the same persons and alerts on different
 * ones (bench/README-linkage.md). So, after referrals, this sweep estimates the field-aware model on all the NRM's
 * persons that have field encodings (names, date of birth, sex and citizenship compared one by one, with weights
 * learnt from the persons themselves and common names counting less) and raises an alert for each pair whose match
 * probability reaches the threshold and that has none yet. It runs every few minutes when persons were added or
 * changed since the last sweep, on one node at a time.
 *
 * <p>The model is estimated on the whole population each time: it needs many pairs to learn from, and a few
 * thousand persons take well under a second. Fewer than 100 persons, or too few likely duplicates among them, and it
 * is not estimated: the sweep records why and raises nothing, and the check at referral still holds.
 */
@Component
class FieldDuplicateSweep {

    private static final Logger log = LoggerFactory.getLogger(FieldDuplicateSweep.class);

    private final Duplicates duplicates;
    private final PersonEncoding personEncoding;
    private final AuditTrail audit;
    private final Clock clock;
    private final double threshold;
    private final TransactionTemplate transactions;
    private final FieldLinkage fieldLinkage = new FieldLinkage();

    FieldDuplicateSweep(
            Duplicates duplicates,
            PersonEncoding personEncoding,
            AuditTrail audit,
            Clock clock,
            PlatformTransactionManager transactionManager,
            @Value("${opennrm.linkage.duplicate-probability:0.8}") double threshold) {
        if (!(threshold >= 0.5 && threshold <= 1)) {
            throw new IllegalArgumentException(
                    "opennrm.linkage.duplicate-probability must be from 0.5 to 1, not " + threshold);
        }
        this.duplicates = duplicates;
        this.personEncoding = personEncoding;
        this.audit = audit;
        this.clock = clock;
        this.threshold = threshold;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Every five minutes by default ({@code opennrm.linkage.duplicate-sweep-cron}; "-" turns it off). */
    @Scheduled(cron = "${opennrm.linkage.duplicate-sweep-cron:0 */5 * * * *}")
    void scheduled() {
        var sweep = sweep();
        if (sweep != null && sweep.raised() > 0) {
            log.info("Field-aware duplicate sweep over {} persons raised {} alerts", sweep.persons(), sweep.raised());
        }
    }

    /**
     * Sweeps when persons were stored or changed since the last sweep and no other node is sweeping, in one
     * transaction (which holds the sweep's lock).
     *
     * @return the sweep, or null when there was nothing new or another node was at it
     */
    DuplicateSweep sweep() {
        return transactions.execute(status -> sweepInTransaction());
    }

    private DuplicateSweep sweepInTransaction() {
        if (!duplicates.tryLockForSweep()) {
            return null;
        }
        long lastSequence = duplicates.lastSequence();
        var previous = duplicates.lastSweep();
        if (previous.isPresent() && previous.get().lastSequence() >= lastSequence) {
            return null;
        }
        var persons = duplicates.personsWithFields();
        var now = clock.instant();
        DuplicateSweep sweep;
        try {
            var found = pairs(persons);
            int raised = 0;
            for (var pair : found) {
                // persons come in the order they were stored: the later one is the case the alert is about, as at
                // referral ("newly referred case" on the review page)
                UUID later = persons.get(Math.max(pair.a(), pair.b())).caseId();
                UUID earlier = persons.get(Math.min(pair.a(), pair.b())).caseId();
                if (duplicates.insert(
                        UUID.randomUUID(), later, earlier, pair.similarity(), DuplicateBasis.MODEL, now)) {
                    raised++;
                }
            }
            sweep = new DuplicateSweep(now, persons.size(), found.size(), raised, null, lastSequence);
        } catch (ModelNotEstimated e) {
            sweep = new DuplicateSweep(now, persons.size(), 0, 0, e.getMessage(), lastSequence);
        }
        duplicates.recordSweep(sweep);
        // one entry per sweep, with counts only, like the check at referral
        audit.record(
                AuditAction.CREATE,
                DuplicateCheck.CHECK_RECORD_TYPE,
                null,
                String.format(
                        Locale.ROOT,
                        "field-aware sweep persons=%d pairs=%d possible duplicates=%d%s",
                        sweep.persons(),
                        sweep.pairs(),
                        sweep.raised(),
                        sweep.notEstimated() == null ? "" : " model not estimated"));
        return sweep;
    }

    /** The pairs of persons at or above the threshold, as positions in {@code persons}. */
    private List<Match> pairs(List<Duplicates.StoredPerson> persons) {
        if (persons.size() < FieldLinkage.MIN_RECORDS) {
            throw new ModelNotEstimated("too few persons with field encodings to estimate the weights ("
                    + persons.size() + "; at least " + FieldLinkage.MIN_RECORDS + " are needed)");
        }
        long[] words = new long[persons.size() * Encodings.WORDS];
        List<String> ids = new ArrayList<>(persons.size());
        List<byte[]> fields = new ArrayList<>(persons.size());
        for (int p = 0; p < persons.size(); p++) {
            long[] person = Similarity.words(persons.get(p).encoding());
            System.arraycopy(person, 0, words, p * Encodings.WORDS, Encodings.WORDS);
            ids.add(Integer.toString(p));
            fields.add(persons.get(p).fields());
        }
        var deduplicated = fieldLinkage.dedup(new Encodings(ids, words), personEncoding.fields(fields), threshold);
        return deduplicated.pairs();
    }
}
