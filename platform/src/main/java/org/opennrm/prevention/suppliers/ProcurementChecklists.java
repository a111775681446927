package org.opennrm.prevention.suppliers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The procurement risk checklists an office filled in ({@code prevention.procurement_checklist}): every question of
 * the sector answered, the risk level computed by {@link ProcurementChecklist} and kept with the answers that raised
 * it. The own office's only (another office's answers 404); every checklist audited.
 */
@Service
public class ProcurementChecklists {

    private final JdbcClient jdbc;
    private final ProcurementChecklist checklist;
    private final AuditTrail audit;
    private final Clock clock;

    ProcurementChecklists(JdbcClient jdbc, ProcurementChecklist checklist, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.checklist = checklist;
        this.audit = audit;
        this.clock = clock;
    }

    /** A checklist to store: tender reference, supplier (optional), sector, an answer to every question. */
    public record Filling(
            String tenderReference,
            UUID supplierId,
            ProcurementChecklist.Sector sector,
            Map<String, ProcurementChecklist.Answer> answers) {}

    @Transactional
    @PreAuthorize(SupplierScreening.ACCESS)
    public FilledChecklist fill(Filling filling) {
        Map<String, String> problems = new LinkedHashMap<>();
        String reference = filling.tenderReference() == null
                ? ""
                : filling.tenderReference().strip();
        if (!CompanyCsv.REFERENCE.matcher(reference).matches()) {
            problems.put("tenderReference", "finance.checklist.error.tender");
        }
        UUID organisation = organisation();
        if (filling.supplierId() != null
                && !jdbc.sql(
                                "select exists (select 1 from prevention.supplier where id = :id and organisation_id = :o)")
                        .param("id", filling.supplierId())
                        .param("o", organisation)
                        .query(Boolean.class)
                        .single()) {
            problems.put("supplierId", "finance.checklist.error.supplier");
        }
        if (filling.sector() == null) {
            problems.put("sector", "finance.checklist.error.sector");
            throw new ScreeningInvalid(problems);
        }
        Map<String, ProcurementChecklist.Answer> given = filling.answers() == null ? Map.of() : filling.answers();
        var answered = new ArrayList<FilledChecklist.Answered>();
        double score = 0;
        for (ProcurementChecklist.Question question : checklist.questions(filling.sector())) {
            ProcurementChecklist.Answer answer = given.get(question.code());
            if (answer == null) {
                problems.put("answer-" + question.code(), "finance.checklist.error.answer");
            } else {
                double raised = question.raised(answer);
                score += raised;
                answered.add(new FilledChecklist.Answered(question.code(), answer, raised));
            }
        }
        for (String code : given.keySet()) {
            if (checklist.questions(filling.sector()).stream()
                    .noneMatch(q -> q.code().equals(code))) {
                problems.put("answer-" + code, "finance.checklist.error.notAsked");
            }
        }
        if (!problems.isEmpty()) {
            throw new ScreeningInvalid(problems);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        var level = ProcurementChecklist.level(score);
        jdbc.sql("insert into prevention.procurement_checklist (id, organisation_id, tender_reference, supplier_id,"
                        + " sector, checklist_version, score, risk_level, filled_by, filled_at) values (:id, :o,"
                        + " :tender, :supplier, :sector, :version, :score, :level, :by, :at)")
                .param("id", id)
                .param("o", organisation)
                .param("tender", reference)
                .param("supplier", filling.supplierId())
                .param("sector", filling.sector().name())
                .param("version", checklist.version())
                .param("score", score)
                .param("level", level.name())
                .param("by", Actor.current().map(Actor::accountId).orElseThrow())
                .param("at", Timestamp.from(now))
                .update();
        for (FilledChecklist.Answered answer : answered) {
            jdbc.sql("insert into prevention.procurement_answer (checklist_id, question, answer) values (:id, :q, :a)")
                    .param("id", id)
                    .param("q", answer.question())
                    .param("a", answer.answer().name())
                    .update();
        }
        audit.record(AuditAction.CREATE, "procurement-checklist", id, level.name());
        return get(id);
    }

    /** A checklist of the office; 404 for none or another office's. */
    @Transactional(readOnly = true)
    @PreAuthorize(SupplierScreening.ACCESS)
    public FilledChecklist get(UUID id) {
        UUID organisation = organisation();
        var head = jdbc.sql("select c.tender_reference, c.supplier_id, s.name as supplier_name, c.sector,"
                        + " c.checklist_version, c.score, c.risk_level, c.filled_at from prevention.procurement_checklist"
                        + " c left join prevention.supplier s on s.id = c.supplier_id where c.id = :id and"
                        + " c.organisation_id = :o")
                .param("id", id)
                .param("o", organisation)
                .query((rs, n) -> new FilledChecklist(
                        id,
                        rs.getString("tender_reference"),
                        rs.getObject("supplier_id", UUID.class),
                        rs.getString("supplier_name"),
                        ProcurementChecklist.Sector.valueOf(rs.getString("sector")),
                        rs.getString("checklist_version"),
                        List.of(),
                        rs.getDouble("score"),
                        ProcurementChecklist.RiskLevel.valueOf(rs.getString("risk_level")),
                        rs.getTimestamp("filled_at").toInstant()))
                .optional()
                .orElseThrow(() -> new RecordNotFound("procurement checklist", id));
        var answers = jdbc.sql("select question, answer from prevention.procurement_answer where checklist_id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    var answer = ProcurementChecklist.Answer.valueOf(rs.getString("answer"));
                    double raised = checklist
                            .question(rs.getString("question"))
                            .map(question -> question.raised(answer))
                            .orElse(0.0);
                    return new FilledChecklist.Answered(rs.getString("question"), answer, raised);
                })
                .list();
        var ordered = new ArrayList<FilledChecklist.Answered>();
        for (ProcurementChecklist.Question question : checklist.questions(head.sector())) {
            answers.stream()
                    .filter(answer -> answer.question().equals(question.code()))
                    .forEach(ordered::add);
        }
        return new FilledChecklist(
                id,
                head.tenderReference(),
                head.supplierId(),
                head.supplierName(),
                head.sector(),
                head.version(),
                List.copyOf(ordered),
                head.score(),
                head.riskLevel(),
                head.filledAt());
    }

    /** The office's checklists, latest first (at most 200): id, tender, sector, level. */
    @Transactional(readOnly = true)
    @PreAuthorize(SupplierScreening.ACCESS)
    public List<FilledChecklist> mine() {
        return jdbc
                .sql("select id from prevention.procurement_checklist where organisation_id = :o order by filled_at"
                        + " desc limit 200")
                .param("o", organisation())
                .query(UUID.class)
                .list()
                .stream()
                .map(this::get)
                .toList();
    }

    private static UUID organisation() {
        return Actor.current().map(Actor::organisationId).orElseThrow();
    }
}
