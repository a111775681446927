package org.opennrm.organisations;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an administrator states about an organisation when registering or changing it. Services and
 * regions keep the order in which they were given; blank entries are dropped.
 */
public record OrganisationDetails(
        String name,
        Sector sector,
        Set<NrmRole> nrmRoles,
        Set<String> servicesOffered,
        Set<String> regionsServed,
        List<ContactPoint> contactPoints) {

    public OrganisationDetails {
        nrmRoles = nrmRoles == null ? Set.of() : Set.copyOf(nrmRoles);
        servicesOffered = entries(servicesOffered);
        regionsServed = entries(regionsServed);
        contactPoints = contactPoints == null ? List.of() : List.copyOf(contactPoints);
    }

    private static Set<String> entries(Set<String> given) {
        var entries = new LinkedHashSet<String>();
        if (given != null) {
            given.stream()
                    .filter(entry -> entry != null && !entry.isBlank())
                    .map(String::strip)
                    .forEach(entries::add);
        }
        return Collections.unmodifiableSet(entries);
    }
}
