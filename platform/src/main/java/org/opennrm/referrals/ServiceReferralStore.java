package org.opennrm.referrals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opennrm.access.IdentityProtection;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.SharingScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Referrals to services and transfers of cases, stored in the referrals schema. */
@Repository
class ServiceReferralStore {

    private final JdbcClient jdbc;
    private final IdentityProtection protection;

    ServiceReferralStore(JdbcClient jdbc, IdentityProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    void insert(ServiceReferral referral) {
        jdbc.sql("""
                        insert into referrals.service_referral (id, case_id, case_reference, sender_organisation_id,
                            sent_by, receiver_organisation_id, purpose, scopes, health_needs, override_ground,
                            override_reason, sent_at, status, decline_reason, updated_at)
                        values (:id, :caseId, :reference, :sender, :sentBy, :receiver, :purpose, :scopes,
                            :healthNeeds, :ground, :overrideReason, :sentAt, :status, :declineReason, :updatedAt)""")
                .param("id", referral.id())
                .param("caseId", referral.caseId().value())
                .param("reference", referral.caseReference())
                .param("sender", referral.senderOrganisationId())
                .param("sentBy", referral.sentBy())
                .param("receiver", referral.receiverOrganisationId())
                .param("purpose", protection.encrypt(referral.purpose(), PURPOSE_CONTEXT + referral.id()))
                .param(
                        "scopes",
                        referral.scopes().stream().map(Enum::name).sorted().collect(Collectors.joining(" ")))
                .param(
                        "healthNeeds",
                        referral.healthNeeds() == null
                                ? null
                                : protection.encrypt(referral.healthNeeds(), context(referral.id())))
                .param(
                        "ground",
                        referral.overrideGround() == null
                                ? null
                                : referral.overrideGround().name())
                .param(
                        "overrideReason",
                        protection.encrypt(referral.overrideReason(), OVERRIDE_REASON_CONTEXT + referral.id()))
                .param("sentAt", Timestamp.from(referral.sentAt()))
                .param("status", referral.status().name())
                .param(
                        "declineReason",
                        protection.encrypt(referral.declineReason(), DECLINE_REASON_CONTEXT + referral.id()))
                .param("updatedAt", Timestamp.from(referral.updatedAt()))
                .update();
    }

    void update(ServiceReferral referral) {
        jdbc.sql("""
                        update referrals.service_referral set status = :status, decline_reason = :declineReason,
                            updated_at = :updatedAt where id = :id""")
                .param("id", referral.id())
                .param("status", referral.status().name())
                .param(
                        "declineReason",
                        protection.encrypt(referral.declineReason(), DECLINE_REASON_CONTEXT + referral.id()))
                .param("updatedAt", Timestamp.from(referral.updatedAt()))
                .update();
    }

    Optional<ServiceReferral> find(UUID id) {
        return jdbc.sql("select * from referrals.service_referral where id = :id")
                .param("id", id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    List<ServiceReferral> ofCase(CaseId caseId) {
        return jdbc.sql("select * from referrals.service_referral where case_id = :caseId order by sent_at, id")
                .param("caseId", caseId.value())
                .query((rs, n) -> map(rs))
                .list();
    }

    List<ServiceReferral> receivedBy(UUID organisationId) {
        return jdbc.sql("""
                        select * from referrals.service_referral where receiver_organisation_id = :organisationId
                        order by sent_at desc, id limit 500""")
                .param("organisationId", organisationId)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** How many referrals the organisation received, per status: counts only, nothing about a case. */
    java.util.Map<ServiceReferralStatus, Long> receivedCounts(UUID organisationId) {
        var counts = new java.util.EnumMap<ServiceReferralStatus, Long>(ServiceReferralStatus.class);
        for (var status : ServiceReferralStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("""
                        select status, count(*) as n from referrals.service_referral
                        where receiver_organisation_id = :organisationId group by status""")
                .param("organisationId", organisationId)
                .query((rs, n) -> counts.put(ServiceReferralStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
        return counts;
    }

    void insert(Transfer transfer) {
        jdbc.sql("""
                        insert into referrals.transfer (id, case_id, from_organisation_id, to_organisation_id, reason,
                            transferred_at, transferred_by)
                        values (:id, :caseId, :from, :to, :reason, :at, :by)""")
                .param("id", transfer.id())
                .param("caseId", transfer.caseId().value())
                .param("from", transfer.fromOrganisationId())
                .param("to", transfer.toOrganisationId())
                .param("reason", protection.encrypt(transfer.reason(), TRANSFER_REASON_CONTEXT + transfer.id()))
                .param("at", Timestamp.from(transfer.transferredAt()))
                .param("by", transfer.transferredBy())
                .update();
    }

    List<Transfer> transfersOf(CaseId caseId) {
        return jdbc.sql("select * from referrals.transfer where case_id = :caseId order by transferred_at, id")
                .param("caseId", caseId.value())
                .query((rs, n) -> new Transfer(
                        rs.getObject("id", UUID.class),
                        caseId,
                        rs.getObject("from_organisation_id", UUID.class),
                        rs.getObject("to_organisation_id", UUID.class),
                        protection.decrypt(
                                rs.getString("reason"), TRANSFER_REASON_CONTEXT + rs.getObject("id", UUID.class)),
                        rs.getTimestamp("transferred_at").toInstant(),
                        rs.getObject("transferred_by", UUID.class)))
                .list();
    }

    private ServiceReferral map(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String health = rs.getString("health_needs");
        String ground = rs.getString("override_ground");
        Set<SharingScope> scopes = EnumSet.noneOf(SharingScope.class);
        Arrays.stream(rs.getString("scopes").split(" "))
                .filter(word -> !word.isBlank())
                .forEach(word -> scopes.add(SharingScope.valueOf(word)));
        return new ServiceReferral(
                id,
                CaseId.of(rs.getObject("case_id", UUID.class)),
                rs.getString("case_reference"),
                rs.getObject("sender_organisation_id", UUID.class),
                rs.getObject("sent_by", UUID.class),
                rs.getObject("receiver_organisation_id", UUID.class),
                protection.decrypt(rs.getString("purpose"), PURPOSE_CONTEXT + id),
                scopes,
                health == null ? null : protection.decrypt(health, context(id)),
                ground == null ? null : OverrideGround.valueOf(ground),
                protection.decrypt(rs.getString("override_reason"), OVERRIDE_REASON_CONTEXT + id),
                rs.getTimestamp("sent_at").toInstant(),
                ServiceReferralStatus.valueOf(rs.getString("status")),
                protection.decrypt(rs.getString("decline_reason"), DECLINE_REASON_CONTEXT + id),
                rs.getTimestamp("updated_at").toInstant());
    }

    static final String HEALTH_NEEDS_CONTEXT = "referrals.service_referral.health_needs:";

    /* the texts of a referral and a transfer, written by people about a person: encrypted like identity */
    static final String PURPOSE_CONTEXT = "referrals.service_referral.purpose:";

    static final String OVERRIDE_REASON_CONTEXT = "referrals.service_referral.override_reason:";

    static final String DECLINE_REASON_CONTEXT = "referrals.service_referral.decline_reason:";

    static final String TRANSFER_REASON_CONTEXT = "referrals.transfer.reason:";

    private static String context(UUID id) {
        return HEALTH_NEEDS_CONTEXT + id;
    }
}
