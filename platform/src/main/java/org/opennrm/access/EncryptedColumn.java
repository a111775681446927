package org.opennrm.access;

import java.util.regex.Pattern;

/**
 * A column that holds values encrypted with {@link IdentityProtection}, declared as a bean by the module
 * that owns it, so that rotating the identity key re-encrypts it too. Each value was encrypted with the
 * context {@code contextPrefix + id} of its row.
 *
 * <pre>{@code
 * @Bean
 * EncryptedColumn personName() {
 *     return new EncryptedColumn("cases.person", "id", "name", "cases.person.name:");
 * }
 * }</pre>
 *
 * @param table the schema-qualified table, for example {@code access.account}
 * @param idColumn the column that identifies a row (its primary key)
 * @param column the column whose values are encrypted
 * @param contextPrefix what comes before the row's id in the context of each value
 */
public record EncryptedColumn(String table, String idColumn, String column, String contextPrefix) {

    // names are put into SQL as they are: only plain lower-case identifiers are accepted
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");
    private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]*");

    public EncryptedColumn {
        if (table == null || !TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("Give the table with its schema, in lower case: " + table);
        }
        if (idColumn == null || !COLUMN.matcher(idColumn).matches()) {
            throw new IllegalArgumentException("Not a plain column name: " + idColumn);
        }
        if (column == null || !COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException("Not a plain column name: " + column);
        }
        if (contextPrefix == null || contextPrefix.isEmpty()) {
            throw new IllegalArgumentException("The context prefix binds values to their column: give one");
        }
    }

    /** The context a value of the row with this id was encrypted with. */
    public String contextOf(Object id) {
        return contextPrefix + id;
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
