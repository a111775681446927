package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennrm.access.AuditVerification;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.OpenedCase;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The backup and restore commands on real data folders: a backup taken while the platform runs, restored onto a new
 * data folder, gives the same cases and the same audit chain (verified), with identity readable when the identity
 * keyset backed up apart is put back, and not without it.
 */
class BackupRestoreTests {

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();
    private final Path root =
            Path.of("target/test-data/backup-" + UUID.randomUUID()).toAbsolutePath();

    @AfterEach
    void stop() {
        running.forEach(ConfigurableApplicationContext::close);
        SecurityContextHolder.clearContext();
    }

    private ConfigurableApplicationContext start(Path dataDir) {
        var context = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .profiles("test")
                .run("--opennrm.data-dir=" + dataDir);
        running.add(context);
        return context;
    }

    @Test
    void aRestoredBackupHasTheSameCasesAndAuditChainAndIdentityOnlyWithTheKey() throws Exception {
        Path original = root.resolve("original");
        var a = start(original);
        UUID organisation = a.getBean(OrganisationRegistry.class)
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        var cases = a.getBean(CaseManagement.class);
        OpenedCase kept = cases.openFor(organisation, UUID.randomUUID(), CaseFixtures.adultReferral(organisation));
        signInAs(organisation);
        assertThat(cases.read(kept.caseId()).person().givenName()).isEqualTo("Testa");
        assertThat(a.getBean(AuditVerification.class).verify().intact()).isTrue();
        long casesAtBackup = count(a, "select count(*) from cases.case_file");
        long entriesAtBackup = count(a, "select count(*) from access.audit_entry");

        // while the platform runs, through the operator command
        Path backup = root.resolve("backup");
        var out = new ByteArrayOutputStream();
        int code = Backups.run(
                new String[] {"backup", backup.toString(), "--data-dir=" + original},
                new PrintStream(out),
                new PrintStream(new ByteArrayOutputStream()));
        assertThat(code).as(out.toString()).isZero();
        assertThat(backup.resolve("database-passwords")).exists();
        assertThat(backup.resolve("identity-keyset.json")).doesNotExist();
        try (Stream<Path> files = Files.walk(backup)) {
            assertThat(files.map(Path::getFileName).map(Path::toString))
                    .as("no key in the backup")
                    .doesNotContain("identity-keyset.json", "audit-key", "linkage-secret");
        }

        // a case opened after the backup is not in it
        OpenedCase later = cases.openFor(organisation, UUID.randomUUID(), CaseFixtures.adultReferral(organisation));
        a.close();

        // with the platform stopped, the command starts the data folder's server for the copy and stops it after
        Path whileStopped = root.resolve("backup-while-stopped");
        assertThat(Backups.run(
                        new String[] {"backup", whileStopped.toString(), "--data-dir=" + original},
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(new ByteArrayOutputStream())))
                .isZero();
        assertThat(whileStopped.resolve("postgres/backup_label")).exists();
        assertThat(EmbeddedServer.serverOf(original.resolve("postgres"))).isEmpty();

        // restored onto a new data folder, with the keys backed up apart
        Path restored = root.resolve("restored");
        assertThat(Backups.run(
                        new String[] {"restore", backup.toString(), "--data-dir=" + restored},
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(new ByteArrayOutputStream())))
                .isZero();
        for (String key : List.of("identity-keyset.json", "audit-key", "linkage-secret")) {
            Files.copy(original.resolve(key), restored.resolve(key));
        }
        var b = start(restored);
        assertThat(count(b, "select count(*) from cases.case_file")).isEqualTo(casesAtBackup);
        assertThat(count(b, "select count(*) from access.audit_entry")).isGreaterThanOrEqualTo(entriesAtBackup);
        var restoredCases = b.getBean(CaseManagement.class);
        assertThat(restoredCases.findByReference(kept.reference())).contains(kept.caseId());
        assertThat(restoredCases.findByReference(later.reference())).isEmpty();
        var file = restoredCases.read(kept.caseId());
        assertThat(file.person().givenName()).isEqualTo("Testa");
        assertThat(file.details().reference()).isEqualTo(kept.reference());
        var verified = b.getBean(AuditVerification.class).verify();
        assertThat(verified.intact()).as(verified.toString()).isTrue();
        assertThat(verified.entriesChecked()).isGreaterThanOrEqualTo(entriesAtBackup);
        b.close();

        // restored without the identity keyset: the cases are there, no identity can be read
        Path withoutKeys = root.resolve("without-keys");
        assertThat(Backups.run(
                        new String[] {"restore", backup.toString(), "--data-dir=" + withoutKeys},
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(new ByteArrayOutputStream())))
                .isZero();
        Files.copy(original.resolve("audit-key"), withoutKeys.resolve("audit-key"));
        var c = start(withoutKeys);
        assertThat(count(c, "select count(*) from cases.case_file")).isEqualTo(casesAtBackup);
        CaseId id = kept.caseId();
        var casesWithoutKey = c.getBean(CaseManagement.class);
        assertThatThrownBy(() -> casesWithoutKey.read(id)).hasMessageContaining("could not be decrypted");
    }

    @Test
    void restoreRefusesADataFolderThatHoldsADatabase() throws Exception {
        Path folder = root.resolve("occupied/postgres");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("PG_VERSION"), "17\n");
        Path notABackup = root.resolve("empty-backup");
        Files.createDirectories(notABackup.resolve("postgres"));
        Files.writeString(notABackup.resolve("postgres/backup_label"), "START WAL LOCATION: 0/0 (file x)\n");
        var err = new ByteArrayOutputStream();
        int code = Backups.run(
                new String[] {"restore", notABackup.toString(), "--data-dir=" + root.resolve("occupied")},
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("is not empty");
        assertThat(folder.resolve("PG_VERSION")).hasContent("17");
    }

    private static long count(ConfigurableApplicationContext context, String sql) {
        return context.getBean(JdbcClient.class).sql(sql).query(Long.class).single();
    }

    private static void signInAs(UUID organisation) {
        var actor = org.opennrm.access.TestSignIn.actor(Role.COORDINATOR, organisation);
        var authorities = new ArrayList<SimpleGrantedAuthority>();
        authorities.add(new SimpleGrantedAuthority("SIGNED_IN"));
        actor.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        actor.grants().forEach(grant -> authorities.add(new SimpleGrantedAuthority(grant.authority())));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, authorities));
    }
}
