package org.opennrm.screening;

import java.time.Clock;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.screening.events.ScreeningCompleted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screening: the module's facade. A referrer or case manager answers a sector checklist, the ILO/EC rule
 * suggests whether to refer the person as a presumed victim, and the screening is saved, with no identity,
 * for the screener's organisation; a referral can later name it by its {@link ScreeningId}. Saving is
 * audited as a creation and every read of a result as a read.
 */
@Service
public class Screenings {

    private static final String PERFORM = "hasAuthority('screening:perform:own')";
    private static final String RECORD_TYPE = "screening";

    private final Catalogues catalogues;
    private final ChecklistVersions checklists;
    private final StoredScreenings stored;
    private final ScreeningRule rule;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Screenings(
            Catalogues catalogues,
            ChecklistVersions checklists,
            StoredScreenings stored,
            RuleSettings settings,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.catalogues = catalogues;
        this.checklists = checklists;
        this.stored = stored;
        this.rule = settings.rule();
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Assesses the answers, saves the screening for the screener's organisation and announces it. Refuses
     * an unknown checklist or an answer to a question the checklist does not have, saving nothing.
     */
    @Transactional
    @PreAuthorize(PERFORM)
    public ScreeningSummary screen(ScreeningRequest request) {
        return screen(request, null, null).screening();
    }

    /**
     * Screens with the given version of the checklist (the one the screener answered, perhaps offline on a
     * phone; the version in force when none is given), once per key: a screening already saved in the
     * screener's organisation under the same key is returned as it is, not saved again.
     */
    @Transactional
    @PreAuthorize(PERFORM)
    public Screened screen(ScreeningRequest request, String checklistVersion, UUID key) {
        var actor = Actor.current().orElseThrow(() -> new AccessDeniedException("Screening needs a signed-in person"));
        if (key != null) {
            var earlier = stored.findByKey(actor.organisationId(), key);
            if (earlier.isPresent()) {
                return new Screened(earlier.get(), false);
            }
        }
        var checklist = checklistVersion == null || checklistVersion.isBlank()
                ? checklists.current(request.checklist()).orElseThrow(() -> new ChecklistUnknown(request.checklist()))
                : checklists
                        .version(request.checklist(), checklistVersion)
                        .orElseThrow(
                                () -> checklists.current(request.checklist()).isPresent()
                                        ? ChecklistUnknown.version(request.checklist(), checklistVersion)
                                        : new ChecklistUnknown(request.checklist()));
        for (String questionId : request.answers().keySet()) {
            if (checklist.question(questionId).isEmpty()) {
                throw AnswerInvalid.unknownQuestion(checklist.id(), questionId);
            }
        }
        var result = rule.assess(checklist, request.answers(), request.ageGroup(), request.forms(), catalogues);
        var screening = new ScreeningSummary(
                ScreeningId.random(),
                checklist.id(),
                checklist.version(),
                catalogues.operational().version(),
                rule.version(),
                rule.verification(),
                request.ageGroup(),
                request.forms(),
                request.answers(),
                result,
                actor.accountId(),
                actor.organisationId(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        stored.add(screening, key);
        audit.record(
                AuditAction.CREATE,
                RECORD_TYPE,
                screening.id(),
                "checklist=" + checklist.id() + " suggestion=" + result.suggestion());
        events.publishEvent(new ScreeningCompleted(
                screening.id(),
                checklist.id(),
                checklist.version(),
                result.suggestion(),
                request.ageGroup(),
                request.forms(),
                screening.catalogueVersion(),
                actor.organisationId(),
                YearMonth.from(screening.screenedAt().atZone(clock.getZone()))));
        return new Screened(screening, true);
    }

    /** A screening and whether this request saved it ({@code false}: it was saved before under the same key). */
    public record Screened(ScreeningSummary screening, boolean created) {}

    /**
     * The screening, if it exists and was made in the organisation of the person asking: a screening of
     * another organisation answers as if it did not exist. Each read is audited.
     */
    @Transactional
    @PreAuthorize(PERFORM)
    public Optional<ScreeningSummary> find(ScreeningId id) {
        var actor = Actor.current();
        if (actor.isEmpty()) {
            return Optional.empty();
        }
        var screening = stored.find(id)
                .filter(s -> s.organisationId().equals(actor.get().organisationId()));
        screening.ifPresent(s -> audit.record(AuditAction.READ, RECORD_TYPE, s.id()));
        return screening;
    }

    /** The sector checklists, in the order they are offered. */
    public List<Checklist> checklists() {
        return checklists.current();
    }

    /** The checklist as it is in force now. */
    public Optional<Checklist> checklist(String id) {
        return checklists.current(id);
    }

    /** One version of a checklist as it was, to read a screening made with it. */
    public Optional<Checklist> checklist(String id, String version) {
        return checklists.version(id, version);
    }

    /** The indicator catalogues with their versions, sources and verification. */
    public List<Catalogue> catalogues() {
        return catalogues.all();
    }

    public Optional<Catalogue> catalogue(String id) {
        return catalogues.find(id);
    }

    /** The version of the combination rule in force, recorded with every screening. */
    public String ruleVersion() {
        return rule.version();
    }

    public Verification ruleVerification() {
        return rule.verification();
    }

    /** Whose rule applies to a person of unknown age: CHILD (presumption of minority) unless configured. */
    public AgeGroup ageUnknownAs() {
        return rule.ageUnknownAs();
    }
}
