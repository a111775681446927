package org.opennrm.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The columns of the access module that hold values encrypted with the identity key. */
@Configuration(proxyBeanMethods = false)
class EncryptedColumns {

    /** The TOTP shared secret of each account: a credential, encrypted like identity data. */
    @Bean
    EncryptedColumn accountTotpSecret() {
        return new EncryptedColumn("access.account", "id", "totp_secret", "access.account.totp_secret:");
    }
}
