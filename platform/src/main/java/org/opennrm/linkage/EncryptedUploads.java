package org.opennrm.linkage;

import org.opennrm.access.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The columns of this module whose values are encrypted with the identity key, so that key rotation covers them. */
@Configuration(proxyBeanMethods = false)
class EncryptedUploads {

    /** An agency's uploaded encodings, kept (encrypted) only from upload until the run or its discarding. */
    @Bean
    EncryptedColumn runListEncodings() {
        return new EncryptedColumn("linkage.run_list", "id", "encodings", StoredRuns.ENCODINGS_CONTEXT);
    }

    /**
     * An agency's uploaded field encodings, kept (encrypted) as long as its encodings: more revealing than the
     * encodings, since names, dates, sex and citizenship are encoded apart (docs/linkage-runs.md).
     */
    /** A person's field encodings for the field-aware duplicate check, kept as long as the person's encoding. */
    @Bean
    EncryptedColumn personFields() {
        return new EncryptedColumn("linkage.person_encoding", "case_id", "fields", Duplicates.FIELDS_CONTEXT);
    }

    @Bean
    EncryptedColumn runListFields() {
        return new EncryptedColumn("linkage.run_list", "id", "fields", StoredRuns.FIELDS_CONTEXT);
    }
}
