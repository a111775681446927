package org.opennrm.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.access.AccountManagement;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.access.Permission;
import org.opennrm.access.Role;
import org.opennrm.access.Scope;
import org.opennrm.cases.events.AnonymousNotificationReceived;
import org.opennrm.cases.queue.NrmQueue;
import org.opennrm.cases.queue.QueueEntry;
import org.opennrm.linkage.DuplicateCheck;
import org.opennrm.linkage.PersonEncoding;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.OrganisationStatus;
import org.opennrm.screening.ScreeningId;
import org.opennrm.screening.Screenings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases module's facade: opens a case for a referral, shows a case file to those who may read it (and logs
 * every read), records identification decisions and reviews, consent, the children's procedure and the
 * trafficking profile, and gives the NRM its queue of what is due.
 *
 * <p>Each method is one transaction: a refused request leaves nothing half-written. Rules of the NRM are
 * enforced by {@link Case}; who may do what is checked here.
 */
@Service
public class CaseManagement {

    public static final String RECORD_TYPE = "case";
    public static final int QUEUE_PAGE = 50;
    static final int ADULTHOOD = 18;

    private final CaseFiles cases;
    private final Persons persons;
    private final NrmQueue queue;
    private final AnonymousNotifications notifications;
    private final CodeLists codes;
    private final DeadlineClock deadlines;
    private final IdentificationSettings settings;
    private final OrganisationRegistry organisations;
    private final AccountManagement accounts;
    private final AuditTrail audit;
    private final Screenings screenings;
    private final DuplicateCheck duplicateCheck;
    private final PersonEncoding personEncoding;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseManagement(
            CaseFiles cases,
            Persons persons,
            NrmQueue queue,
            AnonymousNotifications notifications,
            CodeLists codes,
            DeadlineClock deadlines,
            IdentificationSettings settings,
            OrganisationRegistry organisations,
            AccountManagement accounts,
            AuditTrail audit,
            Screenings screenings,
            DuplicateCheck duplicateCheck,
            PersonEncoding personEncoding,
            ApplicationEventPublisher events,
            Clock clock) {
        this.cases = cases;
        this.persons = persons;
        this.queue = queue;
        this.notifications = notifications;
        this.codes = codes;
        this.deadlines = deadlines;
        this.settings = settings;
        this.organisations = organisations;
        this.accounts = accounts;
        this.audit = audit;
        this.screenings = screenings;
        this.duplicateCheck = duplicateCheck;
        this.personEncoding = personEncoding;
        this.events = events;
        this.clock = clock;
    }

    // --- opening

    /**
     * Opens a case for a referral by the current actor's organisation. The referrals module calls this after
     * checking that the organisation may refer.
     */
    @Transactional
    @PreAuthorize("hasAnyAuthority('referrals:create:organisation','cases:write:all')")
    public OpenedCase open(OpenCase request) {
        var actor = actor();
        if (request.screeningId() != null
                && screenings.find(ScreeningId.of(request.screeningId())).isEmpty()) {
            // a referral links only a screening its own organisation made
            throw new CaseRuleViolation(
                    "caseRule.screeningUnknown", "The screening does not exist or was not made by your organisation.");
        }
        return openFor(actor.organisationId(), actor.accountId(), request);
    }

    /**
     * Opens a case as if the given account of the given organisation had referred it, with no signed-in actor:
     * for installation seeds (demo data) and imports run by the operator, never for requests of users.
     */
    @Transactional
    public OpenedCase openFor(UUID referringOrganisationId, UUID referredBy, OpenCase request) {
        if (request.person() == null) {
            throw new CaseRuleViolation("caseRule.personMissing", "A referral records the person.");
        }
        var today = today();
        var now = now();
        var person = request.person();
        requireLength(person.givenName(), 200);
        requireLength(person.familyName(), 200);
        requireLength(person.otherNames(), 400);
        codes.requireOptional(CodeLists.GENDER, person.gender());
        codes.require(CodeLists.COUNTRY, person.citizenships());
        codes.require(CodeLists.LANGUAGE, person.languages());
        request.profile().validate(codes);
        for (var event : request.events()) {
            codes.requireOptional(CodeLists.EVENT_TYPE, event.type());
            codes.requireOptional(CodeLists.COUNTRY, event.country());
        }
        for (var consent : request.consents()) {
            if (consent.organisationId() != null
                    && organisations.find(consent.organisationId()).isEmpty()) {
                throw new RecordNotFound("organisation", consent.organisationId());
            }
        }
        var ageCategory = ageCategoryOf(request, today);
        if (request.guardianAccountId() != null) {
            requireGuardian(request.guardianAccountId());
        }
        var caseId = CaseId.random();
        var reference = cases.nextReference(today.getYear());
        var personId = persons.insert(person, now);
        var preliminaryDue = deadlines.addWorkingDays(today, settings.preliminaryWorkingDays());
        var opened = Case.open(
                caseId,
                reference,
                personId,
                request,
                ageCategory,
                referringOrganisationId,
                referredBy,
                today,
                now,
                preliminaryDue);
        cases.insert(opened);
        // is this person already known to the NRM? possible duplicates go to case managers; nothing is merged
        duplicateCheck.check(caseId.value(), reference, encodingOf(personEncoding, person));
        audit.record(AuditAction.CREATE, RECORD_TYPE, caseId, "stage=REFERRED");
        publish(opened);
        return new OpenedCase(caseId, reference);
    }

