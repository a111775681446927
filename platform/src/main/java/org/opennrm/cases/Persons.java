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
import org.opennrm.access.SearchIndex;
import org.opennrm.linkage.NameFolding;
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
    private final SearchIndex searchIndex;

    Persons(JdbcClient jdbc, IdentityProtection protection, SearchIndex searchIndex) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.searchIndex = searchIndex;
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
        index(id, identity);
        return id;
    }

    /** The name words a search finds this person by, in the same transaction as the identity they come from. */
    private void index(UUID id, PersonIdentity identity) {
        var buckets = new java.util.TreeSet<Integer>();
        for (var name : new String[] {identity.givenName(), identity.familyName(), identity.otherNames()}) {
            NameFolding.words(name).forEach(word -> buckets.add(searchIndex.bucket(word)));
        }
        if (identity.dateOfBirth() != null) {
            buckets.add(searchIndex.bucket(birthToken(identity.dateOfBirth())));
        }
        jdbc.sql("delete from cases.person_name_word where person_id = :id")
                .param("id", id)
                .update();
        for (int bucket : buckets) {
            jdbc.sql("insert into cases.person_name_word (person_id, bucket) values (:id, :bucket)")
                    .param("id", id)
                    .param("bucket", bucket)
                    .update();
        }
        jdbc.sql("update cases.person set name_indexed = true where id = :id")
                .param("id", id)
                .update();
    }

    /**
     * The word a date of birth is indexed and searched by, in the same blind index as the name words: keyed and cut
     * to a bucket like them, so the index tells no date either. Folded name words hold letters only, so this word,
     * with its digits and colon, is never taken for a name's.
     */
    public static String birthToken(java.time.LocalDate dateOfBirth) {
        return "born:" + dateOfBirth;
    }

    /**
     * Indexes up to {@code limit} persons recorded before the search index existed (or whose index was removed);
     * returns how many it indexed, so that a caller repeats until none is left.
     */
    public int indexUnindexed(int limit) {
        var ids = jdbc.sql("select id from cases.person where not name_indexed order by id limit :limit")
                .param("limit", limit)
                .query(UUID.class)
                .list();
        for (var id : ids) {
            find(id).ifPresent(identity -> index(id, identity));
        }
        return ids.size();
    }

    /** A search by more words than this narrows by the first ones only (the decrypted names are compared anyway). */
    static final int MOST_WORDS_NARROWED = 6;

    /**
     * The persons whose name may have all these words: those holding every word's bucket. A bucket is shared by
     * several words, so the caller checks the decrypted name ({@link SearchIndex}).
     *
     * <p>One join per further word on the index's key (bucket, person), so the database walks the persons of each
     * bucket in order and keeps those in all of them, reading the index alone. Grouping every row of the buckets by
     * person and counting distinct buckets (as this did first) cost several times the CPU per search when a word is
     * common (the commonest family names hold a tenth of all persons), and with eight searchers on two cores that
     * CPU was the p99 ({@code bench/cases/name-search.sh} measures both).
     */
    public java.util.List<UUID> candidatesFor(java.util.List<String> words, int limit) {
        var buckets = words.stream()
                .map(searchIndex::bucket)
                .distinct()
                .limit(MOST_WORDS_NARROWED)
                .toList();
        if (buckets.isEmpty()) {
            return java.util.List.of();
        }
        // buckets are numbers the index computed, never typed text; each is still passed as a parameter
        var sql = new StringBuilder("select w0.person_id from cases.person_name_word w0");
        for (int i = 1; i < buckets.size(); i++) {
            sql.append(" join cases.person_name_word w")
                    .append(i)
                    .append(" on w")
                    .append(i)
                    .append(".bucket = :b")
                    .append(i)
                    .append(" and w")
                    .append(i)
                    .append(".person_id = w0.person_id");
        }
        sql.append(" where w0.bucket = :b0 limit :limit");
        var statement = jdbc.sql(sql.toString()).param("limit", limit);
        for (int i = 0; i < buckets.size(); i++) {
            statement = statement.param("b" + i, buckets.get(i));
        }
        return statement.query(UUID.class).list();
    }

    /**
     * The names of these persons, and their dates of birth when {@code withBirth}, decrypted, read in one statement:
     * what a search compares. The other identity fields stay encrypted (empty in the answer); a search that read each
     * candidate whole, one statement each, spent most of its time there.
     */
    public java.util.Map<UUID, PersonIdentity> namesOf(java.util.Collection<UUID> ids, boolean withBirth) {
        var found = new java.util.HashMap<UUID, PersonIdentity>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("select id, given_name, family_name, other_names" + (withBirth ? ", date_of_birth" : "")
                        + " from cases.person where id in (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    var id = rs.getObject("id", UUID.class);
                    String dateOfBirth = withBirth ? open(rs.getString("date_of_birth"), "date_of_birth", id) : null;
                    found.put(
                            id,
                            new PersonIdentity(
                                    open(rs.getString("given_name"), "given_name", id),
                                    open(rs.getString("family_name"), "family_name", id),
                                    open(rs.getString("other_names"), "other_names", id),
                                    dateOfBirth == null ? null : LocalDate.parse(dateOfBirth),
                                    null,
                                    null,
                                    java.util.Set.of(),
                                    java.util.Set.of()));
                });
        return found;
    }

    public Optional<PersonIdentity> find(UUID id) {
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
