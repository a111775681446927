package org.opennrm.cases.justice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.access.IdentityProtection;
import org.opennrm.access.Permission;
import org.opennrm.access.Scope;
import org.opennrm.cases.CaseFiles;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseRuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the criminal-justice track of a case apart from everything else. Its texts (the proceedings, the protection
 * measures) are encrypted with the identity key like the person's identity: they name people and places. Whoever lacks
 * {@link Permission#CRIMINAL_JUSTICE_READ} is told the track does not exist (404), so that a service provider
 * cannot even learn whether proceedings exist. Every read and change is audited.
 */
@Service
public class CriminalJusticeTracks {

    static final String RECORD_TYPE = "criminal-justice-track";

    private final JdbcClient jdbc;
    private final CaseFiles cases;
    private final AuditTrail audit;
    private final Clock clock;
    private final IdentityProtection protection;

    CriminalJusticeTracks(
            JdbcClient jdbc, CaseFiles cases, AuditTrail audit, Clock clock, IdentityProtection protection) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
        this.protection = protection;
    }

    /** The track of a case, empty when nothing is recorded yet; 404 for whoever may not see it. */
    @Transactional
    public Optional<CriminalJusticeTrack> read(CaseId id) {
        requireAuthorised(id);
        audit.record(AuditAction.READ, RECORD_TYPE, id);
        return find(id);
    }

    @Transactional
    public CriminalJusticeTrack record(CaseId id, CriminalJusticeTrackForm form) {
        var actor = requireAuthorised(id);
        if (!actor.can(Permission.CASES_WRITE, Scope.ALL)) {
            throw new RecordNotFound(RECORD_TYPE, id);
        }
        if (form.status() == null || form.cooperation() == null) {
            throw new CaseRuleViolation(
                    "criminalJustice.required",
                    "Choose the person's status in proceedings and whether they co-operate.");
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                        insert into cases.criminal_justice_track
                            (case_id, proceedings, status, protection_measures, cooperation, updated_at, updated_by)
                        values (:caseId, :proceedings, :status, :measures, :cooperation, :at, :by)
                        on conflict (case_id) do update set proceedings = excluded.proceedings,
                            status = excluded.status, protection_measures = excluded.protection_measures,
                            cooperation = excluded.cooperation, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by""")
                .param("caseId", id.value())
                .param(
                        "proceedings",
                        protection.encrypt(blankToNull(form.proceedings()), CaseFiles.PROCEEDINGS + id.value()))
                .param("status", form.status().name())
                .param(
                        "measures",
                        protection.encrypt(
                                blankToNull(form.protectionMeasures()), CaseFiles.PROTECTION_MEASURES + id.value()))
                .param("cooperation", form.cooperation().name())
                .param("at", Timestamp.from(now))
                .param("by", actor.accountId())
                .update();
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id);
        return new CriminalJusticeTrack(
                id,
                blankToNull(form.proceedings()),
                form.status(),
                blankToNull(form.protectionMeasures()),
                form.cooperation(),
                now);
    }

    private Optional<CriminalJusticeTrack> find(CaseId id) {
        return jdbc.sql("select * from cases.criminal_justice_track where case_id = :id")
                .param("id", id.value())
                .query((rs, n) -> new CriminalJusticeTrack(
                        id,
                        protection.decrypt(rs.getString("proceedings"), CaseFiles.PROCEEDINGS + id.value()),
                        ProceedingsStatus.valueOf(rs.getString("status")),
                        protection.decrypt(
                                rs.getString("protection_measures"), CaseFiles.PROTECTION_MEASURES + id.value()),
                        Cooperation.valueOf(rs.getString("cooperation")),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    private Actor requireAuthorised(CaseId id) {
        var actor = Actor.current().orElseThrow(() -> new RecordNotFound(RECORD_TYPE, id));
        if (!actor.can(Permission.CRIMINAL_JUSTICE_READ, Scope.ALL)
                || cases.find(id).isEmpty()) {
            throw new RecordNotFound(RECORD_TYPE, id);
        }
        return actor;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
