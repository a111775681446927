package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The audit page names every kind of action in every language (the key is built at render time). */
class AuditActionMessagesTests {

    @Test
    void everyAuditActionHasALabelInEveryLanguage() throws IOException {
        for (String bundle : List.of("i18n/audit.properties", "i18n/audit_fr.properties", "i18n/audit_ru.properties")) {
            var labels = new Properties();
            try (var in = new InputStreamReader(
                    getClass().getClassLoader().getResourceAsStream(bundle), StandardCharsets.UTF_8)) {
                labels.load(in);
            }
            var missing = Arrays.stream(AuditAction.values())
                    .map(action -> "audit.action." + action.name())
                    .filter(key -> !labels.containsKey(key))
                    .toList();
            assertThat(missing).as(bundle).isEmpty();
        }
    }
}
