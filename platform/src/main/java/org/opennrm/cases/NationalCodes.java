package org.opennrm.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The national codes an administrator added to the extensible code lists in the pages ({@code cases.national_code}),
 * each with its label in every platform language and the standard code it maps to. Read from the database and kept
 * for a few seconds only ({@link #FRESH_FOR_MILLIS}), so that a code added on one node is offered on every node without
 * a restart; the node that made a change reads it again at once.
 */
@Component
class NationalCodes {

    /** How long a node keeps what it read before reading the national codes again. */
    static final long FRESH_FOR_MILLIS = 5_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Snapshot snapshot;

    NationalCodes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One national code: its list, code, the standard code it maps to, labels, and when it was retired (or not). */
    record NationalCode(
            String list, String code, String parent, Map<String, String> labels, int addedIn, Integer retiredIn) {

        boolean retired() {
            return retiredIn != null;
        }

        String label(Locale locale) {
            return labels.getOrDefault(locale.getLanguage(), labels.get("en"));
        }
    }

    private record Snapshot(Map<String, List<NationalCode>> byList, long readAt) {}

    /** Every national code of the list, the retired ones too, in the order they were added. */
    List<NationalCode> of(String list) {
        return current().byList().getOrDefault(list, List.of());
    }

    Optional<NationalCode> find(String list, String code) {
        return of(list).stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** Forgets what this node read, so that its next use reads the change it just saved. */
    void changed() {
        snapshot = null;
    }

    private Snapshot current() {
        var read = snapshot;
        long now = clock.millis();
        if (read == null || now - read.readAt() > FRESH_FOR_MILLIS) {
            read = new Snapshot(load(), now);
            snapshot = read;
        }
        return read;
    }

    private Map<String, List<NationalCode>> load() {
        Map<String, List<NationalCode>> byList = new LinkedHashMap<>();
        jdbc.sql("""
                        select list, code, parent, labels, added_in, retired_in from cases.national_code
                        order by list, added_in, code""")
                .query((rs, row) -> new NationalCode(
                        rs.getString("list"),
                        rs.getString("code"),
                        rs.getString("parent"),
                        Map.copyOf(json.readValue(rs.getString("labels"), new TypeReference<Map<String, String>>() {})),
                        rs.getInt("added_in"),
                        rs.getObject("retired_in", Integer.class)))
                .list()
                .forEach(code -> byList.computeIfAbsent(code.list(), l -> new ArrayList<>())
                        .add(code));
        byList.replaceAll((list, codes) -> List.copyOf(codes));
        return byList;
    }

    /** The version of a list: 1 as shipped, one more for every code added or retired. */
    int version(String list) {
        return jdbc.sql("select coalesce(max(version), 1) from cases.code_list_version where list = :list")
                .param("list", list)
                .query(Integer.class)
                .single();
    }

    /** The changes of a list, newest first. */
    List<Change> history(String list) {
        return jdbc.sql("""
                        select version, change, code, changed_at from cases.code_list_version
                        where list = :list order by version desc""")
                .param("list", list)
                .query((rs, row) -> new Change(
                        rs.getInt("version"),
                        rs.getString("change"),
                        rs.getString("code"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    record Change(int version, String change, String code, Instant changedAt) {}

    int add(String list, String code, String parent, Map<String, String> labels, java.util.UUID by) {
        return locked(list, () -> {
            int version = version(list) + 1;
            var at = java.sql.Timestamp.from(clock.instant());
            jdbc.sql("""
                            insert into cases.national_code (list, code, parent, labels, added_in, added_by, added_at)
                            values (:list, :code, :parent, cast(:labels as jsonb), :version, :by, :at)""")
                    .param("list", list)
                    .param("code", code)
                    .param("parent", parent)
                    .param("labels", json.writeValueAsString(labels))
                    .param("version", version)
                    .param("by", by)
                    .param("at", at)
                    .update();
            version(list, version, "ADDED", code, by, at);
            return version;
        });
    }

    int retire(String list, String code, java.util.UUID by) {
        return locked(list, () -> {
            int version = version(list) + 1;
            var at = java.sql.Timestamp.from(clock.instant());
            jdbc.sql("""
                            update cases.national_code set retired_in = :version, retired_at = :at
                            where list = :list and code = :code and retired_in is null""")
                    .param("list", list)
                    .param("code", code)
                    .param("version", version)
                    .param("at", at)
                    .update();
            version(list, version, "RETIRED", code, by, at);
            return version;
        });
    }

    private void version(String list, int version, String change, String code, java.util.UUID by, Object at) {
        jdbc.sql("""
                        insert into cases.code_list_version (list, version, change, code, changed_by, changed_at)
                        values (:list, :version, :change, :code, :by, :at)""")
                .param("list", list)
                .param("version", version)
                .param("change", change)
                .param("code", code)
                .param("by", by)
                .param("at", at)
                .update();
    }

    /** One change of a list at a time (two administrators saving at once get versions one after the other). */
    private int locked(String list, Supplier<Integer> change) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
                .param("key", "cases.code_list:" + list)
                .query((rs, row) -> 1)
                .list();
        try {
            return change.get();
        } finally {
            changed();
        }
    }
}
