package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

@PlatformTest
class DisplayNamesTests {

    @Autowired
    AccountManagement accounts;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    JdbcClient jdbc;

    Account account(String displayName) {
        return accounts.create(new AccountManagement.NewAccount(
                "names-" + UUID.randomUUID().toString().substring(0, 8),
                displayName,
                null,
                organisations.all().getFirst().id(),
                Set.of(Role.IDENTIFICATION_OFFICER),
                "a long synthetic password"));
    }

    @Test
    void namesAreGivenForAccountsOnlyAndAChangeShowsAtOnce() {
        var officer = account("Synthetic Officer");
        var unknown = UUID.randomUUID();

        assertThat(accounts.displayNames(List.of(officer.id(), unknown)))
                .containsExactlyEntriesOf(java.util.Map.of(officer.id(), "Synthetic Officer"));

        var administrator = TestSignIn.actor(Role.ADMINISTRATOR, officer.organisationId());
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        administrator, null, AccountPrincipal.authoritiesOf(administrator)));
        try {
            var current = accounts.find(officer.id()).orElseThrow();
            accounts.change(
                    officer.id(),
                    current.version(),
                    new AccountManagement.AccountChange("Synthetic Officer Renamed", null, current.roles()));
        } finally {
            SecurityContextHolder.clearContext();
        }

        assertThat(accounts.displayNames(List.of(officer.id())))
                .containsEntry(officer.id(), "Synthetic Officer Renamed");
    }

    @Test
    void aNameReadIsKeptWhileNothingChangesThroughThisInstance() {
        var officer = account("Synthetic Kept");
        assertThat(accounts.displayNames(List.of(officer.id()))).containsEntry(officer.id(), "Synthetic Kept");

        // another instance renames the account: this one shows the name it read until the time-to-live (1 min)
        jdbc.sql("update access.account set display_name = 'Synthetic Elsewhere' where id = :id")
                .param("id", officer.id())
                .update();

        assertThat(accounts.displayNames(List.of(officer.id()))).containsEntry(officer.id(), "Synthetic Kept");
    }
}
