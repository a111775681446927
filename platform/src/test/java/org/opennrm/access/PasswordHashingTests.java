package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Account passwords are hashed with Argon2id at OWASP's minimum cost unless an operator raises it; the test
 * installation's lower cost (application-test.yml) is never the platform's own.
 */
class PasswordHashingTests {

    @Test
    void theDefaultCostIsOwaspsMinimumAndWrittenIntoEachHash() {
        var encoder = PasswordHashing.argon2id(PasswordHashing.MEMORY_KIB, PasswordHashing.ITERATIONS);
        String hash = encoder.encode("a long synthetic password");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(encoder.matches("a long synthetic password", hash)).isTrue();
        assertThat(encoder.matches("another password", hash)).isFalse();
    }

    @Test
    void aHashMadeAtAnotherCostKeepsVerifying() {
        String cheap = PasswordHashing.argon2id(1024, 1).encode("a long synthetic password");
        String dearer = PasswordHashing.argon2id(65_536, 3).encode("a long synthetic password");
        var platform = PasswordHashing.argon2id(PasswordHashing.MEMORY_KIB, PasswordHashing.ITERATIONS);

        assertThat(cheap).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(platform.matches("a long synthetic password", cheap)).isTrue();
        assertThat(platform.matches("a long synthetic password", dearer)).isTrue();
    }

    @Test
    void thePlatformsSettingsDefaultToTheMinimum() throws Exception {
        String settings = new String(PasswordHashingTests.class
                .getResourceAsStream("/application.yml")
                .readAllBytes());

        assertThat(settings)
                .contains("memory-kib: ${OPENNRM_PASSWORD_HASH_MEMORY_KIB:" + PasswordHashing.MEMORY_KIB + "}")
                .contains("iterations: ${OPENNRM_PASSWORD_HASH_ITERATIONS:" + PasswordHashing.ITERATIONS + "}");
    }
}
