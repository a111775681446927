package org.opennrm.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opennrm.organisations.OrganisationFixtures.agreement;
import static org.opennrm.organisations.OrganisationFixtures.asCoordinator;
import static org.opennrm.organisations.OrganisationFixtures.organisation;
import static org.opennrm.organisations.OrganisationFixtures.uniqueName;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The organisations module on its own (it depends on no other module), with a database of its own: the registry
 * and the partnership agreements as they are stored, listed and changed, nothing else of the platform started.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class OrganisationsModuleTests {

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    PartnershipAgreements agreements;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNameIsTakenOnceAcrossTheRegistryWhateverItsCase() {
        String name = uniqueName("Harbour Clinic");
        asCoordinator(() -> registry.register(organisation(name, Sector.HEALTH, NrmRole.REFERRER)));

        assertThatThrownBy(() -> asCoordinator(
                        () -> registry.register(organisation(name.toUpperCase(), Sector.NGO, NrmRole.REFERRER))))
                .isInstanceOf(OrganisationNameTaken.class);
        assertThat(jdbc.sql("select count(*) from organisations.organisation where lower(name) = lower(:name)")
                        .param("name", name)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void anAgreementNeedsActivePartiesAndIsStoredWithThem() {
        var office = asCoordinator(() -> registry.register(
                organisation(uniqueName("Office"), Sector.SOCIAL_SERVICES, NrmRole.NATIONAL_COORDINATOR)));
        var shelter = asCoordinator(
                () -> registry.register(organisation(uniqueName("Shelter"), Sector.NGO, NrmRole.SERVICE_PROVIDER)));
        asCoordinator(() -> registry.suspend(shelter.id()));

        var signed = LocalDate.of(2026, 3, 1);
        assertThatThrownBy(() -> asCoordinator(() -> agreements.register(
                        agreement("Refused", office.id(), shelter.id(), signed, signed.plusYears(1)))))
                .isInstanceOf(PartyNotActive.class);

        asCoordinator(() -> registry.reactivate(shelter.id()));
        var registered = asCoordinator(() -> agreements.register(
                agreement("Safe accommodation", office.id(), shelter.id(), signed, signed.plusYears(1))));
        assertThat(jdbc.sql("select count(*) from organisations.agreement_party where agreement = :id")
                        .param("id", registered.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void everyOrganisationListIncludesChangesMadeThroughTheRegistry() {
        registry.all();
        var registered = asCoordinator(
                () -> registry.register(organisation(uniqueName("Listed"), Sector.NGO, NrmRole.SERVICE_PROVIDER)));

        assertThat(registry.all()).extracting(Organisation::id).contains(registered.id());

        asCoordinator(() -> registry.suspend(registered.id()));
        assertThat(registry.all())
                .filteredOn(listed -> listed.id().equals(registered.id()))
                .extracting(Organisation::status)
                .containsExactly(OrganisationStatus.SUSPENDED);
    }

    @Test
    void everyOrganisationListSeesAChangeStoredByAnotherNodeWithinASecond() throws InterruptedException {
        var registered = asCoordinator(
                () -> registry.register(organisation(uniqueName("Elsewhere"), Sector.NGO, NrmRole.SERVICE_PROVIDER)));
        registry.all();
        String renamed = uniqueName("Renamed elsewhere");

        // what another node's registry stores: the aggregate with its version raised
        jdbc.sql("update organisations.organisation set name = :name, version = version + 1 where id = :id")
                .param("name", renamed)
                .param("id", registered.id())
                .update();
        // the registry checks the stored fingerprint at most once per opennrm.organisations.registry-check-ttl
        Thread.sleep(1_100);

        assertThat(registry.all())
                .filteredOn(listed -> listed.id().equals(registered.id()))
                .extracting(Organisation::name)
                .containsExactly(renamed);
    }
}
