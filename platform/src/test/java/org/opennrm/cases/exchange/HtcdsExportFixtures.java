package org.opennrm.cases.exchange;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.opennrm.access.AccountManagement;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.ClosureReason;
import org.opennrm.cases.ConsentPurpose;
import org.opennrm.cases.ConsentStatement;
import org.opennrm.cases.DecisionOutcome;
import org.opennrm.cases.DecisionRequest;
import org.opennrm.cases.EventEntry;
import org.opennrm.cases.OpenCase;
import org.opennrm.cases.OpenedCase;
import org.opennrm.cases.PersonIdentity;
import org.opennrm.cases.SignedIn;
import org.opennrm.cases.TraffickingProfile;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.OrganisationDetails;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.Sector;

/**
 * Five synthetic cases referred by an outreach organisation of a region of their own (so that an export filtered
 * by that region holds these cases only), with consent set up for every rule of identifying exports. Names are
 * made up and unique to the run, so that a test can search a file for them.
 */
final class HtcdsExportFixtures {

    static final LocalDate BIRTHDATE = LocalDate.of(1990, 2, 14);

    final String tag = letters(8);
    final String region = "Region " + tag;
    final UUID referrer;
    final UUID receiver;
    final UUID otherReceiver;
    final UUID office;
    final UUID panel;
    final UUID guardian;

    /** Consent to share with the receiver; identified after a positive preliminary decision. */
    final OpenedCase consenting;
    /** Consent to share with another organisation only; a negative preliminary decision stands. */
    final OpenedCase consentingElsewhere;
    /** Consent to share with the receiver, withdrawn. */
    final OpenedCase withdrawn;
    /** Consent to share with the receiver in force, case closed. */
    final OpenedCase closed;
    /** A child (estimated age 15) with no consent recorded. */
    final OpenedCase child;

    HtcdsExportFixtures(
            OrganisationRegistry organisations, AccountManagement accounts, CaseManagement cases, Clock clock) {
        referrer = organisations
                .register(new OrganisationDetails(
                        "Outreach " + tag,
                        Sector.NGO,
                        Set.of(NrmRole.REFERRER),
                        Set.of("outreach"),
                        Set.of(region),
                        List.of()))
                .id();
        receiver = organisations
                .register(new OrganisationDetails(
                        "Receiving Shelter " + tag,
                        Sector.NGO,
                        Set.of(NrmRole.SERVICE_PROVIDER),
                        Set.of("safe accommodation"),
                        Set.of("Elsewhere " + tag),
                        List.of()))
                .id();
        otherReceiver = organisations
                .register(new OrganisationDetails(
                        "Other Receiver " + tag,
                        Sector.HEALTH,
                        Set.of(NrmRole.SERVICE_PROVIDER),
                        Set.of("medical care"),
                        Set.of("Elsewhere " + tag),
                        List.of()))
                .id();
        office = organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        panel = organisations
                .findByName("Multi-agency Identification Panel")
                .orElseThrow()
                .id();
        guardian = accounts.all().stream()
                .filter(account -> account.enabled() && account.roles().contains(Role.GUARDIAN))
                .findFirst()
                .orElseThrow()
                .id();
        UUID referredBy = UUID.randomUUID();

        consenting = cases.openFor(referrer, referredBy, adult("A", receiver));
        consentingElsewhere = cases.openFor(referrer, referredBy, adult("B", otherReceiver));
        withdrawn = cases.openFor(referrer, referredBy, adult("C", receiver));
        closed = cases.openFor(referrer, referredBy, adult("D", receiver));
        child = cases.openFor(
                referrer,
                referredBy,
                new OpenCase(
                        new PersonIdentity(
                                givenName("E"),
                                familyName("E"),
                                null,
                                null,
                                15,
                                "Masculine",
                                Set.of("UKR"),
                                Set.of("ukr")),
                        false,
                        "Found begging near a station.",
                        new TraffickingProfile(
                                Set.of("ForcedBegging", "SexualExploitation"),
                                Set.of("PhysicalThreats"),
                                null,
                                null,
                                null,
                                "Familial",
                                null,
                                null,
                                Set.of("UKR"),
                                null,
                                Set.of("Pornography", "RemoteInteractiveServices")),
                        List.of(),
                        List.of(),
                        guardian,
                        null));

        LocalDate today = LocalDate.now(clock);
        SignedIn.run(Role.IDENTIFICATION_OFFICER, panel, () -> {
            cases.decidePreliminary(
                    consenting.caseId(),
                    null,
                    new DecisionRequest(DecisionOutcome.PRESUMED_VICTIM, today, "Indicators present", null));
            cases.decideFormal(
                    consenting.caseId(),
                    null,
                    new DecisionRequest(DecisionOutcome.IDENTIFIED, today, "Indicators confirmed", null));
            cases.decidePreliminary(
                    consentingElsewhere.caseId(),
                    null,
                    new DecisionRequest(DecisionOutcome.NOT_PRESUMED, today, "Indicators absent", null));
        });
        SignedIn.run(Role.CASE_MANAGER, office, () -> {
            cases.withdrawConsent(withdrawn.caseId(), null, ConsentPurpose.SHARING, receiver);
            cases.close(closed.caseId(), null, ClosureReason.TRANSFERRED);
        });
    }

    List<OpenedCase> all() {
        return List.of(consenting, consentingElsewhere, withdrawn, closed, child);
    }

    /** Every made-up name of the five persons. */
    List<String> names() {
        return List.of("A", "B", "C", "D", "E").stream()
                .flatMap(letter -> java.util.stream.Stream.of(givenName(letter), familyName(letter)))
                .toList();
    }

    String givenName(String letter) {
        return "Zelinda" + letter + tag.toLowerCase(Locale.ROOT);
    }

    String familyName(String letter) {
        return "Quorrin" + letter + tag.toLowerCase(Locale.ROOT);
    }

    private OpenCase adult(String letter, UUID sharingWith) {
        return new OpenCase(
                new PersonIdentity(
                        givenName(letter),
                        familyName(letter),
                        "Alias" + letter + tag,
                        BIRTHDATE,
                        null,
                        "Feminine",
                        Set.of("MDA"),
                        new java.util.LinkedHashSet<>(List.of("rus", "ron"))),
                false,
                "Met during a construction site inspection.",
                CaseFixtures.labourProfile(),
                List.of(
                        new ConsentStatement(ConsentPurpose.ASSISTANCE, null, true),
                        new ConsentStatement(ConsentPurpose.SHARING, sharingWith, true)),
                List.of(new EventEntry("Recruitment", LocalDate.of(2025, 9, 2), "MDA", "Advert in a chat group")),
                null,
                null);
    }

    private static String letters(int length) {
        var random = ThreadLocalRandom.current();
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ('A' + random.nextInt(26)));
        }
        return text.toString();
    }
}
