package org.opennrm.referrals;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.opennrm.cases.CaseId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The referrals sent into the NRM, by organisation. */
@Repository
class SentReferrals {

    private final JdbcClient jdbc;

    SentReferrals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Referral referral) {
        jdbc.sql("""
                        insert into referrals.referral (id, case_id, case_reference, referring_organisation_id,
                            referred_by, referred_at, screening_id)
                        values (:id, :caseId, :reference, :organisationId, :referredBy, :referredAt, :screeningId)""")
                .param("id", referral.id())
                .param("caseId", referral.caseId().value())
                .param("reference", referral.caseReference())
                .param("organisationId", referral.referringOrganisationId())
                .param("referredBy", referral.referredBy())
                .param("referredAt", Timestamp.from(referral.referredAt()))
                .param("screeningId", referral.screeningId())
                .update();
    }

    List<Referral> from(UUID organisationId) {
        return jdbc.sql("""
                        select * from referrals.referral where referring_organisation_id = :organisationId
                        order by referred_at desc""")
                .param("organisationId", organisationId)
                .query((rs, n) -> new Referral(
                        rs.getObject("id", UUID.class),
                        CaseId.of(rs.getObject("case_id", UUID.class)),
                        rs.getString("case_reference"),
                        rs.getObject("referring_organisation_id", UUID.class),
                        rs.getObject("referred_by", UUID.class),
                        rs.getTimestamp("referred_at").toInstant(),
                        rs.getObject("screening_id", UUID.class)))
                .list();
    }

    /** Referrals per calendar month (UTC), newest month first. */
    List<MonthlyCount> monthlyCounts(UUID organisationId) {
        return jdbc.sql("""
                        select extract(year from referred_at at time zone 'UTC')::int as y,
                               extract(month from referred_at at time zone 'UTC')::int as m, count(*) as n
                        from referrals.referral where referring_organisation_id = :organisationId
                        group by 1, 2 order by 1 desc, 2 desc""")
                .param("organisationId", organisationId)
                .query((rs, n) -> new MonthlyCount(YearMonth.of(rs.getInt("y"), rs.getInt("m")), rs.getLong("n")))
                .list();
    }
}
