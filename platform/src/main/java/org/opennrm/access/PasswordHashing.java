package org.opennrm.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * How account passwords are hashed: Argon2id, memory-hard, so that a stolen account table is expensive to crack. The
 * defaults are OWASP's first recommended minimum (Password Storage Cheat Sheet: 19 MiB of memory, two iterations, one
 * lane); an operator may raise them ({@code opennrm.security.password-hash.memory-kib} and {@code .iterations}). A
 * stored hash carries its own parameters, so hashes made with other parameters keep verifying.
 */
final class PasswordHashing {

    private static final Logger log = LoggerFactory.getLogger(PasswordHashing.class);

    /** OWASP's minimum memory for Argon2id with two iterations: 19 MiB. */
    static final int MEMORY_KIB = 19_456;

    static final int ITERATIONS = 2;

    private PasswordHashing() {}

    static Argon2PasswordEncoder argon2id(int memoryKib, int iterations) {
        if (memoryKib < MEMORY_KIB || iterations < ITERATIONS) {
            // the test installation lowers the cost so that its hundreds of accounts and sign-ins take no minutes;
            // an installation with people's accounts must not
            log.warn(
                    "Passwords are hashed with less than OWASP's minimum ({} KiB and {} iterations; the minimum is {}"
                            + " KiB and {}): acceptable for tests only",
                    memoryKib,
                    iterations,
                    MEMORY_KIB,
                    ITERATIONS);
        }
        return new Argon2PasswordEncoder(16, 32, 1, memoryKib, iterations);
    }
}
