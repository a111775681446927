package org.opennrm.referrals;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.access.IdentityProtection;
import org.opennrm.cases.AgeCategory;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.ConsentPurpose;
import org.opennrm.cases.ConsentStatement;
import org.opennrm.cases.OpenCase;
import org.opennrm.cases.OpenedCase;
import org.opennrm.cases.PersonIdentity;
import org.opennrm.cases.TraffickingProfile;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Referrals of cases to the NRMs of other countries. Outgoing: a package of the minimum data, signed with this
 * installation's Ed25519 key, only while the person's consent to share with the receiving country's NRM (a partner
 * organisation, {@code opennrm.cross-border.nrm-organisations.<COUNTRY>}) is in force: the same rule as every other
 * share ({@link CaseManagement#sharingAllowed}). Incoming: a package is accepted for review only when it is signed by
 * the trusted key of its sending country, unchanged, addressed to this country and not received before; anything
 * else is refused with the check that failed and kept nowhere. After review it is imported (a referral and a case
 * are opened here with the consents the package states, the sender's reference kept) or rejected with a reason;
 * either way a signed notice to the sender is recorded.
 */
@Service
public class CrossBorderReferrals {

    static final String RECORD_TYPE = "cross-border-package";
    static final String NOTICE_REASON_CONTEXT = "referrals.cross_border_notice.reason:";
    static final String NOTICE_FORMAT = "opennrm-referral-notice/1";
    static final String SENT_RECORD_TYPE = "cross-border-sent";
    static final String SENT_REASON_CONTEXT = "referrals.cross_border_sent.reason:";
    static final int REASON_LIMIT = 1000;

    /* the purposes a receiving NRM acts on; sharing consent names organisations of the sending country */
    private static final Set<ConsentPurpose> CONSENTS_THAT_TRAVEL =
            Set.of(ConsentPurpose.ASSISTANCE, ConsentPurpose.STATISTICS, ConsentPurpose.POLICE_CONTACT);

    private final CaseManagement cases;
    private final CrossBorderKeys keys;
    private final OrganisationRegistry organisations;
    private final SentReferrals referrals;
    private final IdentityProtection protection;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final Clock clock;
    private final PackageSignatures signatures;

    CrossBorderReferrals(
            CaseManagement cases,
            CrossBorderKeys keys,
            OrganisationRegistry organisations,
            SentReferrals referrals,
            IdentityProtection protection,
            JdbcClient jdbc,
            JsonMapper json,
            AuditTrail audit,
            Clock clock) {
        this.cases = cases;
        this.keys = keys;
        this.organisations = organisations;
        this.referrals = referrals;
        this.protection = protection;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.signatures = new PackageSignatures(keys);
    }

    /** The signed package of a case for the NRM of another country, as JSON. */
    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public String export(CaseId caseId, String receiverCountry, String purpose) {
        if (receiverCountry == null || !receiverCountry.strip().matches("[A-Za-z]{3}")) {
            throw new ServiceReferralRefused(
                    "crossBorder.receiverCountry.invalid", "Give the receiving country as a three-letter ISO code.");
        }
        if (purpose == null || purpose.isBlank() || purpose.length() > 2000) {
            throw new ServiceReferralRefused("serviceReferral.purposeMissing", "A referral states its purpose.");
        }
        String country = receiverCountry.strip().toUpperCase(Locale.ROOT);
        var receiver = keys.nrmOrganisation(country)
                .flatMap(organisations::findByName)
                .orElseThrow(() -> new ServiceReferralRefused(
                        "crossBorder.receiverNotRegistered",
                        "The NRM of this country is not registered as a partner organisation: consent to share"
                                + " names it, so nothing can be sent there yet."));
        // one rule for every share: consent in force naming the receiver (for a child, given by the guardian)
        if (!cases.sharingAllowed(caseId, receiver.id())) {
            throw new ServiceReferralRefused(
                    "crossBorder.consentMissing",
                    "The person has not consented to sharing their case with the NRM of the receiving country.");
        }
        var file = cases.read(caseId);
        var details = file.details();
        var person = file.person();
        var today = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        var consents = new TreeSet<String>();
        details.consents().stream()
                .filter(consent -> consent.inForce() && CONSENTS_THAT_TRAVEL.contains(consent.purpose()))
                .forEach(consent -> consents.add(consent.purpose().name()));
        var unsigned = new CrossBorderPackage(
                CrossBorderPackage.FORMAT,
                UUID.randomUUID().toString(),
                keys.country(),
                country,
                details.reference(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS),
                purpose.strip(),
                person.gender(),
                details.ageCategory().name(),
                List.copyOf(new TreeSet<>(person.citizenships())),
                List.copyOf(person.languages()),
                List.copyOf(new TreeSet<>(details.profile().exploitationForms())),
                details.ageCategory() == AgeCategory.AGE_IN_DOUBT ? null : person.ageOn(today),
                List.copyOf(consents),
                null);
        audit.record(AuditAction.EXPORT, "case", caseId, "cross-border to " + unsigned.receiverCountry());
        // kept so that the receiver's notice can be matched to it and its answer shown here
        jdbc.sql("""
                        insert into referrals.cross_border_sent
                            (package_id, case_id, case_reference, receiver_country, sent_at, sent_by)
                        values (:packageId, :caseId, :reference, :country, :at, :by)""")
                .param("packageId", UUID.fromString(unsigned.packageId()))
                .param("caseId", caseId.value())
                .param("reference", details.reference())
                .param("country", country)
                .param("at", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .param("by", actor().accountId())
                .update();
        return signatures.sign(unsigned);
    }

    /** Verifies a package and keeps it for review; refuses what is not signed by a trusted sender, or was changed. */
    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public ReceivedPackage receive(String packageJson) {
        var received = signatures.verify(packageJson);
        if (!keys.country().equalsIgnoreCase(received.receiverCountry())) {
            throw new ServiceReferralRefused(
                    "crossBorder.wrongAddressee",
                    "The package is addressed to another country's NRM (" + received.receiverCountry() + ").");
        }
        UUID packageId;
        try {
            packageId = UUID.fromString(received.packageId());
        } catch (IllegalArgumentException notAnId) {
            throw new ServiceReferralRefused("crossBorder.unreadable", "This is not a cross-border package.");
        }
        var id = UUID.randomUUID();
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int inserted = jdbc.sql("""
                        insert into referrals.cross_border_package (id, package_id, sender_country, sender_reference,
                            contents, status, received_at)
                        values (:id, :packageId, :country, :reference, :contents, :status, :at)
                        on conflict (sender_country, package_id) do nothing""")
                .param("id", id)
                .param("packageId", packageId)
                .param("country", received.senderCountry())
                .param("reference", received.senderReference())
                .param("contents", json.writeValueAsString(received))
                .param("status", ReceivedPackage.PENDING)
                .param("at", Timestamp.from(now))
                .update();
        if (inserted == 0) {
            throw new ServiceReferralRefused(
                    "crossBorder.repeated", "This package was received before: it is not taken twice.");
        }
        audit.record(AuditAction.CREATE, RECORD_TYPE, id, "from " + received.senderCountry());
        return new ReceivedPackage(id, received, ReceivedPackage.PENDING, now);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('cases:read:all')")
    public List<ReceivedPackage> received() {
        return jdbc.sql("""
                        select p.*, r.case_reference from referrals.cross_border_package p
                        left join referrals.referral r on r.case_id = p.case_id
                        order by p.received_at desc limit 200""")
                .query((rs, n) -> new ReceivedPackage(
                        rs.getObject("id", UUID.class),
                        json.readValue(rs.getString("contents"), CrossBorderPackage.class),
                        rs.getString("status"),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getObject("case_id", UUID.class),
                        rs.getString("case_reference")))
                .list();
    }

    /**
     * Imports a package awaiting review: opens a referral and a case at this NRM for the current actor's organisation,
     * with the person's data the package carries (encrypted like any identity), the consents it states and its
     * purpose, under the sender's reference. A child's case needs the guardian appointed here. Anything the case rules
     * refuse (no consent to assistance for an adult, an unknown code, no guardian) leaves the package pending and
     * nothing written.
     */
    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public OpenedCase importAsReferral(UUID id, UUID guardianAccountId) {
        var pending = pending(id);
        var contents = pending.contents();
        var actor = actor();
        var opened = cases.openFor(actor.organisationId(), actor.accountId(), openCase(contents, guardianAccountId));
        referrals.insert(new Referral(
                UUID.randomUUID(),
                opened.caseId(),
                opened.reference(),
                actor.organisationId(),
                actor.accountId(),
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                null));
        reviewed(id, ReceivedPackage.IMPORTED, opened.caseId().value(), actor);
        recordNotice(id, ReceivedPackage.IMPORTED, null);
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id, "imported case=" + opened.caseId());
        return opened;
    }

    /** Rejects a package awaiting review, for a reason that the notice to the sender carries. */
    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public void reject(UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ServiceReferralRefused("crossBorder.reasonMissing", "Give the reason for rejecting the package.");
        }
        if (reason.length() > REASON_LIMIT) {
            throw new ServiceReferralRefused(
                    "crossBorder.reasonTooLong", "The reason is longer than allowed (at most 1000 characters).");
        }
        pending(id);
        reviewed(id, ReceivedPackage.REJECTED, null, actor());
        recordNotice(id, ReceivedPackage.REJECTED, reason.strip());
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id, "rejected");
    }

    /**
     * The notice to the sender of a reviewed package, signed with this installation's key and addressed to the
     * sending NRM: the sender's package id and reference, the outcome and, for a rejection, the reason.
     */
    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public String notice(UUID id) {
        var notice = jdbc.sql("""
                        select n.id, n.outcome, n.reason, n.created_at, p.package_id, p.sender_country,
                            p.sender_reference
                        from referrals.cross_border_notice n
                        join referrals.cross_border_package p on p.id = n.package_id
                        where n.package_id = :id""")
                .param("id", id)
                .query((rs, n) -> {
                    var tree = json.createObjectNode();
                    UUID noticeId = rs.getObject("id", UUID.class);
                    String reason = rs.getString("reason");
                    tree.put("format", NOTICE_FORMAT);
                    tree.put("noticeId", noticeId.toString());
                    tree.put("senderCountry", keys.country());
                    tree.put("receiverCountry", rs.getString("sender_country"));
                    tree.put("packageId", String.valueOf(rs.getObject("package_id", UUID.class)));
                    tree.put("packageReference", rs.getString("sender_reference"));
                    tree.put("outcome", rs.getString("outcome"));
                    tree.put(
                            "reason",
                            reason == null ? null : protection.decrypt(reason, NOTICE_REASON_CONTEXT + noticeId));
                    tree.put(
                            "createdAt",
                            rs.getTimestamp("created_at")
                                    .toInstant()
                                    .truncatedTo(ChronoUnit.SECONDS)
                                    .toString());
                    return tree;
                })
                .optional()
                .orElseThrow(() -> new RecordNotFound(RECORD_TYPE, id));
        audit.record(
                AuditAction.EXPORT,
                RECORD_TYPE,
                id,
                "notice to " + notice.path("receiverCountry").asString());
        return signatures.sign(notice);
    }

    /**
     * Reads the signed notice by which another country's NRM answers a package this NRM sent: checked like a package
     * (trusted key, unchanged, addressed here), matched to the package it answers (sent to that country), and recorded
     * once. Refused by name otherwise: a notice is never recorded twice, nor against a package it does not answer.
     */
    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public SentPackage readNotice(String noticeJson) {
        var notice = signatures.verifyNotice(noticeJson, NOTICE_FORMAT);
        String from = notice.path("senderCountry").asString();
        if (!keys.country().equalsIgnoreCase(notice.path("receiverCountry").asString(""))) {
            throw new ServiceReferralRefused(
                    "crossBorder.notice.wrongAddressee",
                    "The notice is addressed to another country's NRM: it is refused.");
        }
        UUID packageId;
        UUID noticeId;
        try {
            packageId = UUID.fromString(notice.path("packageId").asString(""));
            noticeId = UUID.fromString(notice.path("noticeId").asString(""));
        } catch (IllegalArgumentException notAnId) {
            throw new ServiceReferralRefused("crossBorder.notice.unreadable", "This is not a notice from another NRM.");
        }
        String outcome = notice.path("outcome").asString("");
        if (!ReceivedPackage.IMPORTED.equals(outcome) && !ReceivedPackage.REJECTED.equals(outcome)) {
            throw new ServiceReferralRefused("crossBorder.notice.unreadable", "This is not a notice from another NRM.");
        }
        String reason = notice.path("reason").isString() ? notice.path("reason").asString() : null;
        if (reason != null && reason.length() > REASON_LIMIT) {
            throw new ServiceReferralRefused("crossBorder.notice.unreadable", "This is not a notice from another NRM.");
        }
        boolean ours = jdbc.sql("""
                        select count(*) from referrals.cross_border_sent
                        where package_id = :packageId and receiver_country = :from""")
                        .param("packageId", packageId)
                        .param("from", from.toUpperCase(Locale.ROOT))
                        .query(Long.class)
                        .single()
                > 0;
        if (!ours) {
            throw new ServiceReferralRefused(
                    "crossBorder.notice.unknownPackage",
                    "The notice answers no package this NRM sent to that country.");
        }
        int recorded = jdbc.sql("""
                        update referrals.cross_border_sent
                        set notice_id = :noticeId, outcome = :outcome, reason = :reason, answered_at = :at
                        where package_id = :packageId and notice_id is null""")
                .param("noticeId", noticeId)
                .param("outcome", outcome)
                .param("reason", reason == null ? null : protection.encrypt(reason, SENT_REASON_CONTEXT + packageId))
                .param("at", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .param("packageId", packageId)
                .update();
        if (recorded == 0) {
            throw new ServiceReferralRefused(
                    "crossBorder.notice.repeated",
                    "The answer to this package was read before: it is not taken twice.");
        }
        audit.record(AuditAction.UPDATE, SENT_RECORD_TYPE, packageId, "notice " + outcome + " from " + from);
        return sent().stream()
                .filter(sent -> sent.packageId().equals(packageId))
                .findFirst()
                .orElseThrow();
    }

    /** The packages this NRM sent, latest first (the last 200), with the answer of each where a notice was read. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('cases:read:all')")
    public List<SentPackage> sent() {
        return jdbc.sql("""
                        select s.* from referrals.cross_border_sent s
                        order by s.sent_at desc limit 200""")
                .query((rs, n) -> {
                    UUID packageId = rs.getObject("package_id", UUID.class);
                    String reason = rs.getString("reason");
                    var answered = rs.getTimestamp("answered_at");
                    return new SentPackage(
                            packageId,
                            rs.getObject("case_id", UUID.class),
                            rs.getString("case_reference"),
                            rs.getString("receiver_country"),
                            rs.getTimestamp("sent_at").toInstant(),
                            rs.getString("outcome"),
                            reason == null ? null : protection.decrypt(reason, SENT_REASON_CONTEXT + packageId),
                            answered == null ? null : answered.toInstant());
                })
                .list();
    }

    public String country() {
        return keys.country();
    }

    /** This installation's signing key's fingerprint, for the NRMs of other countries to compare by phone. */
    public String fingerprint() {
        return keys.fingerprint();
    }

    /** The guardians who may be appointed when a child's package is imported. */
    public List<org.opennrm.cases.GuardianChoice> guardians() {
        return cases.guardians();
    }

    private ReceivedPackage pending(UUID id) {
        return jdbc.sql("""
                        select id, contents, status, received_at from referrals.cross_border_package
                        where id = :id and status = 'PENDING' for update""")
                .param("id", id)
                .query((rs, n) -> new ReceivedPackage(
                        rs.getObject("id", UUID.class),
                        json.readValue(rs.getString("contents"), CrossBorderPackage.class),
                        rs.getString("status"),
                        rs.getTimestamp("received_at").toInstant()))
                .optional()
                .orElseThrow(() -> new RecordNotFound(RECORD_TYPE, id));
    }

    private static OpenCase openCase(CrossBorderPackage contents, UUID guardianAccountId) {
        boolean ageInDoubt = AgeCategory.AGE_IN_DOUBT.name().equals(contents.prs_AgeCategory())
                || (contents.prs_Age() == null && AgeCategory.CHILD.name().equals(contents.prs_AgeCategory()));
        if (!ageInDoubt && contents.prs_Age() == null) {
            throw new ServiceReferralRefused(
                    "crossBorder.ageMissing",
                    "The package gives no age for an adult: ask the sending NRM to send it again with the age.");
        }
        var consents = new ArrayList<ConsentStatement>();
        for (String purpose : contents.con_Consent()) {
            ConsentPurpose stated;
            try {
                stated = ConsentPurpose.valueOf(purpose);
            } catch (IllegalArgumentException | NullPointerException unknown) {
                throw new ServiceReferralRefused(
                        "crossBorder.consentUnknown", "The package states a consent this NRM does not know.");
            }
            if (!CONSENTS_THAT_TRAVEL.contains(stated)) {
                throw new ServiceReferralRefused(
                        "crossBorder.consentUnknown", "The package states a consent this NRM does not know.");
            }
            consents.add(new ConsentStatement(stated, null, true));
        }
        var person = new PersonIdentity(
                null,
                null,
                null,
                null,
                ageInDoubt ? null : contents.prs_Age(),
                contents.prs_Gender(),
                new LinkedHashSet<>(contents.prs_Citizenship()),
                new LinkedHashSet<>(contents.prs_Languages()));
        var profile = new TraffickingProfile(
                new LinkedHashSet<>(contents.vic_TypeOfExploitation()),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        // the circumstances say where the case comes from: the sending NRM, its reference and its stated purpose
        String circumstances = "Cross-border referral from " + contents.senderCountry() + " ("
                + contents.senderReference() + "): " + contents.purpose();
        return new OpenCase(person, ageInDoubt, circumstances, profile, consents, List.of(), guardianAccountId, null);
    }

    private void reviewed(UUID id, String status, UUID caseId, Actor actor) {
        jdbc.sql("""
                        update referrals.cross_border_package
                        set status = :status, case_id = :caseId, reviewed_at = :at, reviewed_by = :by
                        where id = :id and status = 'PENDING'""")
                .param("id", id)
                .param("status", status)
                .param("caseId", caseId)
                .param("at", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .param("by", actor.accountId())
                .update();
    }

    private void recordNotice(UUID packageRowId, String outcome, String reason) {
        var noticeId = UUID.randomUUID();
        jdbc.sql("""
                        insert into referrals.cross_border_notice (id, package_id, outcome, reason, created_at)
                        values (:id, :packageId, :outcome, :reason, :at)""")
                .param("id", noticeId)
                .param("packageId", packageRowId)
                .param("outcome", outcome)
                .param("reason", reason == null ? null : protection.encrypt(reason, NOTICE_REASON_CONTEXT + noticeId))
                .param("at", Timestamp.from(Instant.now(clock).truncatedTo(ChronoUnit.MICROS)))
                .update();
    }

    private static Actor actor() {
        return Actor.current().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }
}
