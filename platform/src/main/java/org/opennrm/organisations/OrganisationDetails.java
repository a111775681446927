package org.opennrm.organisations;

import java.util.List;
import java.util.Set;

/** What an administrator states about an organisation when registering or changing it. */
public record OrganisationDetails(
        String name,
        Sector sector,
        Set<NrmRole> nrmRoles,
        Set<String> servicesOffered,
        Set<String> regionsServed,
        List<ContactPoint> contactPoints) {

    public OrganisationDetails {
        nrmRoles = nrmRoles == null ? Set.of() : Set.copyOf(nrmRoles);
        servicesOffered = servicesOffered == null ? Set.of() : Set.copyOf(servicesOffered);
        regionsServed = regionsServed == null ? Set.of() : Set.copyOf(regionsServed);
        contactPoints = contactPoints == null ? List.of() : List.copyOf(contactPoints);
    }
}
