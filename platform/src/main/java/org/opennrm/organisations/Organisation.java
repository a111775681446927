package org.opennrm.organisations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opennrm.RuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A partner organisation of the NRM. Registered by an administrator or the co-ordinator, changed as
 * its roles and services change, suspended (never deleted) when it leaves, so that the history of its
 * referrals stays readable, and reactivated when it comes back.
 */
@Table(schema = "organisations", name = "organisation")
public class Organisation extends AbstractAggregateRoot<Organisation> {

    static final int NAME_LENGTH = 200;

    @Id
    private final UUID id;

    private String name;
    private Sector sector;
    private Set<NrmRole> nrmRoles;
    private Set<String> servicesOffered;
    private Set<String> regionsServed;
    private OrganisationStatus status;

    @MappedCollection(idColumn = "organisation", keyColumn = "organisation_key")
    private List<ContactPoint> contactPoints;

    @Version
    private Integer version;

    private Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Organisation(
            UUID id,
            String name,
            Sector sector,
            Set<NrmRole> nrmRoles,
            Set<String> servicesOffered,
            Set<String> regionsServed,
            OrganisationStatus status,
            List<ContactPoint> contactPoints,
            Integer version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.name = name;
        this.sector = sector;
        this.nrmRoles =
                nrmRoles == null || nrmRoles.isEmpty() ? EnumSet.noneOf(NrmRole.class) : EnumSet.copyOf(nrmRoles);
        this.servicesOffered = new LinkedHashSet<>(servicesOffered == null ? Set.of() : servicesOffered);
        this.regionsServed = new LinkedHashSet<>(regionsServed == null ? Set.of() : regionsServed);
        this.status = status;
        this.contactPoints = new ArrayList<>(contactPoints == null ? List.of() : contactPoints);
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Organisation register(OrganisationDetails details, Instant now) {
        var organisation = new Organisation(
                UUID.randomUUID(), null, null, null, null, null, OrganisationStatus.ACTIVE, null, null, now, now);
        organisation.apply(details, now);
        organisation.registerEvent(new OrganisationRegistered(organisation.id, organisation.sector));
        return organisation;
    }

    void change(OrganisationDetails details, Instant now) {
        apply(details, now);
        registerEvent(new OrganisationChanged(id, sector, nrmRoles()));
    }

    /** Refuses a second suspension, so that a double submission does not hide who suspended it first. */
    void suspend(Instant now) {
        if (status == OrganisationStatus.SUSPENDED) {
            throw new OrganisationAlreadySuspended(id);
        }
        this.status = OrganisationStatus.SUSPENDED;
        this.updatedAt = now;
        registerEvent(new OrganisationSuspended(id));
    }

    void reactivate(Instant now) {
        if (status == OrganisationStatus.ACTIVE) {
            throw new OrganisationAlreadyActive(id);
        }
        this.status = OrganisationStatus.ACTIVE;
        this.updatedAt = now;
        registerEvent(new OrganisationReactivated(id));
    }

    private void apply(OrganisationDetails details, Instant now) {
        if (details.name() == null || details.name().isBlank()) {
            throw new RuleViolation("organisation.refused.nameMissing", "An organisation needs a name.");
        }
        if (details.name().strip().length() > NAME_LENGTH) {
            throw new RuleViolation(
                    "organisation.refused.nameTooLong",
                    "An organisation's name has at most " + NAME_LENGTH + " characters.",
                    NAME_LENGTH);
        }
        if (details.sector() == null) {
            throw new RuleViolation("organisation.refused.sectorMissing", "An organisation needs a sector.");
        }
        this.name = details.name().strip();
        this.sector = details.sector();
        this.nrmRoles =
                details.nrmRoles().isEmpty() ? EnumSet.noneOf(NrmRole.class) : EnumSet.copyOf(details.nrmRoles());
        this.servicesOffered = new LinkedHashSet<>(details.servicesOffered());
        this.regionsServed = new LinkedHashSet<>(details.regionsServed());
        this.contactPoints = new ArrayList<>(details.contactPoints());
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Sector sector() {
        return sector;
    }

    public Set<NrmRole> nrmRoles() {
        return nrmRoles.isEmpty() ? Set.of() : Set.copyOf(nrmRoles);
    }

    /** Services in the order they were entered: catalogue codes ({@link ServiceCode}) or free text. */
    public Set<String> servicesOffered() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(servicesOffered));
    }

    /** Regions in the order they were entered. */
    public Set<String> regionsServed() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(regionsServed));
    }

    public OrganisationStatus status() {
        return status;
    }

    public boolean isActive() {
        return status == OrganisationStatus.ACTIVE;
    }

    public boolean holds(NrmRole role) {
        return nrmRoles.contains(role);
    }

    public List<ContactPoint> contactPoints() {
        return List.copyOf(contactPoints);
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
        return "Organisation[" + id + "]";
    }
}
