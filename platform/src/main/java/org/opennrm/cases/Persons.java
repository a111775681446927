package org.opennrm.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.opennrm.access.IdentityProtection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The persons of the NRM's cases. Every identity field is encrypted on its own, bound to its column and row
 * ({@code cases.person.<column>:<personId>}), so that a value copied elsewhere does not decrypt.
 */
@Repository
class Persons {

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

    static String contextOf(String column, UUID personId) {
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
                .query((rs, n) -> {
                    String dateOfBirth = open(rs.getString("date_of_birth"), "date_of_birth", id);
                    String ageEstimate = open(rs.getString("age_estimate"), "age_estimate", id);
                    return new PersonIdentity(
                            open(rs.getString("given_name"), "given_name", id),
                            open(rs.getString("family_name"), "family_name", id),
                            open(rs.getString("other_names"), "other_names", id),
                            dateOfBirth == null ? null : LocalDate.parse(dateOfBirth),
                            ageEstimate == null ? null : Integer.valueOf(ageEstimate),
                            open(rs.getString("gender"), "gender", id),
                            CodeLists.split(open(rs.getString("citizenships"), "citizenships", id)),
                            CodeLists.split(open(rs.getString("languages"), "languages", id)));
                })
                .optional();
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
