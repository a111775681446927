package org.opennrm.statistics;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.stereotype.Component;

/**
 * Where a fact is counted and by which sector: the region an organisation serves, written as a code
 * ({@code North Region} becomes {@code NORTH-REGION}), and the organisation's sector. A region typed on a form
 * is counted only if some registered organisation serves a region of that name, so that free text never becomes
 * a code.
 */
@Component
class Regions {

    private final OrganisationRegistry organisations;

    Regions(OrganisationRegistry organisations) {
        this.organisations = organisations;
    }

    /** The organisation's sector, and its region when it serves exactly one. */
    record Origin(String sector, String region) {}

    Origin of(UUID organisationId) {
        Optional<Organisation> organisation =
                organisationId == null ? Optional.empty() : organisations.find(organisationId);
        return organisation
                .map(found -> new Origin(Codes.name(found.sector()), only(found.regionsServed())))
                .orElse(new Origin(null, null));
    }

    /** The code of a region named on a form, if an organisation serves a region of that name. */
    String known(String name) {
        String code = code(name);
        if (code == null) {
            return null;
        }
        boolean served = organisations.all().stream()
                .flatMap(organisation -> organisation.regionsServed().stream())
                .anyMatch(region -> code.equals(code(region)));
        return served ? code : null;
    }

    private static String only(Set<String> regions) {
        return regions.size() == 1 ? code(regions.iterator().next()) : null;
    }

    static String code(String name) {
        return org.opennrm.statistics.publishing.CategoryLabels.regionCode(name);
    }
}
