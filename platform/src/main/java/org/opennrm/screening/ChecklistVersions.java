package org.opennrm.screening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every version of every sector checklist: the ones shipped in the jar are version {@code r1} and stay the base;
 * each change saved in the pages is a new whole version in {@code screening.checklist_version}. A sector checklist an
 * administrator added in the pages has no base in the jar: its first version ({@code r1}) is in the table too. The latest version
 * of a checklist is the one offered; an older version is read again for the screenings made with it. Read from the
 * database on each use, so that a change takes effect at once, on every node, without a restart.
 */
@Component
class ChecklistVersions {

    private final Checklists shipped;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    ChecklistVersions(Checklists shipped, JdbcClient jdbc, Clock clock) {
        this.shipped = shipped;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The checklists in force: the shipped ones in the order of the shipped manifest, then those added in the pages in
     * the order they were added.
     */
    List<Checklist> current() {
        Map<String, Checklist> latest = new LinkedHashMap<>();
        jdbc.sql("""
                        select latest.definition from (
                            select distinct on (checklist) checklist, definition
                            from screening.checklist_version order by checklist, number desc) latest
                        join (select checklist, min(changed_at) as added from screening.checklist_version
                              group by checklist) first on first.checklist = latest.checklist
                        order by first.added, latest.checklist""")
                .query((rs, row) -> json.readValue(rs.getString("definition"), Checklist.class))
                .list()
                .forEach(checklist -> latest.put(checklist.id(), checklist));
        List<Checklist> all = new ArrayList<>();
        for (var base : shipped.all()) {
            all.add(latest.getOrDefault(base.id(), base));
        }
        latest.values().stream()
                .filter(checklist -> shipped.find(checklist.id()).isEmpty())
                .forEach(all::add);
        return List.copyOf(all);
    }

    /** Whether a checklist of this id exists, shipped or added in the pages. */
    boolean exists(String id) {
        return shipped.find(id).isPresent()
                || jdbc.sql("select count(*) from screening.checklist_version where checklist = :id")
                                .param("id", id)
                                .query(Long.class)
                                .single()
                        > 0;
    }

    Optional<Checklist> current(String id) {
        return jdbc.sql("""
                        select definition from screening.checklist_version where checklist = :id
                        order by number desc limit 1""")
                .param("id", id)
                .query(String.class)
                .optional()
                .map(definition -> json.readValue(definition, Checklist.class))
                .or(() -> shipped.find(id));
    }

    /** One version of a checklist as it was, for a screening made with it. */
    Optional<Checklist> version(String id, String version) {
        var base = shipped.find(id);
        if (base.isPresent() && base.get().version().equals(version)) {
            return base;
        }
        return jdbc.sql(
                        "select definition from screening.checklist_version where checklist = :id and version = :version")
                .param("id", id)
                .param("version", version)
                .query(String.class)
                .optional()
                .map(definition -> json.readValue(definition, Checklist.class));
    }

    /** The history of one checklist, newest first; the shipped base last. */
    List<VersionEntry> history(String id) {
        List<VersionEntry> history = new ArrayList<>(
                jdbc.sql("""
                        select version, changed_by, changed_at from screening.checklist_version
                        where checklist = :id order by number desc""").param("id", id).query(ChecklistVersions::entry).list());
        shipped.find(id).ifPresent(base -> history.add(new VersionEntry(base.version(), null, null)));
        return List.copyOf(history);
    }

    /**
     * Saves {@code changed} as the next version of its checklist and returns it with its new version name: {@code r2}
     * and on after a shipped base, {@code r1} for the first version of a checklist added in the pages.
     */
    Checklist add(Checklist changed, UUID changedBy) {
        int number = jdbc.sql(
                        "select coalesce(max(number), :base) + 1 from screening.checklist_version where checklist = :id")
                .param("id", changed.id())
                .param("base", shipped.find(changed.id()).isPresent() ? 1 : 0)
                .query(Integer.class)
                .single();
        var saved = changed.withSections(changed.id() + "/r" + number, changed.sections());
        jdbc.sql("""
                        insert into screening.checklist_version (checklist, number, version, definition, changed_by,
                            changed_at)
                        values (:checklist, :number, :version, cast(:definition as jsonb), :changedBy, :changedAt)""")
                .param("checklist", saved.id())
                .param("number", number)
                .param("version", saved.version())
                .param("definition", json.writeValueAsString(saved))
                .param("changedBy", changedBy)
                .param("changedAt", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .update();
        return saved;
    }

    private static VersionEntry entry(ResultSet rs, int row) throws SQLException {
        return new VersionEntry(
                rs.getString("version"),
                rs.getObject("changed_by", UUID.class),
                rs.getTimestamp("changed_at").toInstant());
    }

    /** One version of a checklist: who saved it and when (nobody and never for the shipped base). */
    record VersionEntry(String version, UUID changedBy, Instant changedAt) {}
}
