package org.opennrm.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * NRM references are never given twice: numbered by a sequence per year that continues after what was given,
 * and guarded by a unique constraint. Each test draws a far-future year of its own (its own thousand), so that
 * no other test's referrals share its numbering.
 */
@PlatformTest
class ReferenceNumbersTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private static int yearIn(int thousand) {
        return thousand * 1000 + ThreadLocalRandom.current().nextInt(1000);
    }

    private long next(int year) {
        return jdbc.sql("select cases.next_reference_number(:year)")
                .param("year", year)
                .query(Long.class)
                .single();
    }

    @Test
    void numberingContinuesAfterTheReferencesGivenBeforeTheUpgrade() {
        int year = yearIn(3);
        // what an installation numbered before V430: its counter at 41, and a case numbered 43 (the highest wins)
        jdbc.sql("insert into cases.reference_counter (year, last_number) values (:year, 41)")
                .param("year", year)
                .update();
        insertCaseFile(String.format("NRM-%d-%06d", year, 43));

        assertThat(next(year)).isEqualTo(44);
        assertThat(next(year)).isEqualTo(45);
    }

    @Test
    void aYearStartsAtOne() {
        int year = yearIn(4);
        assertThat(next(year)).isEqualTo(1);
        assertThat(next(year)).isEqualTo(2);
    }

    @Test
    void aNumberTakenByALostTransactionIsNotGivenAgain() {
        int year = yearIn(5);
        long first = next(year);
        // the transaction that took the next number never commits, as if the database crashed before it did
        transactions.executeWithoutResult(status -> {
            next(year);
            status.setRollbackOnly();
        });

        assertThat(next(year)).isEqualTo(first + 2);
    }

    @Test
    void referralsOpeningAYearTogetherGetDistinctNumbers() throws Exception {
        int year = yearIn(6);
        var calls = new ArrayList<Callable<Long>>();
        for (int i = 0; i < 12; i++) {
            // each in its own transaction, so that the year's sequence is created once while the others wait
            calls.add(() -> transactions.execute(status -> next(year)));
        }
        var numbers = new ArrayList<Long>();
        try (var pool = Executors.newFixedThreadPool(12)) {
            for (var result : pool.invokeAll(calls)) {
                numbers.add(result.get());
            }
        }

        assertThat(numbers)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    }

    @Test
    void theSchemaRefusesAReferenceGivenTwice() {
        var reference = String.format("NRM-%d-%06d", yearIn(7), 1);
        insertCaseFile(reference);

        assertThatThrownBy(() -> insertCaseFile(reference)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aYearOfOtherThanFourDigitsIsRefused() {
        assertThatThrownBy(() -> next(99_999)).hasMessageContaining("four digits");
    }

    /** A bare case file row (synthetic, no identity): enough for the schema's constraints. */
    private void insertCaseFile(String reference) {
        var personId = UUID.randomUUID();
        var now = Timestamp.from(Instant.now());
        jdbc.sql("insert into cases.person (id, created_at) values (:id, :now)")
                .param("id", personId)
                .param("now", now)
                .update();
        jdbc.sql("""
                        insert into cases.case_file (id, reference, person_id, referring_organisation_id, referred_on,
                            opened_at, status, stage, age_category, updated_at)
                        values (:id, :reference, :personId, :organisationId, :today, :now, 'CLOSED', 'CLOSED',
                            'ADULT', :now)""")
                .param("id", UUID.randomUUID())
                .param("reference", reference)
                .param("personId", personId)
                .param("organisationId", UUID.randomUUID())
                .param("today", LocalDate.now())
                .param("now", now)
                .update();
    }
}
