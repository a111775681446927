package org.opennrm.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.IdentityProtection;
import org.opennrm.access.Role;
import org.opennrm.cases.justice.Cooperation;
import org.opennrm.cases.justice.CriminalJusticeTrackForm;
import org.opennrm.cases.justice.CriminalJusticeTracks;
import org.opennrm.cases.justice.ProceedingsStatus;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The criminal-justice track's texts and a reopening's reason are encrypted at rest like identity: a dump of the
 * database shows neither, the track still reads back in clear to whoever may read it, and what an earlier version
 * kept in clear is encrypted by migration V440. Synthetic data only.
 */
@PlatformTest
class CriminalJusticeEncryptionTests {

    @Autowired
    CaseManagement cases;

    @Autowired
    CriminalJusticeTracks tracks;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    IdentityProtection protection;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    UUID office() {
        return organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
    }

    CaseId referred() {
        UUID inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        return SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.adultReferral(inspectorate)))
                .caseId();
    }

    String stored(String column, CaseId caseId) {
        return jdbc.sql("select " + column + " from cases.criminal_justice_track where case_id = ?")
                .param(caseId.value())
                .query(String.class)
                .single();
    }

    @Test
    void theTrackIsStoredEncryptedAndReadBackInClear() {
        var caseId = referred();
        SignedIn.run(
                Role.CASE_MANAGER,
                office(),
                () -> tracks.record(
                        caseId,
                        new CriminalJusticeTrackForm(
                                "Witness Testa Example, born 1990, in case 77/2026",
                                ProceedingsStatus.WITNESS,
                                "Shelter address withheld from the file",
                                Cooperation.YES)));

        assertThat(stored("proceedings", caseId)).doesNotContain("Testa").doesNotContain("77/2026");
        assertThat(stored("protection_measures", caseId)).doesNotContain("Shelter");
        var read = SignedIn.as(Role.CASE_MANAGER, office(), () -> tracks.read(caseId))
                .orElseThrow();
        assertThat(read.proceedings()).isEqualTo("Witness Testa Example, born 1990, in case 77/2026");
        assertThat(read.protectionMeasures()).isEqualTo("Shelter address withheld from the file");
    }

    @Test
    void clearTextKeptByAnEarlierVersionIsEncryptedByTheMigrationOnce() throws Exception {
        var caseId = referred();
        SignedIn.run(
                Role.CASE_MANAGER,
                office(),
                () -> tracks.record(
                        caseId,
                        new CriminalJusticeTrackForm(
                                "placeholder", ProceedingsStatus.NO_PROCEEDINGS, null, Cooperation.UNKNOWN)));
        // as a version before V440 stored it
        jdbc.sql("update cases.criminal_justice_track set proceedings = 'Complaint 12/2025 against a recruiter'"
                        + " where case_id = ?")
                .param(caseId.value())
                .update();

        try (var connection = dataSource.getConnection()) {
            assertThat(new V440__Encrypt_criminal_justice_texts_and_reopening_reasons(protection).encrypt(connection))
                    .isPositive();
            assertThat(new V440__Encrypt_criminal_justice_texts_and_reopening_reasons(protection).encrypt(connection))
                    .isZero();
        }
        assertThat(stored("proceedings", caseId)).doesNotContain("Complaint");
        // and Flyway ran it as migration 440 when this installation started
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where version = '440' and success")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(protection.decrypt(stored("proceedings", caseId), CaseFiles.PROCEEDINGS + caseId.value()))
                .isEqualTo("Complaint 12/2025 against a recruiter");
    }

    @Test
    void aReopeningsReasonIsStoredEncrypted() {
        var caseId = referred();
        SignedIn.run(Role.CASE_MANAGER, office(), () -> cases.close(caseId, null, ClosureReason.PERSON_WITHDREW));
        SignedIn.run(
                Role.CASE_MANAGER,
                office(),
                () -> cases.reopen(caseId, null, "Testa came back to the shelter on her own"));

        String stored = jdbc.sql("select reason from cases.reopening where case_id = ?")
                .param(caseId.value())
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain("Testa").doesNotContain("shelter");
    }
}
