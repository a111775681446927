package org.opennrm.organisations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A partner organisation of the NRM. Registered by an administrator or the co-ordinator, changed as
 * its roles and services change, suspended (never deleted) when it leaves, so that the history of its
 * referrals stays readable.
 */
@Table(schema = "organisations", name = "organisation")
public class Organisation {

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
        this.nrmRoles = nrmRoles == null ? EnumSet.noneOf(NrmRole.class) : EnumSet.copyOf(nonEmpty(nrmRoles));
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
        organisation.change(details, now);
        return organisation;
    }

    void change(OrganisationDetails details, Instant now) {
        this.name = details.name().strip();
        this.sector = details.sector();
        this.nrmRoles =
                details.nrmRoles().isEmpty() ? EnumSet.noneOf(NrmRole.class) : EnumSet.copyOf(details.nrmRoles());
        this.servicesOffered = new LinkedHashSet<>(details.servicesOffered());
        this.regionsServed = new LinkedHashSet<>(details.regionsServed());
        this.contactPoints = new ArrayList<>(details.contactPoints());
        this.updatedAt = now;
    }

    void suspend(Instant now) {
        this.status = OrganisationStatus.SUSPENDED;
        this.updatedAt = now;
    }

    void reactivate(Instant now) {
        this.status = OrganisationStatus.ACTIVE;
        this.updatedAt = now;
    }

    private static Set<NrmRole> nonEmpty(Set<NrmRole> roles) {
        return roles.isEmpty() ? EnumSet.noneOf(NrmRole.class) : roles;
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
        return Set.copyOf(nrmRoles);
    }

    public Set<String> servicesOffered() {
        return Set.copyOf(servicesOffered);
    }

    public Set<String> regionsServed() {
        return Set.copyOf(regionsServed);
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
}
