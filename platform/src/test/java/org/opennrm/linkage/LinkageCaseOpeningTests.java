package org.opennrm.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.ConsentPurpose;
import org.opennrm.cases.ConsentStatement;
import org.opennrm.cases.OpenCase;
import org.opennrm.cases.PersonIdentity;
import org.opennrm.cases.TraffickingProfile;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Opening a case runs the duplicate check: a second referral of a near-identical person raises a possible
 * duplicate of the first case, a referral of someone else does not. Synthetic persons only.
 */
@PlatformTest
class LinkageCaseOpeningTests {

    @Autowired
    CaseManagement caseManagement;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    final String family =
            "Caseopenko" + Long.toString(Math.abs(UUID.randomUUID().getLeastSignificantBits()), 36);

    OpenCase referral(String given, String familyName, LocalDate born) {
        return new OpenCase(
                new PersonIdentity(given, familyName, null, born, null, "Feminine", Set.of("MDA"), Set.of("ron")),
                false,
                "Synthetic referral for a linkage test.",
                TraffickingProfile.empty(),
                List.of(new ConsentStatement(ConsentPurpose.ASSISTANCE, null, true)),
                List.of(),
                null,
                null);
    }

    @Test
    void aSecondReferralOfTheSamePersonIsAPossibleDuplicateOfTheFirstCase() throws Exception {
        UUID organisation = organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        var first = caseManagement.openFor(
                organisation, UUID.randomUUID(), referral("Doina", family, LocalDate.of(1994, 8, 19)));
        var again = caseManagement.openFor(
                organisation, UUID.randomUUID(), referral("DOINA", family + "u", LocalDate.of(1994, 8, 19)));
        var other = caseManagement.openFor(
                organisation, UUID.randomUUID(), referral("Amara", "Nwosu" + family, LocalDate.of(2002, 1, 3)));

        mvc.perform(get("/linkage/duplicates/case/{caseId}", first.caseId().value())
                        .with(as(Role.CASE_MANAGER, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(again.reference())));
        assertThat(jdbc.sql("select count(*) from linkage.possible_duplicate where case_id = :a or other_case_id = :a")
                        .param("a", other.caseId().value())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select case_reference from linkage.person_encoding where case_id = :id")
                        .param("id", first.caseId().value())
                        .query(String.class)
                        .single())
                .isEqualTo(first.reference());
    }
}
