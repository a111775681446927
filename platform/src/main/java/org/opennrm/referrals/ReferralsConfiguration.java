package org.opennrm.referrals;

import java.util.List;
import org.opennrm.access.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The referrals module's encrypted columns, declared so that rotating the identity key re-encrypts them. */
@Configuration(proxyBeanMethods = false)
class ReferralsConfiguration {

    /** The columns that versions before migration V520 kept in clear; V520 encrypts what they hold. */
    static final List<EncryptedColumn> ENCRYPTED_SINCE_V520 = List.of(
            new EncryptedColumn("referrals.service_referral", "id", "purpose", ServiceReferralStore.PURPOSE_CONTEXT),
            new EncryptedColumn(
                    "referrals.service_referral",
                    "id",
                    "override_reason",
                    ServiceReferralStore.OVERRIDE_REASON_CONTEXT),
            new EncryptedColumn(
                    "referrals.service_referral", "id", "decline_reason", ServiceReferralStore.DECLINE_REASON_CONTEXT),
            new EncryptedColumn("referrals.transfer", "id", "reason", ServiceReferralStore.TRANSFER_REASON_CONTEXT));

    /** The health needs a referral to services shares. */
    @Bean
    EncryptedColumn serviceReferralHealthNeeds() {
        return new EncryptedColumn(
                "referrals.service_referral", "id", "health_needs", ServiceReferralStore.HEALTH_NEEDS_CONTEXT);
    }

    /** Why the referral was sent, why without consent, why declined. */
    @Bean
    EncryptedColumn serviceReferralPurpose() {
        return ENCRYPTED_SINCE_V520.get(0);
    }

    @Bean
    EncryptedColumn serviceReferralOverrideReason() {
        return ENCRYPTED_SINCE_V520.get(1);
    }

    @Bean
    EncryptedColumn serviceReferralDeclineReason() {
        return ENCRYPTED_SINCE_V520.get(2);
    }

    /** Why a case was handed to another organisation. */
    @Bean
    EncryptedColumn transferReason() {
        return ENCRYPTED_SINCE_V520.get(3);
    }

    /** Why a package from another country's NRM was rejected: told to the sender in the notice. */
    @Bean
    EncryptedColumn crossBorderNoticeReason() {
        return new EncryptedColumn(
                "referrals.cross_border_notice", "id", "reason", CrossBorderReferrals.NOTICE_REASON_CONTEXT);
    }

    /** Why another country's NRM rejected a package this NRM sent, as its notice said. */
    @Bean
    EncryptedColumn crossBorderSentReason() {
        return new EncryptedColumn(
                "referrals.cross_border_sent", "package_id", "reason", CrossBorderReferrals.SENT_REASON_CONTEXT);
    }
}
