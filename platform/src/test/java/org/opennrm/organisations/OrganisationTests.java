package org.opennrm.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opennrm.RuleViolation;

class OrganisationTests {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static OrganisationDetails shelter(String name) {
        return new OrganisationDetails(
                name,
                Sector.NGO,
                Set.of(NrmRole.SERVICE_PROVIDER),
                new LinkedHashSet<>(List.of("SAFE_ACCOMMODATION", " night outreach ", "")),
                new LinkedHashSet<>(List.of("North", "South")),
                List.of(new ContactPoint("Duty desk", "Referrals", "+000 000", "duty@example.org")));
    }

    @Test
    void registeredOrganisationIsActiveWithTrimmedEntries() {
        var organisation = Organisation.register(shelter("  Harbour House  "), NOW);

        assertThat(organisation.isActive()).isTrue();
        assertThat(organisation.name()).isEqualTo("Harbour House");
        assertThat(organisation.servicesOffered()).containsExactly("SAFE_ACCOMMODATION", "night outreach");
        assertThat(organisation.regionsServed()).containsExactly("North", "South");
        assertThat(organisation.pendingEvents())
                .containsExactly(new OrganisationRegistered(organisation.id(), Sector.NGO));
    }

    @Test
    void suspendedOrganisationIsKeptAndCanBeReactivated() {
        var organisation = Organisation.register(shelter("Harbour House"), NOW);

        organisation.suspend(NOW);
        assertThat(organisation.status()).isEqualTo(OrganisationStatus.SUSPENDED);
        assertThatThrownBy(() -> organisation.suspend(NOW)).isInstanceOf(OrganisationAlreadySuspended.class);

        organisation.reactivate(NOW);
        assertThat(organisation.isActive()).isTrue();
        assertThatThrownBy(() -> organisation.reactivate(NOW)).isInstanceOf(OrganisationAlreadyActive.class);
        assertThat(organisation.pendingEvents())
                .contains(new OrganisationSuspended(organisation.id()), new OrganisationReactivated(organisation.id()));
    }

    @Test
    void nameAndSectorAreRequired() {
        assertThatThrownBy(() -> Organisation.register(shelter(" "), NOW)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> Organisation.register(
                        new OrganisationDetails("Harbour House", null, Set.of(), Set.of(), Set.of(), List.of()), NOW))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void searchMatchesPartOfTheNameInAnyCaseAndEveryFilter() {
        var organisation = Organisation.register(shelter("Harbour House"), NOW);

        assertThat(new OrganisationSearch("harbour", null, null, null).matches(organisation))
                .isTrue();
        assertThat(new OrganisationSearch(null, Sector.NGO, NrmRole.SERVICE_PROVIDER, OrganisationStatus.ACTIVE)
                        .matches(organisation))
                .isTrue();
        assertThat(new OrganisationSearch(null, Sector.POLICE, null, null).matches(organisation))
                .isFalse();
        assertThat(new OrganisationSearch(null, null, NrmRole.REFERRER, null).matches(organisation))
                .isFalse();
        assertThat(new OrganisationSearch(null, null, null, OrganisationStatus.SUSPENDED).matches(organisation))
                .isFalse();
    }

    @Test
    void everyRefusalOfTheRegistryIsWordedInEachLanguage() {
        var suspended = Organisation.register(shelter("Harbour House"), NOW);
        suspended.suspend(NOW);
        var active = Organisation.register(shelter("Harbour House"), NOW);
        List<Runnable> refused = List.of(
                () -> Organisation.register(shelter(" "), NOW),
                () -> Organisation.register(shelter("n".repeat(201)), NOW),
                () -> Organisation.register(
                        new OrganisationDetails("Harbour House", null, Set.of(), Set.of(), Set.of(), List.of()), NOW),
                () -> suspended.suspend(NOW),
                () -> active.reactivate(NOW),
                () -> {
                    throw new OrganisationNameTaken("Harbour House");
                });
        for (var request : refused) {
            AgreementTests.wordedInEveryLanguage(AgreementTests.refusalOf(request));
        }
        assertThat(AgreementTests.refusalOf(() -> Organisation.register(shelter("n".repeat(201)), NOW))
                        .words(AgreementTests.words(), java.util.Locale.GERMAN))
                .isEqualTo("Der Name einer Organisation darf höchstens 200 Zeichen haben.");
    }
}
