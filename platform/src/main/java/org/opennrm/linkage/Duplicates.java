package org.opennrm.linkage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored encodings of the NRM's persons and the possible duplicates found among them. */
@Repository
class Duplicates {

    private static final String SELECT = """
            select d.id, d.case_id, a.case_reference, d.other_case_id, b.case_reference as other_reference,
                d.similarity, d.status, d.found_at, d.reviewed_at, d.version
            from linkage.possible_duplicate d
            left join linkage.person_encoding a on a.case_id = d.case_id
            left join linkage.person_encoding b on b.case_id = d.other_case_id
            """;

    // one lock id for all duplicate checks of the installation
    private static final long CHECK_LOCK = 0x11A4A6EL;

    private final JdbcClient jdbc;

    Duplicates(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** Stores or replaces the encoding of a case's person; either way it takes the next sequence number. */
    void storeEncoding(UUID caseId, String caseReference, byte[] encoding, Instant at) {
        jdbc.sql("""
                        insert into linkage.person_encoding (case_id, case_reference, encoding, recorded_at)
                        values (:caseId, :reference, :encoding, :at)
                        on conflict (case_id) do update set case_reference = coalesce(excluded.case_reference,
                            linkage.person_encoding.case_reference), encoding = excluded.encoding,
                            recorded_at = excluded.recorded_at,
                            sequence = nextval('linkage.person_encoding_sequence')""")
                .param("caseId", caseId)
                .param("reference", caseReference)
                .param("encoding", encoding)
                .param("at", Timestamp.from(at))
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
        return jdbc.sql("""
                        insert into linkage.possible_duplicate (id, case_id, other_case_id, similarity, status,
                            found_at, version)
                        values (:id, :caseId, :otherCaseId, :similarity, 'OPEN', :at, 0)
                        on conflict do nothing""")
                        .param("id", id)
                        .param("caseId", caseId)
                        .param("otherCaseId", otherCaseId)
                        .param("similarity", similarity)
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
                DuplicateStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("found_at").toInstant(),
                reviewed == null ? null : reviewed.toInstant(),
                rs.getInt("version"));
    }
}
