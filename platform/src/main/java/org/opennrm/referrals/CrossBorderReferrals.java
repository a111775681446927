package org.opennrm.referrals;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.ConsentPurpose;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Referrals of cases to the NRMs of other countries. Outgoing: a package of the minimum data, signed with this
 * installation's Ed25519 key, only with the person's consent to sharing (a child's case excepted). Incoming: a
 * package is accepted for review only when it is signed by the trusted key of its sending country, unchanged,
 * addressed to this country and not received before; anything else is refused with the check that failed and kept
 * nowhere. After review it is imported as a new referral or rejected.
 */
@Service
public class CrossBorderReferrals {

    static final String RECORD_TYPE = "cross-border-package";

    private final CaseManagement cases;
    private final CrossBorderKeys keys;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final Clock clock;
    private final PackageSignatures signatures;

    CrossBorderReferrals(
            CaseManagement cases,
            CrossBorderKeys keys,
            JdbcClient jdbc,
            JsonMapper json,
            AuditTrail audit,
            Clock clock) {
        this.cases = cases;
        this.keys = keys;
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
        var file = cases.read(caseId);
        var details = file.details();
        if (!details.ageCategory().childrensProcedure() && !details.consentInForce(ConsentPurpose.SHARING)) {
            throw new ServiceReferralRefused(
                    "crossBorder.consentMissing", "The person has not consented to sharing their case.");
        }
        var person = file.person();
        var unsigned = new CrossBorderPackage(
                CrossBorderPackage.FORMAT,
                UUID.randomUUID().toString(),
                keys.country(),
                receiverCountry.strip().toUpperCase(Locale.ROOT),
                details.reference(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS),
                purpose.strip(),
                person.gender(),
                details.ageCategory().name(),
                List.copyOf(new java.util.TreeSet<>(person.citizenships())),
                List.copyOf(person.languages()),
                List.copyOf(new java.util.TreeSet<>(details.profile().exploitationForms())),
                null);
        audit.record(AuditAction.EXPORT, "case", caseId, "cross-border to " + unsigned.receiverCountry());
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
        return jdbc.sql("select * from referrals.cross_border_package order by received_at desc limit 200")
                .query((rs, n) -> new ReceivedPackage(
                        rs.getObject("id", UUID.class),
                        json.readValue(rs.getString("contents"), CrossBorderPackage.class),
                        rs.getString("status"),
                        rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    /** After review: imported as a new referral awaiting the person, or rejected. */
    @Transactional
    @PreAuthorize("hasAuthority('cases:write:all')")
    public void review(UUID packageId, boolean importIt) {
        int changed = jdbc.sql("""
                        update referrals.cross_border_package set status = :status
                        where id = :id and status = 'PENDING'""")
                .param("id", packageId)
                .param("status", importIt ? ReceivedPackage.IMPORTED : ReceivedPackage.REJECTED)
                .update();
        if (changed != 1) {
            throw new RecordNotFound(RECORD_TYPE, packageId);
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, packageId, importIt ? "imported" : "rejected");
    }

    public String country() {
        return keys.country();
    }
}
