package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseManagement;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event publication log is a queue, not a history: a delivered event is deleted, so the log never becomes a
 * second, permanent record of every case opened; what an installation kept from before is removed at start.
 */
@PlatformTest
class EventLogTests {

    @Autowired
    CaseManagement cases;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    EventLogCleanUp cleanUp;

    @Autowired
    JdbcClient jdbc;

    long completed() {
        return jdbc.sql("select count(*) from event_publication where completion_date is not null")
                .query(Long.class)
                .single();
    }

    @Test
    void noDeliveredEventRemainsInTheLog() {
        UUID shelter =
                organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        var opened = cases.openFor(shelter, UUID.randomUUID(), CaseFixtures.adultReferral(shelter));

        EventsDelivered.await(jdbc);

        assertThat(completed()).isZero();
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :id")
                        .param("id", "%" + opened.caseId().value() + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void deliveredEventsKeptBeforeTheUpgradeAreDeletedAtStart() {
        jdbc.sql("""
                        insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
                            completion_date, status, completion_attempts)
                        values (:id, 'kept.before.the.upgrade', 'org.opennrm.cases.events.CaseOpened', '{}', :at, :at,
                            'COMPLETED', 1)""")
                .param("id", UUID.randomUUID())
                .param("at", java.sql.Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS)))
                .update();
        assertThat(completed()).isPositive();

        cleanUp.deleteDelivered();

        assertThat(completed()).isZero();
    }
}
