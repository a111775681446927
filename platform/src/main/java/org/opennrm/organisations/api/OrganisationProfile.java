package org.opennrm.organisations.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationStatus;
import org.opennrm.organisations.Sector;

/** Everything the registry holds about one organisation; {@code version} goes back in a change. */
record OrganisationProfile(
        UUID id,
        String name,
        Sector sector,
        Set<NrmRole> nrmRoles,
        Set<String> servicesOffered,
        Set<String> regionsServed,
        List<ContactPointEntry> contactPoints,
        OrganisationStatus status,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    static OrganisationProfile of(Organisation organisation) {
        return new OrganisationProfile(
                organisation.id(),
                organisation.name(),
                organisation.sector(),
                organisation.nrmRoles(),
                organisation.servicesOffered(),
                organisation.regionsServed(),
                organisation.contactPoints().stream().map(ContactPointEntry::of).toList(),
                organisation.status(),
                organisation.version(),
                organisation.createdAt(),
                organisation.updatedAt());
    }
}
