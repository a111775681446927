package org.opennrm.organisations;

import java.util.Locale;

/**
 * What a person looks for in the registry: part of a name and, optionally, a sector, an NRM role and a
 * status. Empty criteria match every organisation.
 */
public record OrganisationSearch(String name, Sector sector, NrmRole nrmRole, OrganisationStatus status) {

    public static final OrganisationSearch ALL = new OrganisationSearch(null, null, null, null);

    public OrganisationSearch {
        name = name == null || name.isBlank() ? null : name.strip();
    }

    public boolean matches(Organisation organisation) {
        return (name == null || organisation.name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))
                && (sector == null || organisation.sector() == sector)
                && (nrmRole == null || organisation.holds(nrmRole))
                && (status == null || organisation.status() == status);
    }
}
