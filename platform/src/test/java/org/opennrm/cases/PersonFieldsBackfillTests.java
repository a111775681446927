package org.opennrm.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Persons whose cases were opened before the duplicate check kept field encodings get them afterwards, from their
 * identity, so that the field-aware sweep compares them too. Synthetic persons only.
 */
@PlatformTest
class PersonFieldsBackfillTests {

    @Autowired
    CaseManagement caseManagement;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    PersonFieldsBackfill backfill;

    @Autowired
    JdbcClient jdbc;

    OpenCase referral(String given, String family, LocalDate born) {
        return new OpenCase(
                new PersonIdentity(given, family, null, born, null, "Feminine", Set.of("UKR"), Set.of("ukr")),
                false,
                "Synthetic referral for the backfill test.",
                TraffickingProfile.empty(),
                List.of(new ConsentStatement(ConsentPurpose.ASSISTANCE, null, true)),
                List.of(),
                null,
                null);
    }

    long sequence(UUID caseId) {
        return jdbc.sql("select sequence from linkage.person_encoding where case_id = :id")
                .param("id", caseId)
                .query(Long.class)
                .single();
    }

    @Test
    void personsStoredWithoutFieldEncodingsGetThemFromTheirIdentity() {
        UUID organisation = organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        List<UUID> cases = new ArrayList<>();
        for (String given : List.of("Olena", "Oksana", "Iryna")) {
            cases.add(caseManagement
                    .openFor(organisation, UUID.randomUUID(), referral(given, "Backfillenko", LocalDate.of(1990, 3, 4)))
                    .caseId()
                    .value());
        }
        // as an installation upgraded from the version before field encodings has them
        jdbc.sql("update linkage.person_encoding set fields = null where case_id in (:ids)")
                .param("ids", cases)
                .update();
        List<Long> before = cases.stream().map(this::sequence).toList();

        assertThat(backfill.backfill()).isGreaterThanOrEqualTo(3);

        for (int c = 0; c < cases.size(); c++) {
            assertThat(jdbc.sql("select fields from linkage.person_encoding where case_id = :id")
                            .param("id", cases.get(c))
                            .query(String.class)
                            .single())
                    .as("sealed field encodings")
                    .isNotNull()
                    .doesNotContain("Backfillenko");
            assertThat(sequence(cases.get(c))).as("the sweep looks again").isGreaterThan(before.get(c));
        }
        assertThat(jdbc.sql("select count(*) from linkage.person_encoding where fields is null")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(backfill.backfill()).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from access.audit_entry
                        where record_type = 'person-field-encodings' and detail like 'field encodings added=%'""").query(Long.class).single()).isPositive();
    }
}
