package org.opennrm.referrals;

import org.opennrm.access.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The referrals module's encrypted columns, declared so that rotating the identity key re-encrypts them. */
@Configuration(proxyBeanMethods = false)
class ReferralsConfiguration {

    /** The health needs a referral to services shares: the only personal data a referral holds. */
    @Bean
    EncryptedColumn serviceReferralHealthNeeds() {
        return new EncryptedColumn(
                "referrals.service_referral", "id", "health_needs", ServiceReferralStore.HEALTH_NEEDS_CONTEXT);
    }
}
