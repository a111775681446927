package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.access.AccountManagement.AccountSearch;

class AccountSearchTests {

    static final UUID SHELTER = UUID.randomUUID();

    final Account worker =
            Account.create("s.worker", "Synthetic Shelter Worker", null, SHELTER, Set.of(Role.SERVICE_PROVIDER));

    @Test
    void everyoneMatchesAnEmptySearch() {
        assertThat(AccountSearch.everyone().matches(worker)).isTrue();
        assertThat(new AccountSearch("  ", null, null).matches(worker)).isTrue();
    }

    @Test
    void textMatchesUserNameOrDisplayNameIgnoringCase() {
        assertThat(new AccountSearch("S.WORK", null, null).matches(worker)).isTrue();
        assertThat(new AccountSearch("shelter", null, null).matches(worker)).isTrue();
        assertThat(new AccountSearch("police", null, null).matches(worker)).isFalse();
    }

    @Test
    void organisationAndRoleMustBothHold() {
        assertThat(new AccountSearch(null, SHELTER, Role.SERVICE_PROVIDER).matches(worker))
                .isTrue();
        assertThat(new AccountSearch(null, UUID.randomUUID(), Role.SERVICE_PROVIDER).matches(worker))
                .isFalse();
        assertThat(new AccountSearch(null, SHELTER, Role.GUARDIAN).matches(worker))
                .isFalse();
    }
}
