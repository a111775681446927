package org.opennrm.linkage;

import org.opennrm.access.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The column of this module whose values are encrypted with the identity key, so that key rotation covers it. */
@Configuration(proxyBeanMethods = false)
class EncryptedUploads {

    /** An agency's uploaded encodings, kept (encrypted) only from upload until the run or its discarding. */
    @Bean
    EncryptedColumn runListEncodings() {
        return new EncryptedColumn("linkage.run_list", "id", "encodings", StoredRuns.ENCODINGS_CONTEXT);
    }
}
