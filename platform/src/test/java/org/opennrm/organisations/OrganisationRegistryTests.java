package org.opennrm.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.organisations.OrganisationFixtures.asCoordinator;
import static org.opennrm.organisations.OrganisationFixtures.organisation;
import static org.opennrm.organisations.OrganisationFixtures.uniqueName;

import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PlatformTest
class OrganisationRegistryTests {

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    JdbcClient jdbc;

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
