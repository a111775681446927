package org.opennrm.monitoring.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The recommendations register ({@code monitoring.plan_recommendation*}). */
@Repository
class RecommendationStore {

    private final JdbcClient jdbc;

    RecommendationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Recommendation recommendation) {
        jdbc.sql("""
                        insert into monitoring.plan_recommendation (id, source, reference, issued_on, text,
                            implementation, version, created_at)
                        values (:id, :source, :reference, :issuedOn, :text, :implementation, 0, :at)""")
                .param("id", recommendation.id())
                .param("source", recommendation.source().name())
                .param("reference", recommendation.reference())
                .param("issuedOn", recommendation.issuedOn())
                .param("text", recommendation.text())
                .param("implementation", recommendation.implementation().name())
                .param("at", Timestamp.from(recommendation.createdAt()))
                .update();
    }

    void respond(UUID id, int expectedVersion, String response, Implementation implementation) {
        int changed = jdbc.sql("""
                        update monitoring.plan_recommendation
                        set government_response = :response, implementation = :implementation, version = version + 1
                        where id = :id and version = :version""")
                .param("id", id)
                .param("version", expectedVersion)
                .param("response", response)
                .param("implementation", implementation.name())
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException(
                    "Recommendation " + id + " was changed by someone else after version " + expectedVersion);
        }
    }

    /** Links a measure; linking it again changes nothing. */
    void link(UUID recommendationId, UUID measureId, java.time.Instant at, String by) {
        jdbc.sql("""
                        insert into monitoring.plan_recommendation_measure (recommendation_id, measure_id, linked_at,
                            linked_by)
                        values (:recommendation, :measure, :at, :by)
                        on conflict (recommendation_id, measure_id) do nothing""")
                .param("recommendation", recommendationId)
                .param("measure", measureId)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
    }

    List<UUID> linkedMeasures(UUID recommendationId) {
        return jdbc.sql("""
                        select measure_id from monitoring.plan_recommendation_measure
                        where recommendation_id = :id order by linked_at""").param("id", recommendationId).query(UUID.class).list();
    }

    Optional<Recommendation> recommendation(UUID id) {
        return jdbc.sql("select * from monitoring.plan_recommendation where id = :id")
                .param("id", id)
                .query(RecommendationStore::recommendation)
                .optional();
    }

    /** All recommendations, or one source's, newest report first. */
    List<Recommendation> recommendations(RecommendationSource source) {
        return jdbc.sql("""
                        select * from monitoring.plan_recommendation
                        where cast(:source as varchar) is null or source = :source
                        order by issued_on desc, reference""")
                .param("source", source == null ? null : source.name(), java.sql.Types.VARCHAR)
                .query(RecommendationStore::recommendation)
                .list();
    }

    private static Recommendation recommendation(ResultSet rs, int row) throws SQLException {
        return new Recommendation(
                rs.getObject("id", UUID.class),
                RecommendationSource.valueOf(rs.getString("source")),
                rs.getString("reference"),
                rs.getObject("issued_on", LocalDate.class),
                rs.getString("text"),
                rs.getString("government_response"),
                Implementation.valueOf(rs.getString("implementation")),
                rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant());
    }
}
