package org.opennrm.organisations.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.OrganisationDetails;
import org.opennrm.organisations.Sector;

/**
 * The whole new state of an organisation, with the {@code version} it was read at: if someone changed
 * the organisation since, the change is refused with 409 and nothing is overwritten.
 */
record ChangeOrganisationRequest(
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
        List<@Valid ContactPointEntry> contactPoints,
        @NotNull(message = "{version.missing}") Integer version) {

    OrganisationDetails details() {
        return RegisterOrganisationRequest.details(
                name, sector, nrmRoles, servicesOffered, regionsServed, contactPoints);
    }
}
