package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.organisations.ContactPoint;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.OrganisationDetails;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.Sector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

@PlatformTest
class OrganisationAuditingTests {

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void registeringAndSuspendingAnOrganisationIsAuditedWithTheActor() {
        var actor = TestSignIn.actor(
                Role.COORDINATOR, organisations.all().getFirst().id());
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        actor, null, AccountPrincipal.authoritiesOf(actor)));
        try {
            var registered = organisations.register(new OrganisationDetails(
                    "Audited Clinic " + UUID.randomUUID(),
                    Sector.HEALTH,
                    Set.of(NrmRole.REFERRER),
                    Set.of(),
                    Set.of("East"),
                    List.of(new ContactPoint("Front desk", null, null, "desk@example.org"))));
            organisations.suspend(registered.id());

            List<String> entries = jdbc.sql(
                            "select action || ' ' || coalesce(account_id::text, '-') from access.audit_entry "
                                    + "where record_type = 'organisation' and record_id = :id order by id")
                    .param("id", registered.id().toString())
                    .query(String.class)
                    .list();
            assertThat(entries).containsExactly("CREATE " + actor.accountId(), "UPDATE " + actor.accountId());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
