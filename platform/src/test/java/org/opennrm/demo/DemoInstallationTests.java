package org.opennrm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.Agreement;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.PartnershipAgreements;
import org.springframework.beans.factory.annotation.Autowired;

/** A new demo installation is not empty for the co-ordinator: agreements between its organisations, with reviews due. */
@PlatformTest
class DemoInstallationTests {

    @Autowired
    PartnershipAgreements agreements;

    @Autowired
    OrganisationRegistry organisations;

    @Test
    void theDemoHasAgreementsOneOverdueForReviewAndOneDueSoon() {
        var office = organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        var today = agreements.today();
        var all = SignedIn.as(Role.COORDINATOR, office, () -> agreements.list());
        assertThat(all)
                .extracting(Agreement::title)
                .contains(
                        "NRM co-operation protocol",
                        "Safe accommodation for presumed victims",
                        "Health care for presumed victims");
        assertThat(SignedIn.as(Role.COORDINATOR, office, () -> agreements.reviewOverdue()))
                .extracting(Agreement::title)
                .contains("Safe accommodation for presumed victims");
        assertThat(all)
                .filteredOn(agreement -> agreement.title().equals("NRM co-operation protocol"))
                .singleElement()
                .satisfies(protocol ->
                        assertThat(protocol.nextReviewOn()).isAfter(today).isBefore(today.plusMonths(1)));
        // the shelter, a service provider, is party to the protocol and to its own agreement
        var shelter =
                organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        assertThat(SignedIn.as(Role.COORDINATOR, office, () -> agreements.partyTo(shelter)))
                .extracting(Agreement::title)
                .contains("NRM co-operation protocol", "Safe accommodation for presumed victims");
    }
}
