package org.opennrm.cases.exchange;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.apache.commons.codec.binary.Base32;
import org.opennrm.cases.AgeCategory;
import org.opennrm.cases.CaseFiles;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.ClosureReason;
import org.opennrm.cases.Consent;
import org.opennrm.cases.DecisionOutcome;
import org.opennrm.cases.TraffickingProfile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the cases of an HTCDS export straight from the tables, one row at a time (a database cursor, never the
 * whole result in memory), with the consent that decides whether identity may go to the receiver. Sharing is
 * allowed only while the case is open and a consent to share with the receiver is in force, as
 * {@link Case#sharingAllowedWith} says for every other disclosure.
 */
@Repository
class HtcdsExports {

    // rows fetched from the cursor at a time
    private static final int FETCH_SIZE = 200;

    // the cases chosen by the filters, with the consent of each for the receiver
    private static final String CHOSEN = """
            with chosen as (
                select c.*,
                    exists (select 1 from cases.consent s where s.case_id = c.id and s.purpose = 'SHARING'
                            and s.organisation_id = :receiver and {consentInForce}) as sharing_in_force,
                    exists (select 1 from cases.consent s where s.case_id = c.id and s.purpose = 'SHARING'
                            and s.organisation_id = :receiver and s.withdrawn_at is not null) as sharing_withdrawn
                from cases.case_file c
                where (cast(:from as date) is null or c.referred_on >= :from)
                  and (cast(:to as date) is null or c.referred_on <= :to)
                  and (cast(:status as text) is null or c.status = :status)
                  %s
            )
            """.replace("{consentInForce}", Consent.inForceSql("s"));

    private final NamedParameterJdbcTemplate jdbc;
    private final ExchangeSecret exchangeSecret;

    HtcdsExports(DataSource dataSource, ExchangeSecret exchangeSecret) {
        this.exchangeSecret = exchangeSecret;
        var template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
    }

    /**
     * The filters of an export as SQL parameters.
     *
     * @param referringOrganisations the organisations serving the region asked for, or null for every region
     */
    record Filter(LocalDate from, LocalDate to, CaseStatus status, Set<UUID> referringOrganisations, UUID receiverId) {

        Map<String, Object> parameters() {
            var parameters = new HashMap<String, Object>();
            parameters.put("from", from);
            parameters.put("to", to);
            parameters.put("status", status == null ? null : status.name());
            parameters.put("receiver", receiverId);
            if (referringOrganisations != null && !referringOrganisations.isEmpty()) {
                parameters.put("organisations", List.copyOf(referringOrganisations));
            }
            return parameters;
        }

        String chosen() {
            if (referringOrganisations == null) {
                return CHOSEN.formatted("");
            }
            return CHOSEN.formatted(
                    referringOrganisations.isEmpty()
                            ? "and false"
                            : "and c.referring_organisation_id in (:organisations)");
        }
    }

    /** How many cases match, and how an identifying export to the receiver would treat them. */
    HtcdsExportSummary summary(Filter filter, boolean identity) {
        return jdbc.queryForObject(
                filter.chosen() + """
                        select count(*) as matching,
                            count(*) filter (where sharing_in_force and status = 'OPEN') as shareable,
                            count(*) filter (where not sharing_in_force and sharing_withdrawn) as withdrawn,
                            count(*) filter (where not sharing_in_force and not sharing_withdrawn) as no_consent,
                            count(*) filter (where sharing_in_force and status <> 'OPEN') as closed
                        from chosen""",
                filter.parameters(),
                (rs, n) -> identity
                        ? new HtcdsExportSummary(
                                rs.getLong("matching"),
                                rs.getLong("shareable"),
                                rs.getLong("withdrawn"),
                                rs.getLong("no_consent"),
                                rs.getLong("closed"))
                        : new HtcdsExportSummary(rs.getLong("matching"), rs.getLong("matching"), 0, 0, 0));
    }

    /**
     * Hands each case of the export to {@code each}, by date of referral and reference. An identifying export
     * reads only the cases that may be shared with the receiver; the person's columns come encrypted.
     */
    void forEach(Filter filter, boolean identity, Consumer<ExportRow> each) {
        var sql = filter.chosen()
                + """
                select ch.id, ch.reference, ch.referring_organisation_id, ch.referred_on, ch.status, ch.age_category,
                    ch.exploitation_forms, ch.methods_of_control, ch.sectors, ch.recruitment_methods,
                    ch.recruitment_platforms, ch.recruiter_relationship, ch.recruitment_countries,
                    ch.transit_countries, ch.exploitation_countries, ch.sexual_exploitation_types, ch.closure_reason,
                    ch.sharing_in_force,
                    p.id as person_id, p.date_of_birth, p.age_estimate, p.gender, p.citizenships, p.languages,
                    %s
                    d.outcome, d.organisation_id as deciding_organisation_id, ev.events
                from chosen ch
                join cases.person p on p.id = ch.person_id
                left join lateral (
                    select outcome, organisation_id from cases.decision d
                    where d.case_id = ch.id
                      and not exists (select 1 from cases.decision later where later.reconsiders = d.id)
                    order by case d.kind when 'FORMAL' then 0 else 1 end, d.recorded_at desc
                    limit 1) d on true
                left join lateral (
                    select array_agg(coalesce(e.type, '') || '|' || coalesce(e.occurred_on::text, '') || '|'
                            || coalesce(e.country, '') order by e.occurred_on, e.id) as events
                    from cases.timeline_event e where e.case_id = ch.id) ev on true
                %s
                order by ch.referred_on, ch.reference""".formatted(
                                identity ? "p.given_name, p.family_name," : "",
                                identity ? "where ch.sharing_in_force and ch.status = 'OPEN'" : "");
        jdbc.query(sql, filter.parameters(), rs -> {
            each.accept(new ExportRow(rs, identity));
        });
    }

    /** One case as read, the person's columns still encrypted. */
    record ExportRow(
            CaseId caseId,
            UUID referringOrganisationId,
            LocalDate referredOn,
            CaseStatus status,
            AgeCategory ageCategory,
            TraffickingProfile profile,
            ClosureReason closureReason,
            boolean sharingInForce,
            UUID personId,
            Map<String, String> sealedPerson,
            DecisionOutcome standingOutcome,
            UUID decidingOrganisationId,
            List<String> events) {

        ExportRow(ResultSet rs, boolean identity) throws SQLException {
            this(
                    CaseId.of(rs.getObject("id", UUID.class)),
                    rs.getObject("referring_organisation_id", UUID.class),
                    rs.getObject("referred_on", LocalDate.class),
                    CaseStatus.valueOf(rs.getString("status")),
                    AgeCategory.valueOf(rs.getString("age_category")),
                    new TraffickingProfile(
                            CaseFiles.strings(rs.getArray("exploitation_forms")),
                            CaseFiles.strings(rs.getArray("methods_of_control")),
                            CaseFiles.strings(rs.getArray("sectors")),
                            CaseFiles.strings(rs.getArray("recruitment_methods")),
                            CaseFiles.strings(rs.getArray("recruitment_platforms")),
                            rs.getString("recruiter_relationship"),
                            CaseFiles.strings(rs.getArray("recruitment_countries")),
                            CaseFiles.strings(rs.getArray("transit_countries")),
                            CaseFiles.strings(rs.getArray("exploitation_countries")),
                            null,
                            CaseFiles.strings(rs.getArray("sexual_exploitation_types"))),
                    closure(rs.getString("closure_reason")),
                    rs.getBoolean("sharing_in_force"),
                    rs.getObject("person_id", UUID.class),
                    sealed(rs, identity),
                    outcome(rs.getString("outcome")),
                    rs.getObject("deciding_organisation_id", UUID.class),
                    List.copyOf(CaseFiles.strings(rs.getArray("events"))));
        }

        private static ClosureReason closure(String reason) {
            return reason == null ? null : ClosureReason.valueOf(reason);
        }

        private static DecisionOutcome outcome(String outcome) {
            return outcome == null ? null : DecisionOutcome.valueOf(outcome);
        }

        private static Map<String, String> sealed(ResultSet rs, boolean identity) throws SQLException {
            var columns = new HashMap<String, String>();
            for (String column : List.of("date_of_birth", "age_estimate", "gender", "citizenships", "languages")) {
                columns.put(column, rs.getString(column));
            }
            if (identity) {
                columns.put("given_name", rs.getString("given_name"));
                columns.put("family_name", rs.getString("family_name"));
            }
            return columns;
        }

        @Override
        public String toString() {
            return "ExportRow[" + caseId + "]";
        }
    }

    /**
     * The case's pseudonym for a receiver: HMAC-SHA256 under the installation's exchange secret (migration
     * V420) of receiver id and case id, the first 80 bits in Base32. Stable from one export to the next for
     * the same receiver; different for every receiver; not reversible without the secret.
     */
    String pseudonym(UUID receiverId, CaseId caseId) {
        return pseudonyms(receiverId).apply(caseId);
    }

    /** {@link #pseudonym} for one receiver, with one MAC for a whole export (not for several threads). */
    Function<CaseId, String> pseudonyms(UUID receiverId) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            var base32 = new Base32();
            return caseId -> {
                byte[] digest = mac.doFinal((receiverId + ":" + caseId.value()).getBytes(StandardCharsets.UTF_8));
                return "HTX-" + base32.encodeAsString(Arrays.copyOf(digest, 10));
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private byte[] secret() {
        return exchangeSecret.secret();
    }
}
