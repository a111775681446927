package org.opennrm.referrals;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.opennrm.cases.EncounterOverlap;
import org.opennrm.cases.EncounterOverlaps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's lists for the hidden number with the referrals to services added: an organisation that accepted
 * a referral to its services for a person (the referral is accepted or completed) has met that person. This module
 * hands the case ids and receiving organisations to the cases module, which counts persons per combination of
 * sectors ({@link EncounterOverlaps}); nothing about a person leaves either module.
 */
@Service
public class ServiceEncounters {

    private final JdbcClient jdbc;
    private final EncounterOverlaps overlaps;

    ServiceEncounters(JdbcClient jdbc, EncounterOverlaps overlaps) {
        this.jdbc = jdbc;
        this.overlaps = overlaps;
    }

    /** Persons referred in the period, by the sectors that referred them, decided on them or took them on. */
    @Transactional
    @PreAuthorize("hasAuthority('statistics:read:all')")
    public EncounterOverlap encounterOverlap(Year from, Year to) {
        if (from == null || to == null || from.isAfter(to)) {
            return overlaps.encounterOverlap(from, to);
        }
        // a service referral follows the referral into the NRM, so one sent before the period cannot be about a
        // case referred in it
        List<EncounterOverlaps.Encounter> accepted = jdbc.sql("""
                        select distinct case_id, receiver_organisation_id from referrals.service_referral
                        where status in ('ACCEPTED', 'COMPLETED') and sent_at >= :first
                        """)
                .param("first", from.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new EncounterOverlaps.Encounter(
                        rs.getObject("case_id", UUID.class), rs.getObject("receiver_organisation_id", UUID.class)))
                .list();
        return overlaps.encounterOverlap(from, to, accepted);
    }
}
