package org.opennrm.organisations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opennrm.RuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A partnership agreement (memorandum of understanding, co-operation agreement) between organisations
 * of the NRM: who takes part and in which role, what it covers, when it was signed and when it is next
 * reviewed. The co-ordinator registers it once signed, changes it as it is reviewed or amended (a
 * review sets the next review date), and watches for agreements whose review date has passed.
 */
@Table(schema = "organisations", name = "agreement")
public class Agreement extends AbstractAggregateRoot<Agreement> {

    static final int TITLE_LENGTH = 200;

    @Id
    private final UUID id;

    private String title;
    private String scope;

    @MappedCollection(idColumn = "agreement", keyColumn = "agreement_key")
    private List<AgreementParty> parties;

    private LocalDate signedOn;
    private LocalDate nextReviewOn;

    @Version
    private Integer version;

    private Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Agreement(
            UUID id,
            String title,
            String scope,
            List<AgreementParty> parties,
            LocalDate signedOn,
            LocalDate nextReviewOn,
            Integer version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.title = title;
        this.scope = scope;
        this.parties = new ArrayList<>(parties == null ? List.of() : parties);
        this.signedOn = signedOn;
        this.nextReviewOn = nextReviewOn;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Agreement register(AgreementDetails details, Instant now) {
        var agreement = new Agreement(UUID.randomUUID(), null, null, null, null, null, null, now, now);
        agreement.apply(details, now);
        agreement.registerEvent(new AgreementRegistered(agreement.id, agreement.partyIds()));
        return agreement;
    }

    void change(AgreementDetails details, Instant now) {
        apply(details, now);
        registerEvent(new AgreementChanged(id, partyIds()));
    }

    /** The review date has passed without the agreement being reviewed; due today is not yet overdue. */
    public boolean reviewOverdue(LocalDate today) {
        return nextReviewOn.isBefore(today);
    }

    public boolean hasParty(UUID organisationId) {
        return parties.stream().anyMatch(party -> party.organisationId().equals(organisationId));
    }

    private void apply(AgreementDetails details, Instant now) {
        if (details.title() == null || details.title().isBlank()) {
            throw new RuleViolation("agreement.refused.titleMissing", "An agreement needs a title.");
        }
        if (details.title().strip().length() > TITLE_LENGTH) {
            throw new RuleViolation(
                    "agreement.refused.titleTooLong",
                    "An agreement's title has at most " + TITLE_LENGTH + " characters.",
                    TITLE_LENGTH);
        }
        if (details.scope() == null || details.scope().isBlank()) {
            throw new RuleViolation(
                    "agreement.refused.scopeMissing", "An agreement needs a scope: what the parties agree to do.");
        }
        if (details.signedOn() == null || details.nextReviewOn() == null) {
            throw new RuleViolation(
                    "agreement.refused.datesMissing",
                    "An agreement needs the date it was signed and the date of its next review.");
        }
        if (details.nextReviewOn().isBefore(details.signedOn())) {
            throw new ReviewBeforeSigning(details.signedOn(), details.nextReviewOn());
        }
        refuseUnclearParties(details.parties());
        this.title = details.title().strip();
        this.scope = details.scope().strip();
        this.parties = new ArrayList<>(details.parties());
        this.signedOn = details.signedOn();
        this.nextReviewOn = details.nextReviewOn();
        this.updatedAt = now;
    }

    private static void refuseUnclearParties(List<AgreementParty> parties) {
        if (parties.stream().anyMatch(party -> party == null || party.organisationId() == null)) {
            throw new PartiesMissing(
                    "agreement.refused.partyWithoutOrganisation",
                    "Every party of an agreement must name an organisation.");
        }
        if (parties.stream().anyMatch(party -> party.nrmRole() == null)) {
            throw new PartiesMissing(
                    "agreement.refused.partyWithoutRole",
                    "Every party of an agreement must have the NRM role it plays in it.");
        }
        Set<UUID> seen = new HashSet<>();
        for (var party : parties) {
            if (!seen.add(party.organisationId())) {
                throw new PartiesMissing(
                        "agreement.refused.partyRepeated",
                        "Each organisation can be a party to an agreement only once.");
            }
        }
        if (seen.size() < 2) {
            throw new PartiesMissing(
                    "agreement.refused.partiesMissing", "An agreement needs at least two organisations as parties.");
        }
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String scope() {
        return scope;
    }

    public List<AgreementParty> parties() {
        return List.copyOf(parties);
    }

    public Set<UUID> partyIds() {
        return parties.stream().map(AgreementParty::organisationId).collect(Collectors.toUnmodifiableSet());
    }

    public LocalDate signedOn() {
        return signedOn;
    }

    public LocalDate nextReviewOn() {
        return nextReviewOn;
    }

    public Integer version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Events announced and not yet published (published when the repository saves the aggregate). */
    java.util.Collection<Object> pendingEvents() {
        return domainEvents();
    }

    @Override
    public String toString() {
        return "Agreement[" + id + "]";
    }
}
