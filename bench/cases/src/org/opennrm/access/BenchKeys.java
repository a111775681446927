package org.opennrm.access;

import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The platform's own identity encryption and search index, built without Spring for the name search benchmark: a new
 * AES-256-GCM keyset in a temporary file and a random audit key, as a fresh installation would make them.
 */
public final class BenchKeys {

    private BenchKeys() {}

    public static IdentityProtection protection(Path keysetFile) throws Exception {
        return new IdentityProtection("", keysetFile);
    }

    public static SearchIndex searchIndex() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new SearchIndex(new AuditKey(secret));
    }
}
