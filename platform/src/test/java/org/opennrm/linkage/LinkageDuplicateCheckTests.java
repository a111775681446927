package org.opennrm.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The duplicate check when a referral arrives: the encoding of a near-identical person raises an alert, that of a
 * different person does not; case managers review alerts on their pages, and a review only records a decision.
 */
@PlatformTest
class LinkageDuplicateCheckTests {

    @Autowired
    DuplicateCheck check;

    @Autowired
    PersonEncoding encoding;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    final UUID organisation = UUID.randomUUID();

    /** A synthetic family name no other test uses, so that other tests' persons never match. */
    final String family =
            "Testovenko" + Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()), 36);

    byte[] person(String given, String familyName, String born) {
        return encoding.encode(given, familyName, LocalDate.parse(born), "F", "MDA");
    }

    @Test
    void aNearIdenticalPersonIsFoundAndADifferentOneIsNot() {
        UUID first = UUID.randomUUID();
        UUID same = UUID.randomUUID();
        UUID different = UUID.randomUUID();

        assertThat(check.check(first, "NRM-T-1", person("Nataliia", family, "1993-04-17")))
                .isEmpty();
        // a typo in the family name
        var raised = check.check(same, "NRM-T-2", person("Nataliia", "Tesro" + family.substring(5), "1993-04-17"));
        var none = check.check(different, "NRM-T-3", person("Grace", "Okafor" + family, "2001-09-02"));

        assertThat(raised).hasSize(1);
        assertThat(raised.getFirst().caseId()).isEqualTo(same);
        assertThat(raised.getFirst().otherCaseId()).isEqualTo(first);
        assertThat(raised.getFirst().otherCaseReference()).isEqualTo("NRM-T-1");
        assertThat(raised.getFirst().similarity()).isGreaterThanOrEqualTo(0.85).isLessThan(1.0);
        assertThat(raised.getFirst().status()).isEqualTo(DuplicateStatus.OPEN);
        assertThat(none).isEmpty();
        long stored = jdbc.sql("select count(*) from linkage.person_encoding where case_id in (:ids)")
                .param("ids", java.util.List.of(first, same, different))
                .query(Long.class)
                .single();
        assertThat(stored).isEqualTo(3);
        assertThat(jdbc.sql("select detail from access.audit_entry where record_type = 'duplicate-check'"
                                + " and record_id = :id")
                        .param("id", same.toString())
                        .query(String.class)
                        .list())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("possible duplicates=1 highest similarity=0.");
    }

    @Test
    void theSameEncodingCheckedAgainRaisesNoSecondAlert() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        check.check(first, person("Ilie", family, "1980-01-05"));

        assertThat(check.check(second, person("Ilie", family, "1980-01-05"))).hasSize(1);
        assertThat(check.check(second, person("Ilie", family, "1980-01-05"))).isEmpty();
    }

    @Test
    void aForgottenCaseIsNoLongerCompared() {
        UUID erased = UUID.randomUUID();
        check.check(erased, person("Mirela", family, "1985-03-03"));

        check.forget(erased);

        assertThat(check.check(UUID.randomUUID(), person("Mirela", family, "1985-03-03")))
                .isEmpty();
    }

    @Test
    void aPersonReferredManyTimesIsShownAgainstTheMostSimilarCasesOnly() {
        for (int i = 0; i < DuplicateCheck.MAX_ALERTS + 2; i++) {
            check.check(UUID.randomUUID(), person("Zinaida", family, "1960-10-10"));
        }

        var raised = check.check(UUID.randomUUID(), person("Zinaida", family, "1960-10-10"));

        assertThat(raised).hasSize(DuplicateCheck.MAX_ALERTS);
    }

    @Test
    void anEncodingWithAlmostNoIdentifiersIsStoredButNotCompared() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        check.check(first, encoding.encode(null, null, null, "M", "SYR"));

        assertThat(check.check(second, encoding.encode(null, null, null, "M", "SYR")))
                .isEmpty();
    }

    @Test
    void anEncodingOfTheWrongSizeIsRefused() {
        assertThatThrownBy(() -> check.check(UUID.randomUUID(), new byte[64]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("128 bytes");
    }

    @Test
    void theEncodingIsTheSameForTheSameIdentityWrittenDifferently() {
        assertThat(encoding.encode("Ana-Maria", "Ştefănescu", LocalDate.of(1990, 2, 3), "F", "ROU"))
                .isEqualTo(encoding.encode("ANA MARIA", "Stefanescu", LocalDate.of(1990, 2, 3), "F", "ROU"))
                .hasSize(128);
        assertThat(encoding.toString()).doesNotContain("Stefanescu");
    }

    @Test
    void caseManagersSeeOpenAlertsAndRecordADecisionWithoutMergingAnything() throws Exception {
        UUID known = UUID.randomUUID();
        UUID referred = UUID.randomUUID();
        check.check(known, "NRM-T-" + family + "-A", person("Oksana", family, "1999-12-24"));
        var alert = check.check(referred, "NRM-T-" + family + "-B", person("Oxana", family, "1999-12-24"))
                .getFirst();

        mvc.perform(get("/linkage/duplicates").with(as(Role.CASE_MANAGER, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("NRM-T-" + family + "-A")))
                .andExpect(content().string(containsString("href=\"/cases/" + referred + "\"")))
                .andExpect(content().string(containsString(alert.percent() + "%")));
        mvc.perform(get("/linkage/duplicates/case/{caseId}", known).with(as(Role.CASE_MANAGER, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("NRM-T-" + family + "-B")))
                .andExpect(content().string(not(containsString("<html"))));

        mvc.perform(post("/linkage/duplicates/{id}/review", alert.id())
                        .with(as(Role.CASE_MANAGER, organisation))
                        .with(csrf())
                        .param("decision", "CONFIRMED_SAME")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/linkage/duplicates"));

        var reviewed = jdbc.sql("select status, reviewed_at is not null from linkage.possible_duplicate where id = :id")
                .param("id", alert.id())
                .query((rs, row) -> rs.getString(1) + " " + rs.getBoolean(2))
                .single();
        assertThat(reviewed).isEqualTo("CONFIRMED_SAME true");
        mvc.perform(get("/linkage/duplicates").with(as(Role.CASE_MANAGER, organisation)))
                .andExpect(content().string(not(containsString("NRM-T-" + family + "-A"))));
        mvc.perform(get("/linkage/duplicates/case/{caseId}", referred).with(as(Role.CASE_MANAGER, organisation)))
                .andExpect(content().string(containsString("Same person")));
        assertThat(jdbc.sql("select count(*) from linkage.person_encoding where case_id in (:a, :b)")
                        .param("a", known)
                        .param("b", referred)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select detail from access.audit_entry where record_type = 'possible-duplicate'"
                                + " and record_id = :id and action = 'UPDATE'")
                        .param("id", alert.id().toString())
                        .query(String.class)
                        .list())
                .containsExactly("status=CONFIRMED_SAME");
    }

    @Test
    void aStaleOrMissingDecisionIsRefusedOnThePage() throws Exception {
        check.check(UUID.randomUUID(), person("Veronica", family, "1970-06-30"));
        var alert = check.check(UUID.randomUUID(), person("Veronika", family, "1970-06-30"))
                .getFirst();

        mvc.perform(post("/linkage/duplicates/{id}/review", alert.id())
                        .with(as(Role.CASE_MANAGER, organisation))
                        .with(csrf())
                        .param("decision", "CONFIRMED_DIFFERENT")
                        .param("version", "7"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Someone decided on this possible duplicate meanwhile")));
        mvc.perform(post("/linkage/duplicates/{id}/review", alert.id())
                        .with(as(Role.CASE_MANAGER, organisation))
                        .with(csrf())
                        .param("version", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(containsString("Choose &quot;Different persons&quot; or &quot;Same person&quot;.")));
        // the refusal's reason in the reader's language
        mvc.perform(post("/linkage/duplicates/{id}/review", alert.id())
                        .with(as(Role.CASE_MANAGER, organisation))
                        .with(csrf())
                        .header("Accept-Language", "fr")
                        .param("version", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(
                        content().string(containsString("Choisissez « Personnes différentes » ou « Même personne ».")));
        mvc.perform(post("/linkage/duplicates/{id}/review", alert.id())
                        .with(as(Role.CASE_MANAGER, organisation))
                        .with(csrf())
                        .param("decision", "CONFIRMED_DIFFERENT")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void onlyThoseWhoReadAllCaseFilesSeeAlertsAndOnlyCaseManagersDecide() throws Exception {
        for (Role role : new Role[] {Role.STATISTICIAN, Role.REFERRER, Role.SERVICE_PROVIDER, Role.ADMINISTRATOR}) {
            mvc.perform(get("/linkage/duplicates").with(as(role, organisation))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/linkage/duplicates").with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("name=\"decision\""))));
        mvc.perform(post("/linkage/duplicates/{id}/review", UUID.randomUUID())
                        .with(as(Role.COORDINATOR, organisation))
                        .with(csrf())
                        .param("decision", "CONFIRMED_SAME")
                        .param("version", "0"))
                .andExpect(status().isForbidden());
        // the facade checks too: nobody signed in, no alerts
        assertThatThrownBy(() -> check.open()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
