package org.opennrm.prevention.ads;

import org.opennrm.access.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ads' encrypted columns: an ad's title and text and its contacts may name or picture a victim, so they are
 * encrypted at rest with the platform's identity key ({@code access}'s IdentityProtection), and declared here so that
 * rotating that key re-encrypts them.
 */
@Configuration(proxyBeanMethods = false)
class AdsConfiguration {

    static final String TITLE = "prevention.ad.title:";
    static final String BODY = "prevention.ad.body:";
    static final String CONTACT = "prevention.ad_contact.contact:";

    @Bean
    EncryptedColumn adTitle() {
        return new EncryptedColumn("prevention.ad", "id", "title", TITLE);
    }

    @Bean
    EncryptedColumn adBody() {
        return new EncryptedColumn("prevention.ad", "id", "body", BODY);
    }

    @Bean
    EncryptedColumn adContact() {
        return new EncryptedColumn("prevention.ad_contact", "id", "contact", CONTACT);
    }
}
