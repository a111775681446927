package org.opennrm.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opennrm.access.IdentityProtection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The persons of the NRM's cases. Every identity field is encrypted on its own, bound to its column and row
 * ({@code cases.person.<column>:<personId>}), so that a value copied elsewhere does not decrypt.
 */
@Repository
public class Persons {

    static final String[] COLUMNS = {
        "given_name",
        "family_name",
        "other_names",
        "date_of_birth",
        "age_estimate",
        "gender",
        "citizenships",
        "languages"
    };

    private final JdbcClient jdbc;
    private final IdentityProtection protection;

    Persons(JdbcClient jdbc, IdentityProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    public static String contextOf(String column, UUID personId) {
        return "cases.person." + column + ":" + personId;
    }

    UUID insert(PersonIdentity identity, Instant now) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into cases.person (id, given_name, family_name, other_names, date_of_birth,
                            age_estimate, gender, citizenships, languages, created_at)
                        values (:id, :givenName, :familyName, :otherNames, :dateOfBirth, :ageEstimate, :gender,
                            :citizenships, :languages, :createdAt)""")
                .param("id", id)
                .param("givenName", seal(identity.givenName(), "given_name", id))
                .param("familyName", seal(identity.familyName(), "family_name", id))
                .param("otherNames", seal(identity.otherNames(), "other_names", id))
                .param(
                        "dateOfBirth",
                        seal(
                                identity.dateOfBirth() == null
                                        ? null
                                        : identity.dateOfBirth().toString(),
                                "date_of_birth",
                                id))
                .param(
                        "ageEstimate",
                        seal(
                                identity.ageEstimate() == null
                                        ? null
                                        : identity.ageEstimate().toString(),
                                "age_estimate",
                                id))
                .param("gender", seal(identity.gender(), "gender", id))
                .param("citizenships", seal(joined(identity.citizenships()), "citizenships", id))
                .param("languages", seal(joined(identity.languages()), "languages", id))
                .param("createdAt", Timestamp.from(now))
                .update();
        return id;
    }

    Optional<PersonIdentity> find(UUID id) {
        return jdbc.sql("select * from cases.person where id = :id")
                .param("id", id)
                .query((rs, n) -> identityOf(rs, "", id))
                .optional();
    }

    /** The identity columns of {@code alias}, each renamed with {@code prefix}: for a statement that joins them. */
    static String selectList(String alias, String prefix) {
        return Arrays.stream(COLUMNS)
                .map(column -> alias + "." + column + " as " + prefix + column)
                .collect(Collectors.joining(", ", "", " "));
    }

    /** The identity in the current row, whose columns carry {@code prefix} (see {@link #selectList}). */
    PersonIdentity identityOf(ResultSet rs, String prefix, UUID id) throws SQLException {
        String dateOfBirth = open(rs.getString(prefix + "date_of_birth"), "date_of_birth", id);
        String ageEstimate = open(rs.getString(prefix + "age_estimate"), "age_estimate", id);
        return new PersonIdentity(
                open(rs.getString(prefix + "given_name"), "given_name", id),
                open(rs.getString(prefix + "family_name"), "family_name", id),
                open(rs.getString(prefix + "other_names"), "other_names", id),
                dateOfBirth == null ? null : LocalDate.parse(dateOfBirth),
                ageEstimate == null ? null : Integer.valueOf(ageEstimate),
                open(rs.getString(prefix + "gender"), "gender", id),
                CodeLists.split(open(rs.getString(prefix + "citizenships"), "citizenships", id)),
                CodeLists.split(open(rs.getString(prefix + "languages"), "languages", id)));
    }

    private String seal(String value, String column, UUID id) {
        return value == null ? null : protection.encrypt(value, contextOf(column, id));
    }

    private String open(String value, String column, UUID id) {
        return value == null ? null : protection.decrypt(value, contextOf(column, id));
    }

    private static String joined(java.util.Set<String> codes) {
        return codes.isEmpty() ? null : String.join(" ", codes);
    }
}
