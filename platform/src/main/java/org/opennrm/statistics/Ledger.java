package org.opennrm.statistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publication ledger (statistics.published_cell): every cell of every approved release, as its definition with
 * the value published or "suppressed", kept for ever (the database refuses changes). The joint disclosure check reads
 * the tables of it that overlap a new release.
 */
@Repository
class Ledger {

    private static final TypeReference<Map<String, String>> CATEGORIES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Ledger(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Writes every cell of the release's tables, as published. */
    void record(Release release, Instant at) {
        for (int t = 0; t < release.tables().size(); t++) {
            var table =
                    LinkedTable.of(source(release.title(), t), release.tables().get(t));
            for (var cell : table.cells()) {
                var definition = cell.definition();
                jdbc.sql("""
                                insert into statistics.published_cell (source, source_id, source_title, table_no,
                                    table_rows, table_columns, row_no, column_no, event_kind, first_quarter,
                                    last_quarter, region_code, categories, value, rounding, reason, published_at)
                                values ('RELEASE', :id, :title, :table, :rows, :columns, :row, :column, :event, :first,
                                    :last, :region, cast(:categories as jsonb), :value, :rounding, :reason, :at)
                                """)
                        .param("id", release.id())
                        .param("title", release.title())
                        .param("table", t)
                        .param("rows", table.rows())
                        .param("columns", table.columns())
                        .param("row", cell.row())
                        .param("column", cell.column())
                        .param("event", definition.event().name())
                        .param("first", definition.firstQuarter(), Types.INTEGER)
                        .param("last", definition.lastQuarter(), Types.INTEGER)
                        .param("region", definition.region())
                        .param("categories", json.writeValueAsString(definition.categories()))
                        .param("value", cell.value(), Types.BIGINT)
                        .param("rounding", cell.rounding().name())
                        .param(
                                "reason",
                                cell.reason() == null ? null : cell.reason().name())
                        .param("at", Timestamp.from(at))
                        .update();
            }
        }
    }

    static String source(String title, int table) {
        return "release “" + title + "”, table " + (table + 1);
    }

    /**
     * Every published table with a cell of the same event whose period overlaps one of the requests' and whose region
     * is the same, or the nation on either side.
     */
    List<LinkedTable> overlapping(List<TableRequest> requests) {
        Map<String, List<LinkedTable.Cell>> tables = new LinkedHashMap<>();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (var request : requests) {
            Integer from = request.from() == null ? null : TableRequest.index(request.from());
            Integer to = request.to() == null ? null : TableRequest.index(request.to());
            jdbc.sql("""
                            select * from statistics.published_cell
                            where (source_id, table_no) in (
                                select source_id, table_no from statistics.published_cell
                                where event_kind = :event
                                    and (cast(:to as integer) is null or first_quarter is null or first_quarter <= :to)
                                    and (cast(:from as integer) is null or last_quarter is null or last_quarter >= :from)
                                    and (cast(:region as varchar) is null or region_code is null or region_code = :region))
                            order by published_at, source_id, table_no, row_no, column_no
                            """)
                    .param("event", request.event().name())
                    .param("from", from, Types.INTEGER)
                    .param("to", to, Types.INTEGER)
                    .param("region", request.region(), Types.VARCHAR)
                    .query((rs, n) -> {
                        String key = rs.getObject("source_id", UUID.class) + "/" + rs.getInt("table_no");
                        shapes.putIfAbsent(key, new int[] {rs.getInt("table_rows"), rs.getInt("table_columns")});
                        sources.putIfAbsent(key, source(rs.getString("source_title"), rs.getInt("table_no")));
                        tables.computeIfAbsent(key, k -> new ArrayList<>()).add(cell(rs));
                        return key;
                    })
                    .list();
        }
        List<LinkedTable> linked = new ArrayList<>();
        tables.forEach((key, cells) -> {
            int[] shape = shapes.get(key);
            // the same table may have come back for two requests: keep each position once
            Map<Integer, LinkedTable.Cell> once = new java.util.TreeMap<>();
            for (var cell : cells) {
                once.putIfAbsent(cell.row() * (shape[1] + 1) + cell.column(), cell);
            }
            linked.add(new LinkedTable(sources.get(key), shape[0], shape[1], new ArrayList<>(once.values())));
        });
        return linked;
    }

    private LinkedTable.Cell cell(ResultSet rs) throws SQLException {
        String reason = rs.getString("reason");
        return new LinkedTable.Cell(
                rs.getInt("row_no"),
                rs.getInt("column_no"),
                new CellDefinition(
                        EventKind.valueOf(rs.getString("event_kind")),
                        rs.getObject("first_quarter", Integer.class),
                        rs.getObject("last_quarter", Integer.class),
                        rs.getString("region_code"),
                        json.readValue(rs.getString("categories"), CATEGORIES)),
                rs.getObject("value", Long.class),
                Rounding.valueOf(rs.getString("rounding")),
                reason == null ? null : Suppression.Reason.valueOf(reason));
    }

    /**
     * Whether every fact the requests count that has a known age band agrees with its child/adult flag, so that a
     * reader may take bands 0-8 and 9-17 as children and the others as adults.
     */
    boolean ageBandsNest(List<TableRequest> requests) {
        for (var request : requests) {
            boolean disagreeing = jdbc.sql("""
                            select exists (select 1 from statistics.fact
                                where event_kind = :event
                                    and (cast(:from as integer) is null or period_year * 4 + period_quarter - 1 >= :from)
                                    and (cast(:to as integer) is null or period_year * 4 + period_quarter - 1 <= :to)
                                    and (cast(:region as varchar) is null or region_code = :region)
                                    and age_band is not null
                                    and child is distinct from (age_band in ('0-8', '9-17')))
                            """)
                    .param("event", request.event().name())
                    .param("from", request.from() == null ? null : TableRequest.index(request.from()), Types.INTEGER)
                    .param("to", request.to() == null ? null : TableRequest.index(request.to()), Types.INTEGER)
                    .param("region", request.region(), Types.VARCHAR)
                    .query(Boolean.class)
                    .single();
            if (disagreeing) {
                return false;
            }
        }
        return true;
    }
}
