package org.opennrm.organisations.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.opennrm.organisations.ContactPoint;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationDetails;
import org.opennrm.organisations.Sector;
import org.opennrm.organisations.ServiceCode;

/**
 * The organisation form as a person fills it in: services from the catalogue as check boxes plus other
 * services one per line, regions one per line, any number of contact points (empty rows are ignored).
 */
record OrganisationForm(
        @NotBlank(message = "{organisation.name.required}") @Size(max = 200, message = "{organisation.name.size}")
        String name,

        @NotNull(message = "{organisation.sector.required}") Sector sector,
        Set<NrmRole> nrmRoles,
        Set<ServiceCode> servicesOffered,

        @Size(max = 2000, message = "{organisation.otherServices.size}")
        String otherServices,

        @Size(max = 2000, message = "{organisation.regionsServed.size}")
        String regionsServed,

        List<@Valid ContactPointForm> contactPoints,
        Integer version) {

    static final int BLANK_CONTACT_ROWS = 1;

    OrganisationForm {
        nrmRoles = nrmRoles == null || nrmRoles.isEmpty() ? Set.of() : Set.copyOf(nrmRoles);
        servicesOffered = servicesOffered == null || servicesOffered.isEmpty() ? Set.of() : Set.copyOf(servicesOffered);
        contactPoints = contactPoints == null
                ? List.of()
                : contactPoints.stream()
                        .map(row -> row == null ? ContactPointForm.BLANK : row)
                        .toList();
    }

    static OrganisationForm blank() {
        return new OrganisationForm(null, null, null, null, null, null, List.of(ContactPointForm.BLANK), null)
                .withBlankContactRows();
    }

    static OrganisationForm of(Organisation organisation) {
        var catalogue = EnumSet.noneOf(ServiceCode.class);
        var other = new ArrayList<String>();
        for (String service : organisation.servicesOffered()) {
            ServiceCode.of(service).ifPresentOrElse(catalogue::add, () -> other.add(service));
        }
        return new OrganisationForm(
                        organisation.name(),
                        organisation.sector(),
                        organisation.nrmRoles(),
                        catalogue,
                        String.join("\n", other),
                        String.join("\n", organisation.regionsServed()),
                        organisation.contactPoints().stream()
                                .map(ContactPointForm::of)
                                .toList(),
                        organisation.version())
                .withBlankContactRows();
    }

    /** The same input with room for one more contact point, so that several can be added without scripts. */
    OrganisationForm withBlankContactRows() {
        var rows = new ArrayList<>(
                contactPoints.stream().filter(row -> !row.isBlank()).toList());
        for (int i = 0; i < BLANK_CONTACT_ROWS; i++) {
            rows.add(ContactPointForm.BLANK);
        }
        return new OrganisationForm(
                name, sector, nrmRoles, servicesOffered, otherServices, regionsServed, rows, version);
    }

    OrganisationForm withVersion(Integer newVersion) {
        return new OrganisationForm(
                name, sector, nrmRoles, servicesOffered, otherServices, regionsServed, contactPoints, newVersion);
    }

    boolean holds(NrmRole role) {
        return nrmRoles.contains(role);
    }

    boolean offers(ServiceCode service) {
        return servicesOffered.contains(service);
    }

    OrganisationDetails details() {
        var services = new LinkedHashSet<String>();
        servicesOffered.stream().sorted().map(ServiceCode::name).forEach(services::add);
        services.addAll(lines(otherServices));
        return new OrganisationDetails(
                name,
                sector,
                nrmRoles,
                services,
                new LinkedHashSet<>(lines(regionsServed)),
                contactPoints.stream()
                        .filter(row -> !row.isBlank())
                        .map(ContactPointForm::contactPoint)
                        .toList());
    }

    /** One entry per line (or separated by semicolons), blank ones dropped. */
    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\r\\n;]+"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** One contact point as typed; a row with anything in it needs a name. */
    record ContactPointForm(
            @Size(max = 200, message = "{contactPoint.name.size}")
            String name,

            @Size(max = 200, message = "{contactPoint.function.size}")
            String function,

            @Size(max = 50, message = "{contactPoint.phone.size}")
            @jakarta.validation.constraints.Pattern(
                    regexp = "^[+0-9 ()./-]*$",
                    message = "{contactPoint.phone.invalid}")
            String phone,

            @Size(max = 320, message = "{contactPoint.email.size}")
            @jakarta.validation.constraints.Email(message = "{contactPoint.email.invalid}")
            String email) {

        static final ContactPointForm BLANK = new ContactPointForm(null, null, null, null);

        static ContactPointForm of(ContactPoint contactPoint) {
            return new ContactPointForm(
                    contactPoint.name(), contactPoint.function(), contactPoint.phone(), contactPoint.email());
        }

        boolean isBlank() {
            return isEmpty(name) && isEmpty(function) && isEmpty(phone) && isEmpty(email);
        }

        boolean isNamed() {
            return !isEmpty(name);
        }

        ContactPoint contactPoint() {
            return new ContactPoint(name, function, phone, email);
        }

        private static boolean isEmpty(String value) {
            return Objects.toString(value, "").isBlank();
        }
    }
}
