package org.opennrm.organisations.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.OrganisationDetails;
import org.opennrm.organisations.Sector;

/**
 * A new partner organisation. Services are catalogue codes (such as {@code SAFE_ACCOMMODATION}) or free
 * text; regions are free text.
 */
record RegisterOrganisationRequest(
        @NotBlank(message = "{organisation.name.required}") @Size(max = 200, message = "{organisation.name.size}")
        String name,

        @NotNull(message = "{organisation.sector.required}") Sector sector,
        Set<NrmRole> nrmRoles,
        List<
                        @NotBlank(message = "{organisation.service.required}")
                        @Size(max = 60, message = "{organisation.service.size}") String>
                servicesOffered,
        List<
                        @NotBlank(message = "{organisation.region.required}")
                        @Size(max = 100, message = "{organisation.region.size}") String>
                regionsServed,
        List<@Valid ContactPointEntry> contactPoints) {

    OrganisationDetails details() {
        return details(name, sector, nrmRoles, servicesOffered, regionsServed, contactPoints);
    }

    static OrganisationDetails details(
            String name,
            Sector sector,
            Set<NrmRole> nrmRoles,
            List<String> servicesOffered,
            List<String> regionsServed,
            List<ContactPointEntry> contactPoints) {
        return new OrganisationDetails(
                name,
                sector,
                nrmRoles,
                servicesOffered == null ? Set.of() : new LinkedHashSet<>(servicesOffered),
                regionsServed == null ? Set.of() : new LinkedHashSet<>(regionsServed),
                contactPoints == null
                        ? List.of()
                        : contactPoints.stream()
                                .map(ContactPointEntry::contactPoint)
                                .toList());
    }
}