    /** What of a person's identity the duplicate check compares: names, date of birth, sex, first citizenship. */
    static PersonEncoding.Encoded encodingOf(PersonEncoding personEncoding, PersonIdentity person) {
        return personEncoding.encodeWithFields(
                person.givenName(),
                person.familyName(),
                person.dateOfBirth(),
                person.gender(),
                person.citizenships().stream().findFirst().orElse(null));
    }

    private AgeCategory ageCategoryOf(OpenCase request, LocalDate today) {
        var person = request.person();
        if (person.dateOfBirth() != null && person.dateOfBirth().isAfter(today)) {
            throw new CaseRuleViolation("caseRule.birthInFuture", "A date of birth cannot be in the future.");
        }
        if (person.ageEstimate() != null && (person.ageEstimate() < 0 || person.ageEstimate() > 120)) {
            throw new CaseRuleViolation("caseRule.ageEstimate", "An estimated age is between 0 and 120 years.");
        }
        if (request.ageInDoubt()) {
            return AgeCategory.AGE_IN_DOUBT;
        }
        Integer age = person.ageOn(today);
        if (age == null) {
            throw new CaseRuleViolation(
                    "caseRule.ageMissing",
                    "Give the date of birth or an estimated age, or state that the age is in doubt.");
        }
        return age < ADULTHOOD ? AgeCategory.CHILD : AgeCategory.ADULT;
    }

    private static void requireLength(String text, int maximum) {
        if (text != null && text.length() > maximum) {
            throw new CaseRuleViolation(
                    "caseRule.textTooLong", "A text is longer than allowed (at most " + maximum + " characters).");
        }
    }

    private void requireGuardian(UUID accountId) {
        var account = accounts.find(accountId)
                .filter(found -> found.enabled() && found.roles().contains(Role.GUARDIAN))
                .orElseThrow(() -> new CaseRuleViolation(
                        "caseRule.notAGuardian", "The guardian must be an active account with the guardian role."));
        if (account.organisationId() == null) {
            throw new CaseRuleViolation(
                    "caseRule.notAGuardian", "The guardian must be an active account with the guardian role.");
        }
    }

