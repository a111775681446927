package org.opennrm.cases.notes;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.access.IdentityProtection;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseRuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case notes and the contact log of a case. Writing needs {@code cases:write:all}; reading {@code cases:read:all}
 * and is logged as a read of the case in the same transaction, before the texts are returned. Texts are encrypted
 * with the identity key, bound to their row ({@value #CONTEXT}).
 */
@Service
public class CaseNotes {

    /** The encryption context of a note's text, before the note's id. */
    public static final String CONTEXT = "cases.case_note.text:";

    private final JdbcClient jdbc;
    private final IdentityProtection protection;
    private final AuditTrail audit;
    private final Clock clock;

    CaseNotes(JdbcClient jdbc, IdentityProtection protection, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public CaseNote add(CaseId caseId, NewNote note) {
        requireCase(caseId);
        if (note.kind() == null) {
            throw new CaseRuleViolation("caseNote.kind.required", "Choose whether this is a note or a contact.");
        }
        if (note.kind() == NoteKind.CONTACT && note.channel() == null) {
            throw new CaseRuleViolation("caseNote.channel.required", "Choose how the contact took place.");
        }
        var text = note.text() == null ? "" : note.text().strip();
        if (text.isEmpty()) {
            throw new CaseRuleViolation("caseNote.text.required", "Write what happened.");
        }
        if (text.length() > Case.TEXT_LIMIT) {
            throw new CaseRuleViolation(
                    "caseNote.textTooLong", "The text is longer than " + Case.TEXT_LIMIT + " characters.");
        }
        var today = LocalDate.now(clock);
        var occurredOn = note.occurredOn() == null ? today : note.occurredOn();
        if (occurredOn.isAfter(today)) {
            throw new CaseRuleViolation("caseNote.future", "A note is about something that has happened.");
        }
        var actor = Actor.current().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        var id = UUID.randomUUID();
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var channel = note.kind() == NoteKind.CONTACT ? note.channel() : null;
        jdbc.sql("""
                        insert into cases.case_note (id, case_id, kind, channel, occurred_on, text, recorded_at, recorded_by)
                        values (:id, :case, :kind, :channel, :on, :text, :at, :by)""")
                .param("id", id)
                .param("case", caseId.value())
                .param("kind", note.kind().name())
                .param("channel", channel == null ? null : channel.name())
                .param("on", occurredOn)
                .param("text", protection.encrypt(text, CONTEXT + id))
                .param("at", Timestamp.from(now))
                .param("by", actor.accountId())
                .update();
        audit.record(AuditAction.CREATE, "case_note", id, "case=" + caseId + " kind=" + note.kind());
        return new CaseNote(id, note.kind(), channel, occurredOn, text, now, actor.accountId());
    }

    /** The notes of a case, latest first; logged as a read of the case before they are returned. */
    @Transactional
    @PreAuthorize("hasAuthority('cases:read:all')")
    public List<CaseNote> of(CaseId caseId) {
        requireCase(caseId);
        audit.record(AuditAction.READ, CaseManagement.RECORD_TYPE, caseId.value(), "notes");
        return jdbc.sql("""
                        select id, kind, channel, occurred_on, text, recorded_at, recorded_by from cases.case_note
                        where case_id = :case order by occurred_on desc, recorded_at desc""")
                .param("case", caseId.value())
                .query((rs, n) -> {
                    var id = rs.getObject("id", UUID.class);
                    var channel = rs.getString("channel");
                    return new CaseNote(
                            id,
                            NoteKind.valueOf(rs.getString("kind")),
                            channel == null ? null : ContactChannel.valueOf(channel),
                            rs.getObject("occurred_on", LocalDate.class),
                            protection.decrypt(rs.getString("text"), CONTEXT + id),
                            rs.getTimestamp("recorded_at").toInstant(),
                            rs.getObject("recorded_by", UUID.class));
                })
                .list();
    }

    private void requireCase(CaseId caseId) {
        boolean exists = jdbc.sql("select count(*) from cases.case_file where id = :id")
                        .param("id", caseId.value())
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            throw new RecordNotFound(CaseManagement.RECORD_TYPE, caseId);
        }
    }
}
