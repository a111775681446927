package org.opennrm.screening;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The saved screenings (table {@code screening.screening}). Answers and results are kept as JSON. */
@Repository
class StoredScreenings {

    private static final TypeReference<LinkedHashMap<String, Answer>> ANSWERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    StoredScreenings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(ScreeningSummary screening, UUID key) {
        jdbc.sql("""
                        insert into screening.screening (id, checklist, checklist_version, catalogue_version,
                            rule_version, rule_verification, age_group, exploitation_forms, answers, result,
                            suggestion, screened_by, organisation_id, screened_at, idempotency_key)
                        values (:id, :checklist, :checklistVersion, :catalogueVersion, :ruleVersion,
                            :ruleVerification, :ageGroup, :forms, cast(:answers as jsonb), cast(:result as jsonb),
                            :suggestion, :screenedBy, :organisationId, :screenedAt, :key)""")
                .param("id", screening.id().value())
                .param("checklist", screening.checklist())
                .param("checklistVersion", screening.checklistVersion())
                .param("catalogueVersion", screening.catalogueVersion())
                .param("ruleVersion", screening.ruleVersion())
                .param("ruleVerification", screening.ruleVerification().name())
                .param("ageGroup", screening.ageGroup().name())
                .param(
                        "forms",
                        screening.forms().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("answers", json.writeValueAsString(screening.answers()))
                .param("result", json.writeValueAsString(screening.result()))
                .param("suggestion", screening.suggestion().name())
                .param("screenedBy", screening.screenedBy())
                .param("organisationId", screening.organisationId())
                .param("screenedAt", Timestamp.from(screening.screenedAt()))
                .param("key", key)
                .update();
    }

    Optional<ScreeningSummary> find(ScreeningId id) {
        return jdbc.sql("select * from screening.screening where id = :id")
                .param("id", id.value())
                .query(this::summary)
                .optional();
    }

    /** The screening saved in the organisation under the key a phone gave it, if any. */
    Optional<ScreeningSummary> findByKey(UUID organisationId, UUID key) {
        return jdbc.sql(
                        "select * from screening.screening where organisation_id = :organisation and idempotency_key = :key")
                .param("organisation", organisationId)
                .param("key", key)
                .query(this::summary)
                .optional();
    }

    private ScreeningSummary summary(ResultSet rs, int row) throws SQLException {
        return new ScreeningSummary(
                ScreeningId.of(rs.getObject("id", UUID.class)),
                rs.getString("checklist"),
                rs.getString("checklist_version"),
                rs.getString("catalogue_version"),
                rs.getString("rule_version"),
                Verification.valueOf(rs.getString("rule_verification")),
                AgeGroup.valueOf(rs.getString("age_group")),
                forms(rs.getArray("exploitation_forms")),
                Map.copyOf(json.readValue(rs.getString("answers"), ANSWERS)),
                json.readValue(rs.getString("result"), ScreeningResult.class),
                rs.getObject("screened_by", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getTimestamp("screened_at").toInstant());
    }

    private static Set<ExploitationForm> forms(Array array) throws SQLException {
        var forms = EnumSet.noneOf(ExploitationForm.class);
        if (array != null) {
            Arrays.stream((String[]) array.getArray())
                    .map(ExploitationForm::valueOf)
                    .forEach(forms::add);
        }
        return Set.copyOf(forms);
    }
}
