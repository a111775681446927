package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.opennrm.access.EncryptedColumn;
import org.opennrm.access.IdentityProtection;
import org.opennrm.access.KeyRotation;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.SharingScope;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.referrals.ServiceReferralRequest;
import org.opennrm.referrals.ServiceReferrals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Key rotation covers every encrypted value by construction: every column that holds a ciphertext anywhere in the
 * database is a declared {@link EncryptedColumn} bound to its own table and column, and a rotation over a database
 * holding a value of every declared column reads each back unchanged under the new key alone. Where a table holds no
 * row, a synthetic one is inserted with neutral values of each column's type, so this test has a database of its own.
 */
// an application context and database of its own: the rows it inserts to hold every kind of value are no other
// test's data
@org.springframework.boot.test.context.SpringBootTest(properties = "opennrm.test.database=key-coverage")
@org.springframework.test.context.ActiveProfiles("test")
class KeyCoverageTests {

    // Tink's ciphertexts: a 0x01 byte and the 4-byte key id, a 12-byte nonce, the text, a 16-byte tag
    private static final int SMALLEST_CIPHERTEXT = 1 + 4 + 12 + 16;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<EncryptedColumn> declared;

    @Autowired
    IdentityProtection protection;

    @Autowired
    KeyRotation rotation;

    @Autowired
    CaseManagement cases;

    @Autowired
    ServiceReferrals serviceReferrals;

    @Autowired
    OrganisationRegistry organisations;

    @Test
    void everyDeclaredColumnIsBoundToItsOwnTableAndColumn() {
        for (EncryptedColumn column : declared) {
            assertThat(column.contextPrefix())
                    .as(column.toString())
                    .isEqualTo(column.table() + "." + column.column() + ":");
        }
        // and no column is declared twice (rotation would walk it twice, and a second declaration hides a typo)
        assertThat(declared.stream().map(EncryptedColumn::toString).distinct()).hasSameSizeAs(declared);
    }

