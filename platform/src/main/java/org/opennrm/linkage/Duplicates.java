package org.opennrm.linkage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.opennrm.access.IdentityProtection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored encodings of the NRM's persons and the possible duplicates found among them. */
@Repository
class Duplicates {

    private static final String SELECT = """
            select d.id, d.case_id, a.case_reference, d.other_case_id, b.case_reference as other_reference,
                d.similarity, d.basis, d.status, d.found_at, d.reviewed_at, d.version
            from linkage.possible_duplicate d
            left join linkage.person_encoding a on a.case_id = d.case_id
            left join linkage.person_encoding b on b.case_id = d.other_case_id
            """;

    // one lock id for all duplicate checks of the installation
    private static final long CHECK_LOCK = 0x11A4A6EL;

    // the field-aware sweep, which one node at a time runs
    private static final long SWEEP_LOCK = 0x11A4A6FL;

    static final String FIELDS_CONTEXT = "linkage.person_encoding.fields:";

    private final JdbcClient jdbc;
    private final IdentityProtection protection;

    Duplicates(JdbcClient jdbc, IdentityProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    /** Whether this transaction got the sweep to itself (false when another node's sweep is running). */
    boolean tryLockForSweep() {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
                .param("lock", SWEEP_LOCK)
                .query(Boolean.class)
                .single());
    }

    /**
     * Makes concurrent checks wait for each other until their transactions end, so that two referrals of the same
     * person opened at the same moment still see each other's encoding.
     */
    void lockForCheck() {
        jdbc.sql("select pg_advisory_xact_lock(:lock)")
                .param("lock", CHECK_LOCK)
                .query()
                .singleRow();
    }