    /**
     * The context a screening of the current actor's organisation gives a referral, if it exists. Screening's
     * forms map onto HTCDS {@code vic_TypeOfExploitation}; forced criminality and online scam compounds, which
     * HTCDS has no code for, keep codes of their own from the national extension ({@link CodeLists}).
     */
    @Transactional
    @PreAuthorize("hasAuthority('referrals:create:organisation')")
    public Optional<ScreeningContext> screeningContext(UUID screeningId) {
        return screenings
                .find(ScreeningId.of(screeningId))
                .map(screening -> new ScreeningContext(
                        screening.forms().stream()
                                .map(form -> switch (form) {
                                    case LABOUR_EXPLOITATION -> "ForcedLabour";
                                    case SEXUAL_EXPLOITATION -> "SexualExploitation";
                                    case DOMESTIC_SERVITUDE -> "Servitude";
                                    case FORCED_BEGGING -> "ForcedBegging";
                                    case FORCED_MARRIAGE -> "ForcedMarriage";
                                    case ORGAN_REMOVAL -> "OrganRemoval";
                                    case FORCED_CRIMINALITY -> "ForcedCriminality";
                                    case ONLINE_SCAM_COMPOUND -> "OnlineScamCompound";
                                    case OTHER -> "Other";
                                })
                                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)),
                        screening.ageGroup() == org.opennrm.screening.AgeGroup.UNKNOWN));
    }

    /** Guardians who can be appointed for a child: enabled accounts with the guardian role. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyAuthority('referrals:create:organisation','cases:read:all','cases:read:own')")
    public List<GuardianChoice> guardians() {
        return accounts.enabledWithRole(Role.GUARDIAN).entrySet().stream()
                .map(account -> new GuardianChoice(account.getKey(), account.getValue()))
                .sorted(Comparator.comparing(GuardianChoice::displayName))
                .toList();
    }

    // --- reading

    /**
     * The case file with the person's identity, for the NRM's case managers and identification officers (and a
     * child's guardian for that child). Every read is logged. Anyone else is told the case does not exist.
     *
     * <p>No transaction: the case, its rows, its person and the audit entry are one statement ({@link
     * AuditTrail#readRecorded}), committed before the file is returned; a file whose read could not be logged is
     * never shown. Two statements, or a transaction around them, added a round trip to every case view.
     */
    public CaseFile read(CaseId id) {
        // no method security here: whoever may not read a case is told it does not exist (404), not forbidden
        requireMayRead(id);
        return cases.readWithPerson(id).orElseThrow(() -> new RecordNotFound(RECORD_TYPE, id));
    }

    /**
     * The languages recorded for the person of a case (ISO 639-2, the first language first), so that what the person
     * reads or answers can be offered in their language. A read of the case, logged like {@link #read}; none after
     * the person's data was erased.
     */
    public java.util.List<String> languagesOf(CaseId id) {
        var person = read(id).person();
        return person == null ? java.util.List.of() : java.util.List.copyOf(person.languages());
    }

    /** The queue of what is due, soonest first, one page at a time. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('cases:read:all')")
    public List<QueueEntry> queue(int page) {
        // a page beyond the last is read as that one, so that its offset never overflows into a negative number
        return queue.due(
                today(),
                Math.min(Math.max(page, 0), org.opennrm.cases.search.CaseQuery.LAST_PAGE) * QUEUE_PAGE,
                QUEUE_PAGE + 1);
    }

    /** Reminders: decisions overdue or due within the reminder window in working days. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('cases:read:all')")
    public List<QueueEntry> reminders() {
        var today = today();
        return queue.dueBy(today, deadlines.addWorkingDays(today, settings.reminderWorkingDays()), 100);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('cases:read:all')")
    public Optional<CaseId> findByReference(String reference) {
        return reference == null
                ? Optional.empty()
                : queue.byReference(reference.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * The progress of the cases an organisation referred, by case id: status, stage and the decision that
     * stands; nothing about the person. A referrer sees its own organisation's only.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyAuthority('referrals:read:organisation','referrals:read:all')")
    public Map<CaseId, CaseProgress> progressOfCasesReferredBy(UUID organisationId) {
        var actor = actor();
        if (!actor.can(Permission.REFERRALS_READ, Scope.ALL) && !organisationId.equals(actor.organisationId())) {
            throw new RecordNotFound("organisation", organisationId);
        }
        var progress = new LinkedHashMap<CaseId, CaseProgress>();
        cases.progressOfCasesReferredBy(organisationId).forEach(entry -> progress.put(entry.caseId(), entry));
        return progress;
    }

    /** Whether case data may be shared with an organisation now: only while its consent for sharing is in force. */
    @Transactional(readOnly = true)
    public boolean sharingAllowed(CaseId id, UUID organisationId) {
        return load(id).sharingAllowedWith(organisationId);
    }

    public CodeLists codeLists() {
        return codes;
    }

    public IdentificationSettings settings() {
        return settings;
    }

    // --- decisions

    @Transactional
    @PreAuthorize("hasAuthority('decisions:take:all')")
    public Decision decidePreliminary(CaseId id, Integer expectedVersion, DecisionRequest request) {
        var actor = actor();
        requireIdentificationAuthority(actor.organisationId());
        var changed = loadAt(id, expectedVersion);
        var decision = changed.decidePreliminary(
                request.outcome(),
                request.decidedOn(),
                actor.accountId(),
                actor.organisationId(),
                request.reasons(),
                request.evidence(),
                today(),
                now(),
                settings.recoveryPeriodDays());
        save(changed, AuditAction.UPDATE, "decision=PRELIMINARY " + decision.outcome());
        return decision;
    }

    @Transactional
    @PreAuthorize("hasAuthority('decisions:take:all')")
    public Decision decideFormal(CaseId id, Integer expectedVersion, DecisionRequest request) {
        var actor = actor();
        requireIdentificationAuthority(actor.organisationId());
        var changed = loadAt(id, expectedVersion);
        var decision = changed.decideFormal(
                request.outcome(),
                request.decidedOn(),
                actor.accountId(),
                actor.organisationId(),
                request.reasons(),
                request.evidence(),
                today(),
                now(),
                settings.minimumDaysBeforeFormal());
        save(changed, AuditAction.UPDATE, "decision=FORMAL " + decision.outcome());
        return decision;
    }

    /** A multi-agency panel's review of a negative decision, recorded by an identification officer. */
    @Transactional
    @PreAuthorize("hasAuthority('decisions:take:all')")
    public Review review(CaseId id, UUID decisionId, Integer expectedVersion, ReviewRequest request) {
        var actor = actor();
        requireIdentificationAuthority(actor.organisationId());
        var changed = loadAt(id, expectedVersion);
        if (request.outcome() == null) {
            throw new CaseRuleViolation(
                    "caseRule.reviewOutcome", "Choose whether the decision is upheld or reconsidered.");
        }
        var review = changed.review(
                decisionId,
                request.outcome(),
                request.reviewedOn(),
                actor.organisationId(),
                request.reasons(),
                actor.accountId(),
                today(),
                now(),
                settings.recoveryPeriodDays(),
                settings.reviewSeparation());
        save(changed, AuditAction.UPDATE, "review=" + request.outcome());
        return review;
    }

    private void requireIdentificationAuthority(UUID organisationId) {
        var organisation = organisations.find(organisationId).orElse(null);
        if (organisation == null
                || organisation.status() != OrganisationStatus.ACTIVE
                || !organisation.nrmRoles().contains(NrmRole.IDENTIFICATION_AUTHORITY)) {
            throw new CaseRuleViolation(
                    "caseRule.notIdentificationAuthority",
                    "Identification decisions are taken by an active organisation with the identification"
                            + " authority role.");
        }
    }

    // --- consent

    @Transactional
    @PreAuthorize("hasAnyAuthority('cases:write:all','child:represent:own')")
    public void giveConsent(CaseId id, Integer expectedVersion, ConsentStatement statement) {
        var changed = loadAt(id, expectedVersion);
        requireWriterOrGuardian(changed);
        if (statement.organisationId() != null
                && organisations.find(statement.organisationId()).isEmpty()) {
            throw new RecordNotFound("organisation", statement.organisationId());
        }
        changed.giveConsent(statement, actor().accountId(), now());
        save(
                changed,
                AuditAction.UPDATE,
                "consent=" + statement.purpose() + (statement.given() ? " given" : " declined"));
    }

    /**
     * Withdraws consent for a purpose (for sharing: with one organisation, or with all when none is named).
     * Sharing stops at once; the withdrawal is logged.
     */
    @Transactional
    @PreAuthorize("hasAnyAuthority('cases:write:all','child:represent:own')")
    public void withdrawConsent(CaseId id, Integer expectedVersion, ConsentPurpose purpose, UUID organisationId) {
        var changed = loadAt(id, expectedVersion);
        requireWriterOrGuardian(changed);
        changed.withdrawConsent(purpose, organisationId, actor().accountId(), now());
        save(changed, AuditAction.UPDATE, "consent=" + purpose + " withdrawn");
    }

    /**
     * Withdraws one consent in force, named by its id (the case page's button): as {@link
     * #withdrawConsent(CaseId, Integer, ConsentPurpose, UUID)} for its purpose and organisation.
     */
    @Transactional
    @PreAuthorize("hasAnyAuthority('cases:write:all','child:represent:own')")
    public void withdrawConsent(CaseId id, Integer expectedVersion, UUID consentId) {
        var changed = loadAt(id, expectedVersion);
        requireWriterOrGuardian(changed);
        var withdrawn = changed.withdrawConsent(consentId, actor().accountId(), now());
        save(changed, AuditAction.UPDATE, "consent=" + withdrawn.getFirst().purpose() + " withdrawn");
    }

    // --- children

    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public void appointGuardian(CaseId id, Integer expectedVersion, UUID guardianAccountId) {
        var changed = loadAt(id, expectedVersion);
        if (guardianAccountId != null) {
            requireGuardian(guardianAccountId);
        }
        changed.appointGuardian(guardianAccountId, actor().accountId(), now());
        save(changed, AuditAction.UPDATE, "guardian appointed");
    }

    @Transactional
    @PreAuthorize("hasAnyAuthority('cases:write:all','child:represent:own')")
    public void recordBestInterests(CaseId id, Integer expectedVersion, LocalDate assessedOn, String summary) {
        var changed = loadAt(id, expectedVersion);
        requireWriterOrGuardian(changed);
        changed.recordBestInterests(assessedOn, summary, actor().accountId(), today(), now());
        save(changed, AuditAction.UPDATE, "best interests assessed");
    }

    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public void recordAgeAssessment(CaseId id, Integer expectedVersion, AgeCategory outcome, LocalDate assessedOn) {
        var changed = loadAt(id, expectedVersion);
        changed.recordAgeAssessment(outcome, assessedOn, actor().accountId(), today(), now());
        save(changed, AuditAction.UPDATE, "age assessed=" + outcome);
    }

    // --- profile, assistance, closure

    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public void changeProfile(CaseId id, Integer expectedVersion, TraffickingProfile profile) {
        var changed = loadAt(id, expectedVersion);
        var checked = profile == null ? TraffickingProfile.empty() : profile;
        checked.validate(codes);
        changed.changeProfile(checked, now());
        save(changed, AuditAction.UPDATE, "profile changed");
    }

    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public void addEvent(CaseId id, Integer expectedVersion, EventEntry entry) {
        var changed = loadAt(id, expectedVersion);
        codes.requireOptional(CodeLists.EVENT_TYPE, entry.type());
        codes.requireOptional(CodeLists.COUNTRY, entry.country());
        changed.addEvent(entry, actor().accountId(), today(), now());
        save(changed, AuditAction.UPDATE, "event added=" + entry.type());
    }

    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public void startAssistance(CaseId id, Integer expectedVersion) {
        var changed = loadAt(id, expectedVersion);
        changed.startAssistance(now());
        save(changed, AuditAction.UPDATE, "stage=IN_ASSISTANCE");
    }

    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public void close(CaseId id, Integer expectedVersion, ClosureReason reason) {
        var changed = loadAt(id, expectedVersion);
        changed.close(reason, now());
        save(changed, AuditAction.UPDATE, "closed=" + reason);
    }

    /** Reopens a closed case with a reason; the reopening is kept with the case. */
    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public void reopen(CaseId id, Integer expectedVersion, String reason) {
        var changed = loadAt(id, expectedVersion);
        var reopening = changed.reopen(reason, actor().accountId(), now());
        save(changed, AuditAction.UPDATE, "reopened");
        cases.recordReopening(changed.id(), reopening);
    }

    /**
     * The case as shared with a service provider: only the fields of the given scopes. The referrals module calls
     * this after checking that the reader's organisation holds a referral in force and consent (or an override);
     * the read is logged like any other.
     */
    @Transactional
    @PreAuthorize("hasAnyAuthority('cases:read:organisation','cases:read:all')")
    public SharedCase readShared(CaseId id, java.util.Set<SharingScope> scopes) {
        var found = load(id);
        var shown = scopes.isEmpty() ? java.util.EnumSet.noneOf(SharingScope.class) : java.util.EnumSet.copyOf(scopes);
        boolean identity = shown.contains(SharingScope.IDENTITY_BASIC);
        boolean profile = shown.contains(SharingScope.PROFILE);
        PersonIdentity person = identity || profile
                ? persons.find(found.personId()).orElseThrow(() -> new RecordNotFound(RECORD_TYPE, id))
                : null;
        audit.record(AuditAction.READ, RECORD_TYPE, id, "shared=" + shown);
        return new SharedCase(
                id,
                found.reference(),
                found.status(),
                java.util.Collections.unmodifiableSet(shown),
                identity ? person.givenName() : null,
                identity ? person.familyName() : null,
                identity ? person.languages() : java.util.Set.of(),
                profile ? person.gender() : null,
                profile ? found.ageCategory() : null,
                profile ? found.profile().exploitationForms() : java.util.Set.of());
    }

    /**
     * The reference, status and stage of a case, for modules that show them next to their own records (the
     * assistance plan, service referrals). Reads those three columns only: the whole case, with its encrypted
     * fields decrypted, used to be loaded for them.
     */
    public Optional<CaseSummaryLine> summary(CaseId id) {
        return cases.summaryOf(id);
    }

    /**
     * The reference of a case its reader may read (a case's form shown as a page of its own names the case).
     * Reads that one column and no personal data, so it logs no read; anyone else is told the case does not
     * exist.
     */
    public String referenceOf(CaseId id) {
        requireMayRead(id);
        return cases.summaryOf(id)
                .map(CaseSummaryLine::reference)
                .orElseThrow(() -> new RecordNotFound(RECORD_TYPE, id));
    }

    // --- anonymous notifications

    /**
     * Counts an adult who declined referral: codes only, no identity, linked to no case. A child is never
     * notified anonymously: a child is referred, without a consent gate.
     */
    @Transactional
    @PreAuthorize("hasAuthority('referrals:create:organisation')")
    public UUID notifyAnonymously(AnonymousNotification notification) {
        if (notification.ageGroup() == null) {
            throw new CaseRuleViolation("caseRule.ageGroupMissing", "Choose the person's age group.");
        }
        if (notification.ageGroup().child()) {
            throw new CaseRuleViolation(
                    "caseRule.childNotAnonymous",
                    "A child is not notified anonymously: refer the child, no consent is needed.");
        }
        codes.requireOptional(CodeLists.GENDER, notification.gender());
        codes.requireOptional(CodeLists.COUNTRY, notification.nationality());
        codes.require(CodeLists.EXPLOITATION_FORM, notification.exploitationForms());
        if (notification.region() != null && notification.region().length() > 100) {
            throw new CaseRuleViolation("caseRule.regionLength", "A region has at most 100 characters.");
        }
        var actor = actor();
        var id = UUID.randomUUID();
        var today = today();
        notifications.insert(id, notification, actor.organisationId(), today, now());
        audit.record(AuditAction.CREATE, "anonymous-notification", id);
        events.publishEvent(new AnonymousNotificationReceived(
                id,
                YearMonth.from(today),
                notification.gender(),
                notification.ageGroup(),
                notification.nationality(),
                notification.exploitationForms(),
                organisations.servedRegion(notification.region()).orElse(null)));
        return id;
    }

    // --- helpers

    /**
     * Refuses, before anything of the case is loaded and decrypted, a reader who may not read it: NRM staff read
     * every case, a guardian only a child they are the guardian of (the one appointed last, as {@link
     * Case#guardian()}). Checked before loading so that nobody else's request decrypts a person's identity even for
     * a moment.
     */
    private void requireMayRead(CaseId id) {
        var actor = actor();
        if (actor.can(Permission.CASES_READ, Scope.ALL)) {
            return;
        }
        if (actor.can(Permission.CASES_READ, Scope.OWN)
                && cases.currentGuardian(id).filter(actor.accountId()::equals).isPresent()) {
            return;
        }
        throw new RecordNotFound(RECORD_TYPE, id);
    }

    private Case load(CaseId id) {
        return cases.find(id).orElseThrow(() -> new RecordNotFound(RECORD_TYPE, id));
    }

    /** Loads a case for a change, refusing when someone changed it since the version the person saw. */
    private Case loadAt(CaseId id, Integer expectedVersion) {
        requireMayRead(id);
        var found = load(id);
        if (expectedVersion != null && expectedVersion != found.version()) {
            throw new org.springframework.dao.OptimisticLockingFailureException(
                    "Case " + id + " changed since it was read");
        }
        return found;
    }

    private void save(Case changed, AuditAction action, String detail) {
        cases.update(changed);
        audit.record(action, RECORD_TYPE, changed.id(), detail);
        publish(changed);
    }

    private void publish(Case changed) {
        changed.domainEvents().forEach(events::publishEvent);
        changed.clearDomainEvents();
    }

    private void requireWriterOrGuardian(Case found) {
        var actor = actor();
        if (actor.can(Permission.CASES_WRITE, Scope.ALL)) {
            return;
        }
        if (actor.can(Permission.CHILD_REPRESENT, Scope.OWN) && isGuardianOf(found, actor)) {
            return;
        }
        throw new RecordNotFound(RECORD_TYPE, found.id());
    }

    private static boolean isGuardianOf(Case found, Actor actor) {
        return found.guardian()
                .map(appointment -> appointment.guardianAccountId().equals(actor.accountId()))
                .orElse(false);
    }

    private static Actor actor() {
        return Actor.current()
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Not signed in"));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