    @Test
    void aRotationOverEveryKindOfEncryptedValueReadsEachBackAndEveryCiphertextInTheDatabaseIsCovered() {
        fillEveryDeclaredColumn();

        // the schema walk: any text column of any schema that holds a ciphertext must be one rotation re-encrypts
        Set<String> holdingCiphertexts = new TreeSet<>();
        var columns = jdbc.sql("""
                        select table_schema, table_name, column_name from information_schema.columns
                        where table_schema not in ('pg_catalog', 'information_schema', 'public')
                          and data_type in ('text', 'character varying')""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
        for (String[] column : columns) {
            var values = jdbc.sql("select \"" + column[2] + "\" from \"" + column[0] + "\".\"" + column[1]
                            + "\" where \"" + column[2] + "\" is not null limit 50")
                    .query(String.class)
                    .list();
            if (values.stream().anyMatch(KeyCoverageTests::looksLikeACiphertext)) {
                holdingCiphertexts.add(column[0] + "." + column[1] + "." + column[2]);
            }
        }
        Set<String> declaredNames = new TreeSet<>();
        declared.forEach(column -> declaredNames.add(column.table() + "." + column.column()));
        assertThat(holdingCiphertexts).as("columns holding ciphertexts").isNotEmpty();
        assertThat(declaredNames)
                .as("columns holding ciphertexts that key rotation would not re-encrypt")
                .containsAll(holdingCiphertexts);

        Map<String, String> before = plaintexts();
        Set<String> kinds = new TreeSet<>();
        before.keySet().forEach(key -> kinds.add(key.substring(0, key.indexOf(' '))));
        assertThat(kinds).as("every declared column holds a value").containsExactlyInAnyOrderElementsOf(declaredNames);

        var result = rotation.rotate(line -> {});

        assertThat(result.removedKeyIds()).contains(result.previousPrimaryKeyId());
        Map<String, String> after = plaintexts();
        assertThat(after).containsExactlyInAnyOrderEntriesOf(before);
        for (EncryptedColumn column : declared) {
            var stale = jdbc
                    .sql("select " + column.column() + " from " + column.table() + " where " + column.column()
                            + " is not null")
                    .query(String.class)
                    .list()
                    .stream()
                    .filter(value -> keyIdOf(value) != Integer.toUnsignedLong((int) protection.primaryKeyId()))
                    .count();
            assertThat(stale).as(column + " values under another key").isZero();
        }
    }

    /** Every value of every declared column, decrypted, by "column row". */
    private Map<String, String> plaintexts() {
        Map<String, String> read = new LinkedHashMap<>();
        for (EncryptedColumn column : declared) {
            jdbc.sql("select " + column.idColumn() + ", " + column.column() + " from " + column.table() + " where "
                            + column.column() + " is not null")
                    .query((rs, n) -> new Object[] {rs.getObject(1), rs.getString(2)})
                    .list()
                    .forEach(row -> read.put(
                            column.table() + "." + column.column() + " " + row[0],
                            protection.decrypt((String) row[1], column.contextOf(row[0]))));
        }
        return read;
    }

    /**
     * A case, a referral to services and its decline written through the facades; then, for a declared column that
     * still holds no value, one value written into an existing row of its table under the row's own context, as the
     * module would. A declared column whose table holds no row at all fails the test by name.
     */
    private void fillEveryDeclaredColumn() {
        var office = organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        var hospital =
                organisations.findByName("Central Hospital").orElseThrow().id();
        var caseId = SignedIn.as(Role.REFERRER, hospital, () -> cases.open(CaseFixtures.adultReferral(hospital)))
                .caseId();
        var sent = SignedIn.as(
                Role.CASE_MANAGER,
                office,
                () -> serviceReferrals.send(
                        caseId,
                        new ServiceReferralRequest(
                                hospital,
                                "Dental care",
                                Set.of(SharingScope.IDENTITY_BASIC),
                                "Needs insulin",
                                null,
                                null)));
        SignedIn.run(Role.SERVICE_PROVIDER, hospital, () -> serviceReferrals.decline(sent.id(), "No dentist"));

        List<String> emptyTables = new ArrayList<>();
        for (EncryptedColumn column : declared) {
            long values = jdbc.sql(
                            "select count(*) from " + column.table() + " where " + column.column() + " is not null")
                    .query(Long.class)
                    .single();
            if (values > 0) {
                continue;
            }
            Object id;
            try {
                id = rowOf(column.table(), column.idColumn());
            } catch (RuntimeException refused) {
                emptyTables.add(column + " (" + refused.getMessage() + ")");
                continue;
            }
            // every encrypted column of that row gets a ciphertext: a row inserted for the table holds neutral plain
            // values in its other columns, which would pass for values of a declared column that are not encrypted
            for (EncryptedColumn sibling : declared) {
                if (!sibling.table().equals(column.table())
                        || !sibling.idColumn().equals(column.idColumn())) {
                    continue;
                }
                jdbc.sql("update " + sibling.table() + " set " + sibling.column() + " = :value where "
                                + sibling.idColumn() + " = :id")
                        .param("value", protection.encrypt("synthetic " + sibling, sibling.contextOf(id)))
                        .param("id", id)
                        .update();
            }
        }
        assertThat(emptyTables)
                .as("declared columns whose table holds no row to check")
                .isEmpty();
    }

    /**
     * A value of a column of some row of the table, inserting a row when the table has none: every column that must
     * have a value gets a neutral one of its type, and a column referring to another table gets a row of that table.
     * For a rotation over a database holding every kind of value; the rows hold no real data.
     */
    private Object rowOf(String table, String column) {
        var existing = jdbc.sql("select " + column + " from " + table + " limit 1")
                .query((rs, n) -> rs.getObject(1))
                .list();
        if (!existing.isEmpty()) {
            return existing.getFirst();
        }
        String schema = table.substring(0, table.indexOf('.'));
        String name = table.substring(table.indexOf('.') + 1);
        Map<String, String[]> references = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.attname, ns.nspname || '.' || cl.relname, af.attname
                        from pg_constraint c
                        join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
                        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                        join pg_class cl on cl.oid = c.confrelid join pg_namespace ns on ns.oid = cl.relnamespace
                        join pg_attribute af on af.attrelid = c.confrelid and af.attnum = c.confkey[1]
                        where c.contype = 'f' and n.nspname = :schema and t.relname = :name""")
                .param("schema", schema)
                .param("name", name)
                .query((rs, n) -> references.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)}))
                .list();
        var names = new ArrayList<String>();
        var values = new ArrayList<String>();
        var parameters = new LinkedHashMap<String, Object>();
        jdbc.sql("""
                        select column_name, data_type, udt_name, coalesce(character_maximum_length, 100)
                        from information_schema.columns
                        where table_schema = :schema and table_name = :name and is_nullable = 'NO'
                          and column_default is null""")
                .param("schema", schema)
                .param("name", name)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list()
                .forEach(required -> {
                    String parameter = "p" + parameters.size();
                    names.add(required[0]);
                    values.add("cast(:" + parameter + " as "
                            + (required[1].equals("ARRAY") ? required[2].substring(1) + "[]" : required[2]) + ")");
                    String[] target = references.get(required[0]);
                    if (target != null) {
                        parameters.put(parameter, String.valueOf(rowOf(target[0], target[1])));
                    } else {
                        parameters.put(
                                parameter,
                                switch (required[2]) {
                                    case "uuid" -> java.util.UUID.randomUUID().toString();
                                    case "int2", "int4", "int8", "numeric", "float8" -> "1";
                                    case "bool" -> "false";
                                    case "date" -> "2026-01-05";
                                    case "timestamptz", "timestamp" -> "2026-01-05T10:00:00Z";
                                    case "bytea" -> "\\x00";
                                    default ->
                                        required[1].equals("ARRAY")
                                                ? "{}"
                                                : allowedCode(schema, name, required[0])
                                                        .orElse("SYNTHETIC"
                                                                .substring(
                                                                        0, Math.min(9, Integer.parseInt(required[3]))));
                                });
                    }
                });
        var insert = jdbc.sql("insert into " + table + " (" + String.join(", ", names) + ") values ("
                + String.join(", ", values) + ") returning " + column);
        for (var parameter : parameters.entrySet()) {
            insert = insert.param(parameter.getKey(), parameter.getValue());
        }
        return insert.query((rs, n) -> rs.getObject(1)).single();
    }

    /** The first value a check constraint on the column allows ({@code status in ('A', 'B')}), if it has one. */
    private java.util.Optional<String> allowedCode(String schema, String table, String column) {
        return jdbc.sql("""
                        select pg_get_constraintdef(c.oid) from pg_constraint c
                        join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
                        where c.contype = 'c' and n.nspname = :schema and t.relname = :table""").param("schema", schema).param("table", table).query(String.class).list().stream()
                .filter(definition -> definition.contains(column))
                .map(definition -> java.util.regex.Pattern.compile("'([^']*)'").matcher(definition))
                .filter(java.util.regex.Matcher::find)
                .map(found -> found.group(1))
                .findFirst();
    }

    private static boolean looksLikeACiphertext(String value) {
        return keyIdOf(value) != Long.MIN_VALUE;
    }

    private static long keyIdOf(String value) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException notBase64) {
            return Long.MIN_VALUE;
        }
        if (bytes.length < SMALLEST_CIPHERTEXT || bytes[0] != 0x01) {
            return Long.MIN_VALUE;
        }
        return Integer.toUnsignedLong(ByteBuffer.wrap(bytes, 1, 4).getInt());
    }
}
