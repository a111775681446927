package org.opennrm.cases;

import java.util.Optional;
import java.util.UUID;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.linkage.DuplicateCheck;
import org.opennrm.linkage.PersonEncoding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Encodes again, field by field, the persons whose cases were opened before the duplicate check kept field
 * encodings, so that an upgraded installation's field-aware sweep compares everyone, not only the persons referred
 * since. The identity is this module's: it is read here, encoded with {@link PersonEncoding} (which keeps nothing)
 * and handed to the {@code linkage} module; nothing of it is logged or shown. Runs every five minutes by default
 * ({@code opennrm.cases.person-fields-cron}; "-" turns it off) until no such person is left, in batches of
 * {@value #BATCH}, each one transaction and one audit entry (counts only). Several nodes may run it at once: a
 * person already given field encodings is skipped.
 */
@Component
class PersonFieldsBackfill {

    private static final Logger log = LoggerFactory.getLogger(PersonFieldsBackfill.class);

    static final int BATCH = 500;

    static final String RECORD_TYPE = "person-field-encodings";

    private final DuplicateCheck duplicateCheck;
    private final PersonEncoding personEncoding;
    private final Persons persons;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    PersonFieldsBackfill(
            DuplicateCheck duplicateCheck,
            PersonEncoding personEncoding,
            Persons persons,
            JdbcClient jdbc,
            AuditTrail audit,
            PlatformTransactionManager transactionManager) {
        this.duplicateCheck = duplicateCheck;
        this.personEncoding = personEncoding;
        this.persons = persons;
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(cron = "${opennrm.cases.person-fields-cron:15 */5 * * * *}")
    void scheduled() {
        int added = backfill();
        if (added > 0) {
            log.info("Field encodings added for {} persons known before the field-aware duplicate check", added);
        }
    }

    /** Adds field encodings for every person stored without them; returns how many were added. */
    int backfill() {
        int added = 0;
        while (true) {
            Integer batch = transactions.execute(status -> batch());
            if (batch == null || batch < 0) {
                return added;
            }
            added += batch;
        }
    }

    private Optional<PersonEncoding.Encoded> encoded(PersonIdentity person) {
        try {
            return Optional.of(CaseManagement.encodingOf(personEncoding, person));
        } catch (IllegalArgumentException e) {
            // a value the encoder refuses (the message names the field, never the value)
            return Optional.empty();
        }
    }

    /** One batch; -1 when there was nothing left to do. */
    private int batch() {
        var caseIds = duplicateCheck.casesWithoutFields(BATCH);
        if (caseIds.isEmpty()) {
            return -1;
        }
        // no identity to encode (the case erased meanwhile) or one the encoder refuses: the person gets field
        // encodings of nothing, which the model reads as every field missing (no weight either way), so that the
        // next batch does not take it up again
        var nothing = personEncoding.encodeWithFields(null, null, null, null, null);
        int added = 0;
        int unreadable = 0;
        for (UUID caseId : caseIds) {
            var encoded = jdbc.sql("select person_id from cases.case_file where id = :id and erased_at is null")
                    .param("id", caseId)
                    .query(UUID.class)
                    .optional()
                    .flatMap(persons::find)
                    .flatMap(this::encoded);
            // false when another node was first: counted by neither
            if (duplicateCheck.addFields(caseId, encoded.orElse(nothing))) {
                if (encoded.isPresent()) {
                    added++;
                } else {
                    unreadable++;
                }
            }
        }
        audit.record(
                AuditAction.UPDATE,
                RECORD_TYPE,
                null,
                "field encodings added=" + added + " without identity=" + unreadable);
        return added;
    }
}
