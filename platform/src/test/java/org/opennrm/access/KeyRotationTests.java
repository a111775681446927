package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

@PlatformTest
class KeyRotationTests {

    @Autowired
    KeyRotation rotation;

    @Autowired
    Bootstrap bootstrap;

    @Autowired
    IdentityProtection protection;

    @Autowired
    EncryptedColumn accountTotpSecret;

    @Autowired
    AccountManagement accounts;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AuditTrail audit;

    @Autowired
    AuditVerification verification;

    @Autowired
    org.opennrm.cases.CaseManagement cases;

    @Autowired
    org.opennrm.referrals.ServiceReferrals serviceReferrals;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    AuditKey auditKey;

    @Autowired
    ConfigurableApplicationContext context;

    final List<String> told = new ArrayList<>();

    @Test
    void rotationReEncryptsEveryValueUnderANewKeyAndRemovesTheOldOne() throws Exception {
        UUID account = accountWithSecret("ROTATIONSECRETAAAA");
        String before = secretOf(account);
        long oldKey = Integer.toUnsignedLong(protection.keyset().getPrimary().getId());
        String madeWithOldKey = protection.encrypt("synthetic value", "access.account.totp_secret:rotation-test-1");

        var result = rotation.rotate(told::add);

        String after = secretOf(account);
        assertThat(after).isNotEqualTo(before);
        assertThat(KeyRotation.keyIdOf(before)).isEqualTo(oldKey);
        assertThat(KeyRotation.keyIdOf(after))
                .isEqualTo(result.newPrimaryKeyId())
                .isNotEqualTo(oldKey);
        assertThat(protection.decrypt(after, context(account))).isEqualTo("ROTATIONSECRETAAAA");
        assertThat(result.previousPrimaryKeyId()).isEqualTo(oldKey);
        assertThat(result.removedKeyIds()).contains(oldKey);
        assertThat(result.valuesReEncrypted()).isPositive();
        assertThat(statusOf(protection.keyset(), oldKey))
                .as("the old key's material is gone")
                .isNull();
        // a value that was never re-encrypted is no longer readable: the old key is really out of use
        assertThatThrownBy(() -> protection.decrypt(madeWithOldKey, "access.account.totp_secret:rotation-test-1"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(told).anyMatch(line -> line.startsWith("access.account.totp_secret: "));
    }

    @Test
    void aValueIsEncryptedOnlyUnderTheContextOfADeclaredColumn() {
        assertThatThrownBy(() -> protection.encrypt("synthetic value", "referrals.undeclared_column:42"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("referrals.undeclared_column:")
                .hasMessageNotContaining("42");
        assertThat(protection.encrypt("synthetic value", "referrals.service_referral.health_needs:42"))
                .isNotBlank();
    }

    @Test
    void aServiceReferralsHealthNeedsAreReadableAfterRotation() {
        UUID inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        UUID office = organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        UUID hospital =
                organisations.findByName("Central Hospital").orElseThrow().id();
        var caseId = org.opennrm.cases.SignedIn.as(
                        Role.REFERRER,
                        inspectorate,
                        () -> cases.open(org.opennrm.cases.CaseFixtures.adultReferral(hospital)))
                .caseId();
        var sent = org.opennrm.cases.SignedIn.as(
                Role.CASE_MANAGER,
                office,
                () -> serviceReferrals.send(
                        caseId,
                        new org.opennrm.referrals.ServiceReferralRequest(
                                hospital,
                                "Treatment",
                                Set.of(org.opennrm.cases.SharingScope.HEALTH_NEEDS),
                                "Needs insulin every day",
                                null,
                                null)));

        var result = rotation.rotate(told::add);

        assertThat(told).anyMatch(line -> line.startsWith("referrals.service_referral.health_needs: "));
        assertThat(result.removedKeyIds()).isNotEmpty();
        var view =
                org.opennrm.cases.SignedIn.as(Role.SERVICE_PROVIDER, hospital, () -> serviceReferrals.view(sent.id()));
        assertThat(view.referral().healthNeeds()).isEqualTo("Needs insulin every day");
    }

    @Test
    void rotatedKeysetIsWrittenToTheKeyFile() throws Exception {
        var result = rotation.rotate(told::add);

        var stored = TinkJsonProtoKeysetFormat.parseKeyset(
                Files.readString(protection.keysetFile()), InsecureSecretKeyAccess.get());
        assertThat(Integer.toUnsignedLong(stored.getPrimary().getId())).isEqualTo(result.newPrimaryKeyId());
        assertThat(statusOf(stored, result.previousPrimaryKeyId()))
                .as("the old key's material is gone")
                .isNull();
        assertThat(stored.size()).isEqualTo(1);
        assertThat(result.keysetWrittenToFile()).isTrue();
    }

    @Test
    void rotationIsRecordedInTheAuditTrail() {
        var result = rotation.rotate(told::add);

        var entry = jdbc.sql("select record_type, detail from access.audit_entry where action = 'KEY_ROTATED'"
                        + " and record_id = :key")
                .param("key", Long.toString(result.newPrimaryKeyId()))
                .query()
                .singleRow();
        assertThat(entry.get("record_type")).isEqualTo("identity-key");
        assertThat((String) entry.get("detail")).isEqualTo(result.summary());
    }

    @Test
    void interruptedRotationLeavesEveryValueReadableAndASecondRunFinishesIt() throws Exception {
        // two accounts: the one whose row comes first re-encrypts, then the rotation meets a value
        // that cannot be decrypted (moved in from another row) and stops there
        UUID one = account();
        UUID other = account();
        // rows are re-encrypted in the order of their ids (PostgreSQL orders uuids as their text does)
        UUID first = one.toString().compareTo(other.toString()) < 0 ? one : other;
        UUID second = first == one ? other : one;
        setSecret(first, protection.encrypt("ROTATIONSECRETBBBB", context(first)));
        setSecret(second, protection.encrypt("ROTATIONSECRETCCCC", context(second)));
        String firstBefore = secretOf(first);
        String secondBefore = secretOf(second);
        long oldKey = Integer.toUnsignedLong(protection.keyset().getPrimary().getId());
        String madeWithOldKey = protection.encrypt("synthetic value", "access.account.totp_secret:rotation-test-2");
        setSecret(second, protection.encrypt("ROTATIONSECRETCCCC", "access.account.totp_secret:" + first));
        var oneRowAtATime = new KeyRotation(protection, List.of(accountTotpSecret), jdbc, transaction, audit, 1);
        try {
            assertThatThrownBy(() -> oneRowAtATime.rotate(told::add))
                    .isInstanceOf(KeyRotationFailed.class)
                    .hasMessageContaining("row " + second)
                    .hasMessageContaining("No key was removed");

            long newKey =
                    Integer.toUnsignedLong(protection.keyset().getPrimary().getId());
            assertThat(newKey).isNotEqualTo(oldKey);
            assertThat(statusOf(protection.keyset(), oldKey)).isEqualTo(KeyStatus.ENABLED);
            var stored = TinkJsonProtoKeysetFormat.parseKeyset(
                    Files.readString(protection.keysetFile()), InsecureSecretKeyAccess.get());
            assertThat(statusOf(stored, oldKey)).isEqualTo(KeyStatus.ENABLED);
            assertThat(Integer.toUnsignedLong(stored.getPrimary().getId())).isEqualTo(newKey);
            // the first value moved to the new key, values not reached yet stay under the old one
            assertThat(KeyRotation.keyIdOf(secretOf(first))).isEqualTo(newKey);
            assertThat(secretOf(first)).isNotEqualTo(firstBefore);
            assertThat(protection.decrypt(secretOf(first), context(first))).isEqualTo("ROTATIONSECRETBBBB");
            assertThat(protection.decrypt(madeWithOldKey, "access.account.totp_secret:rotation-test-2"))
                    .isEqualTo("synthetic value");
            assertThat(protection.decrypt(secondBefore, context(second))).isEqualTo("ROTATIONSECRETCCCC");
        } finally {
            setSecret(second, secondBefore);
        }

        var finished = rotation.rotate(told::add);

        assertThat(protection.decrypt(secretOf(first), context(first))).isEqualTo("ROTATIONSECRETBBBB");
        assertThat(protection.decrypt(secretOf(second), context(second))).isEqualTo("ROTATIONSECRETCCCC");
        assertThat(KeyRotation.keyIdOf(secretOf(second))).isEqualTo(finished.newPrimaryKeyId());
        assertThat(statusOf(protection.keyset(), oldKey))
                .as("the old key's material is gone")
                .isNull();
    }

    @Test
    void rotateCommandPrintsWhatItDidAndExitsWithOneWhenTheRotationStops() {
        var commands = new Commands(
                context,
                verification,
                checkpoints,
                auditKey,
                rotation,
                bootstrap,
                new MockEnvironment().withProperty(Commands.PROPERTY, "rotate-identity-key"));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        assertThat(commands.run("rotate-identity-key", new PrintStream(out), new PrintStream(err)))
                .isZero();
        assertThat(out.toString())
                .contains("Keyset written to ")
                .contains("access.account.totp_secret: ")
                .contains("Identity key rotated: key ");

        UUID account = account();
        setSecret(account, protection.encrypt("ROTATIONSECRETDDDD", "access.account.totp_secret:elsewhere"));
        try {
            assertThat(commands.run("rotate-identity-key", new PrintStream(out), new PrintStream(err)))
                    .isEqualTo(1);
            assertThat(err.toString())
                    .startsWith("Identity key rotation failed: ")
                    .contains("row " + account);
        } finally {
            setSecret(account, null);
        }
        rotation.rotate(told::add);
    }

    @Test
    void accessDeclaresTheSecondFactorSecretWithTheContextItIsEncryptedWith() {
        UUID id = UUID.randomUUID();

        assertThat(accountTotpSecret.table()).isEqualTo("access.account");
        assertThat(accountTotpSecret.column()).isEqualTo("totp_secret");
        assertThat(accountTotpSecret.contextOf(id)).isEqualTo("access.account.totp_secret:" + id);
    }

    @Test
    void columnNamesThatAreNotPlainIdentifiersAreRefused() {
        assertThatThrownBy(() -> new EncryptedColumn("account", "id", "secret", "x:"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EncryptedColumn("access.account; drop table x", "id", "secret", "x:"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EncryptedColumn("access.account", "id", "secret", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private UUID accountWithSecret(String secret) {
        UUID account = account();
        setSecret(account, protection.encrypt(secret, context(account)));
        return account;
    }

    private UUID account() {
        String username = "rotation-" + UUID.randomUUID().toString().substring(0, 8);
        var account = accounts.create(new AccountManagement.NewAccount(
                username,
                "Synthetic Rotation Person",
                username + "@example.org",
                organisations.all().getFirst().id(),
                Set.of(Role.REFERRER),
                "a long synthetic password"));
        return account.id();
    }

    private static String context(UUID account) {
        return "access.account.totp_secret:" + account;
    }

    private void setSecret(UUID account, String value) {
        jdbc.sql("update access.account set totp_secret = :value where id = :id")
                .param("value", value)
                .param("id", account)
                .update();
    }

    private String secretOf(UUID account) {
        return jdbc.sql("select totp_secret from access.account where id = :id")
                .param("id", account)
                .query(String.class)
                .single();
    }

    /** The status of a key in the keyset, or null when the keyset no longer holds it. */
    private static KeyStatus statusOf(KeysetHandle keyset, long keyId) {
        for (int i = 0; i < keyset.size(); i++) {
            if (Integer.toUnsignedLong(keyset.getAt(i).getId()) == keyId) {
                return keyset.getAt(i).getStatus();
            }
        }
        return null; // not in the keyset (removed)
    }
}