    /**
     * Stores or replaces the encoding of a case's person, and its field encodings (encrypted, bound to the case)
     * when given; either way it takes the next sequence number.
     */
    void storeEncoding(UUID caseId, String caseReference, byte[] encoding, byte[] fields, Instant at) {
        String sealed = fields == null
                ? null
                : protection.encrypt(Base64.getEncoder().encodeToString(fields), FIELDS_CONTEXT + caseId);
        jdbc.sql("""
                        insert into linkage.person_encoding (case_id, case_reference, encoding, fields, recorded_at)
                        values (:caseId, :reference, :encoding, :fields, :at)
                        on conflict (case_id) do update set case_reference = coalesce(excluded.case_reference,
                            linkage.person_encoding.case_reference), encoding = excluded.encoding,
                            fields = excluded.fields, recorded_at = excluded.recorded_at,
                            sequence = nextval('linkage.person_encoding_sequence')""")
                .param("caseId", caseId)
                .param("reference", caseReference)
                .param("encoding", encoding)
                .param("fields", sealed)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Up to {@code limit} cases whose person's encoding is stored without field encodings (stored before them). */
    List<UUID> casesWithoutFields(int limit) {
        return jdbc.sql(
                        "select case_id from linkage.person_encoding where fields is null order by sequence limit :limit")
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /**
     * Adds field encodings to a stored person that has none, which takes the next sequence number so that the
     * sweep looks again; false when the case has no stored encoding any more or already has field encodings.
     */
    boolean addFields(UUID caseId, byte[] fields) {
        String sealed = protection.encrypt(Base64.getEncoder().encodeToString(fields), FIELDS_CONTEXT + caseId);
        return jdbc.sql("""
                        update linkage.person_encoding
                        set fields = :fields, sequence = nextval('linkage.person_encoding_sequence')
                        where case_id = :caseId and fields is null""").param("fields", sealed).param("caseId", caseId).update() == 1;
    }

    /** A stored person with field encodings, decrypted, for the sweep. */
    record StoredPerson(UUID caseId, byte[] encoding, byte[] fields, long sequence) {}

    /** Every stored person that has field encodings, in the order they were stored. */
    List<StoredPerson> personsWithFields() {
        return jdbc.sql("""
                        select case_id, encoding, fields, sequence from linkage.person_encoding
                        where fields is not null order by sequence""")
                .query((rs, row) -> {
                    UUID caseId = rs.getObject(1, UUID.class);
                    byte[] fields =
                            Base64.getDecoder().decode(protection.decrypt(rs.getString(3), FIELDS_CONTEXT + caseId));
                    return new StoredPerson(caseId, rs.getBytes(2), fields, rs.getLong(4));
                })
                .list();
    }

    /** The highest sequence number of a stored encoding, 0 when none is stored. */
    long lastSequence() {
        return jdbc.sql("select coalesce(max(sequence), 0) from linkage.person_encoding")
                .query(Long.class)
                .single();
    }

    Optional<DuplicateSweep> lastSweep() {
        return jdbc.sql("select * from linkage.duplicate_sweep where id = 1")
                .query((rs, row) -> new DuplicateSweep(
                        rs.getTimestamp("swept_at").toInstant(),
                        rs.getInt("persons"),
                        rs.getInt("pairs"),
                        rs.getInt("raised"),
                        rs.getString("not_estimated"),
                        rs.getLong("last_sequence")))
                .optional();
    }

    void recordSweep(DuplicateSweep sweep) {
        jdbc.sql("""
                        insert into linkage.duplicate_sweep (id, last_sequence, swept_at, persons, pairs, raised,
                            not_estimated)
                        values (1, :sequence, :at, :persons, :pairs, :raised, :notEstimated)
                        on conflict (id) do update set last_sequence = excluded.last_sequence,
                            swept_at = excluded.swept_at, persons = excluded.persons, pairs = excluded.pairs,
                            raised = excluded.raised, not_estimated = excluded.not_estimated""")
                .param("sequence", sweep.lastSequence())
                .param("at", Timestamp.from(sweep.sweptAt()))
                .param("persons", sweep.persons())
                .param("pairs", sweep.pairs())
                .param("raised", sweep.raised())
                .param("notEstimated", sweep.notEstimated())
                .update();
    }

    /**
     * Calls back with every encoding stored or replaced after the given sequence number, in order, and returns the
     * last number seen (or the given one when there is nothing new).
     */
    long encodingsAfter(long sequence, BiConsumer<UUID, byte[]> each) {
        long[] last = {sequence};
        jdbc.sql("""
                        select case_id, encoding, sequence from linkage.person_encoding
                        where sequence > :sequence order by sequence""").param("sequence", sequence).query(rs -> {
            each.accept(rs.getObject(1, UUID.class), rs.getBytes(2));
            last[0] = rs.getLong(3);
        });
        return last[0];
    }

    /** Which of these cases still have a stored encoding. */
    List<UUID> stillStored(List<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select case_id from linkage.person_encoding where case_id in (:ids)")
                .param("ids", caseIds)
                .query(UUID.class)
                .list();
    }

    void deleteEncoding(UUID caseId) {
        jdbc.sql("delete from linkage.person_encoding where case_id = :caseId")
                .param("caseId", caseId)
                .update();
    }

    /** Records an alert unless one exists for the same two cases, in either order; true when recorded. */
    boolean insert(UUID id, UUID caseId, UUID otherCaseId, double similarity, Instant at) {
        return insert(id, caseId, otherCaseId, similarity, DuplicateBasis.DICE, at);
    }

    /** As {@link #insert(UUID, UUID, UUID, double, Instant)}, saying on what the alert rests. */
    boolean insert(UUID id, UUID caseId, UUID otherCaseId, double similarity, DuplicateBasis basis, Instant at) {
        return jdbc.sql("""
                        insert into linkage.possible_duplicate (id, case_id, other_case_id, similarity, basis, status,
                            found_at, version)
                        values (:id, :caseId, :otherCaseId, :similarity, :basis, 'OPEN', :at, 0)
                        on conflict do nothing""")
                        .param("id", id)
                        .param("caseId", caseId)
                        .param("otherCaseId", otherCaseId)
                        .param("similarity", similarity)
                        .param("basis", basis.name())
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    Optional<PossibleDuplicate> find(UUID id) {
        return jdbc.sql(SELECT + " where d.id = :id")
                .param("id", id)
                .query(Duplicates::map)
                .optional();
    }

    List<PossibleDuplicate> withStatus(DuplicateStatus status) {
        return jdbc.sql(SELECT + " where d.status = :status order by d.similarity desc, d.found_at")
                .param("status", status.name())
                .query(Duplicates::map)
                .list();
    }

    List<PossibleDuplicate> ofCase(UUID caseId) {
        return jdbc.sql(SELECT + " where d.case_id = :caseId or d.other_case_id = :caseId order by d.found_at")
                .param("caseId", caseId)
                .query(Duplicates::map)
                .list();
    }

    /** Records a decision if the alert is still at the expected version; false when someone else changed it. */
    boolean decide(UUID id, int expectedVersion, DuplicateStatus decision, UUID by, Instant at) {
        return jdbc.sql("""
                        update linkage.possible_duplicate
                        set status = :status, reviewed_by = :by, reviewed_at = :at, version = version + 1
                        where id = :id and version = :version""")
                        .param("status", decision.name())
                        .param("by", by)
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    private static PossibleDuplicate map(ResultSet rs, int row) throws SQLException {
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new PossibleDuplicate(
                rs.getObject("id", UUID.class),
                rs.getObject("case_id", UUID.class),
                rs.getString("case_reference"),
                rs.getObject("other_case_id", UUID.class),
                rs.getString("other_reference"),
                rs.getDouble("similarity"),
                DuplicateBasis.valueOf(rs.getString("basis")),
                DuplicateStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("found_at").toInstant(),
                reviewed == null ? null : reviewed.toInstant(),
                rs.getInt("version"));
    }
}
