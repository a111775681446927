package org.opennrm.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The consent-in-force rule is written once, in {@link Consent}: its SQL form, which queries over many cases use,
 * answers as {@link Consent#inForce()} does for every combination of given or declined, withdrawn or not.
 */
@PlatformTest
class ConsentRuleTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSqlRuleAndTheJavaRuleAgree() {
        List<Consent> consents = new ArrayList<>();
        for (boolean given : List.of(true, false)) {
            for (Instant withdrawnAt : new Instant[] {null, Instant.parse("2026-01-02T03:04:05Z")}) {
                consents.add(new Consent(
                        UUID.randomUUID(),
                        ConsentPurpose.SHARING,
                        UUID.randomUUID(),
                        given,
                        false,
                        Instant.parse("2026-01-01T00:00:00Z"),
                        UUID.randomUUID(),
                        withdrawnAt,
                        withdrawnAt == null ? null : UUID.randomUUID()));
            }
        }
        for (Consent consent : consents) {
            boolean inForceInSql = jdbc.sql("select " + Consent.inForceSql("s")
                            + " from (select cast(:given as boolean) as given,"
                            + " cast(:withdrawnAt as timestamptz) as withdrawn_at) s")
                    .param("given", consent.given())
                    .param(
                            "withdrawnAt",
                            consent.withdrawnAt() == null ? null : java.sql.Timestamp.from(consent.withdrawnAt()))
                    .query(Boolean.class)
                    .single();
            assertThat(inForceInSql).as(consent.toString()).isEqualTo(consent.inForce());
        }
        assertThat(consents).filteredOn(Consent::inForce).hasSize(1);
    }
}
