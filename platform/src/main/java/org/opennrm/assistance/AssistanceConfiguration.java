package org.opennrm.assistance;

import java.util.List;
import org.opennrm.access.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The assistance module's encrypted columns, declared so that rotating the identity key re-encrypts them. */
@Configuration(proxyBeanMethods = false)
class AssistanceConfiguration {

    /** Every text written about a person in assistance; versions before migration V602 kept them in clear. */
    static final List<EncryptedColumn> ENCRYPTED_SINCE_V602 = List.of(
            // a need is known by its case and area: the generated need_key binds its note to both
            new EncryptedColumn("assistance.need", "need_key", "note", AssistanceStore.NEED_NOTE),
            new EncryptedColumn("assistance.plan_item", "id", "text", AssistanceStore.PLAN_ITEM_TEXT),
            new EncryptedColumn("assistance.service", "id", "outcome", AssistanceStore.SERVICE_OUTCOME),
            new EncryptedColumn("assistance.non_punishment", "id", "offence", AssistanceStore.NON_PUNISHMENT_OFFENCE),
            new EncryptedColumn("assistance.non_punishment", "id", "note", AssistanceStore.NON_PUNISHMENT_NOTE),
            new EncryptedColumn("assistance.closure", "id", "reason", AssistanceStore.CLOSURE_REASON));

    @Bean
    EncryptedColumn needNote() {
        return ENCRYPTED_SINCE_V602.get(0);
    }

    @Bean
    EncryptedColumn planItemText() {
        return ENCRYPTED_SINCE_V602.get(1);
    }

    @Bean
    EncryptedColumn serviceOutcome() {
        return ENCRYPTED_SINCE_V602.get(2);
    }

    @Bean
    EncryptedColumn nonPunishmentOffence() {
        return ENCRYPTED_SINCE_V602.get(3);
    }

    @Bean
    EncryptedColumn nonPunishmentNote() {
        return ENCRYPTED_SINCE_V602.get(4);
    }

    @Bean
    EncryptedColumn closureReason() {
        return ENCRYPTED_SINCE_V602.get(5);
    }
}
