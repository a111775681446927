package org.opennrm.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.opennrm.access.IdentityProtection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Anonymous notifications in their own table, linked to no person and no case. */
@Repository
class AnonymousNotifications {

    /** The region is typed on a form: free text, encrypted like identity, bound to the notification's id. */
    static final String REGION_CONTEXT = "cases.anonymous_notification.region:";

    private final JdbcClient jdbc;
    private final IdentityProtection protection;

    AnonymousNotifications(JdbcClient jdbc, IdentityProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    void insert(UUID id, AnonymousNotification notification, UUID organisationId, LocalDate on, Instant now) {
        jdbc.sql("""
                        insert into cases.anonymous_notification (id, notified_on, recorded_at, organisation_id,
                            gender, age_group, nationality, exploitation_forms, region)
                        values (:id, :on, :now, :organisationId, :gender, :ageGroup, :nationality, :forms, :region)""")
                .param("id", id)
                .param("on", on)
                .param("now", Timestamp.from(now))
                .param("organisationId", organisationId)
                .param("gender", notification.gender())
                .param(
                        "ageGroup",
                        notification.ageGroup() == null
                                ? null
                                : notification.ageGroup().name())
                .param("nationality", notification.nationality())
                .param(
                        "forms",
                        notification.exploitationForms().stream().sorted().toArray(String[]::new))
                .param("region", protection.encrypt(notification.region(), REGION_CONTEXT + id))
                .update();
    }

    long countFrom(UUID organisationId) {
        return jdbc.sql("select count(*) from cases.anonymous_notification where organisation_id = :organisationId")
                .param("organisationId", organisationId)
                .query(Long.class)
                .single();
    }
}
