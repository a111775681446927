package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@PlatformTest
class AuditWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail audit;

    @Autowired
    AuditChain chain;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    JdbcClient jdbc;

    UUID organisation() {
        return organisations.all().getFirst().id();
    }

    @Test
    void administratorFindsTheEntriesOfARecord() throws Exception {
        String recordId = UUID.randomUUID().toString();
        audit.record(AuditAction.UPDATE, "web-test-record", recordId, "changed status");
        audit.record(AuditAction.READ, "web-test-record", UUID.randomUUID().toString(), "another record");

        mvc.perform(get("/audit")
                        .param("recordType", "web-test-record")
                        .param("recordId", recordId)
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(recordId)))
                .andExpect(content().string(containsString("changed status")))
                .andExpect(content().string(not(containsString("another record"))));
    }

    @Test
    void administratorFindsTheEntriesOfAnAccountByNameOrId() throws Exception {
        UUID accountId = UUID.randomUUID();
        String username = "audit-web-" + accountId.toString().substring(0, 8);
        audit.recordFor(accountId, username, organisation(), AuditAction.SIGN_IN_FAILED, "bad password");

        mvc.perform(get("/audit")
                        .param("account", username.toUpperCase())
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(username)))
                .andExpect(content().string(containsString("Sign-in failed")));
        mvc.perform(get("/audit")
                        .param("account", accountId.toString())
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(username)));
    }

    @Test
    void timeRangeWithoutEntriesShowsNone() throws Exception {
        mvc.perform(get("/audit")
                        .param("from", "2001-01-01")
                        .param("to", "2001-01-31")
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No entries match this search.")))
                .andExpect(content().string(not(containsString("id=\"audit-entries\""))));
    }

    @Test
    void longResultsArePagedNewestFirst() throws Exception {
        String recordId = UUID.randomUUID().toString();
        for (int i = 1; i <= 52; i++) {
            audit.record(AuditAction.READ, "web-test-paged", recordId, "read number " + i + ".");
        }

        mvc.perform(get("/audit")
                        .param("recordType", "web-test-paged")
                        .param("recordId", recordId)
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("read number 52.")))
                .andExpect(content().string(containsString("read number 3.")))
                .andExpect(content().string(not(containsString("read number 2."))))
                .andExpect(content().string(containsString("page=1")));
        mvc.perform(get("/audit")
                        .param("recordType", "web-test-paged")
                        .param("recordId", recordId)
                        .param("page", "1")
                        .with(TestSignIn.as(Role.ADMINISTRATOR, organisation())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("read number 2.")))
                .andExpect(content().string(containsString("read number 1.")))
                .andExpect(content().string(not(containsString("read number 3."))));
    }

    @Test
    void invalidDateIsShownAtItsField() throws Exception {
        mvc.perform(get("/audit").param("from", "yesterday").with(TestSignIn.as(Role.ADMINISTRATOR, organisation())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"from-error\"")))
                .andExpect(content().string(containsString("Give a date such as 2026-01-31.")));
    }

    @Test
    void readingTheAuditTrailIsRecorded() throws Exception {
        var admin = TestSignIn.actor(Role.ADMINISTRATOR, organisation());

        mvc.perform(get("/audit").param("recordType", "account").with(TestSignIn.as(admin)))
                .andExpect(status().isOk());

        var detail = jdbc.sql("select detail from access.audit_entry where account_id = :id and action = 'READ'"
                        + " and record_type = 'audit'")
                .param("id", admin.accountId())
                .query(String.class)
                .list();
        assertThat(detail).containsExactly("search recordType=account page=0");
    }

    @Test
    void typedNamesAreNotCopiedIntoTheEntryOfASearch() throws Exception {
        var admin = TestSignIn.actor(Role.ADMINISTRATOR, organisation());

        mvc.perform(get("/audit")
                        .param("recordType", "person")
                        .param("recordId", "Synthetic Name Omega")
                        .with(TestSignIn.as(admin)))
                .andExpect(status().isOk());

        var detail = jdbc.sql("select detail from access.audit_entry where account_id = :id and record_type = 'audit'")
                .param("id", admin.accountId())
                .query(String.class)
                .single();
        assertThat(detail).doesNotContain("Omega").contains("recordId=(text)");
    }

    @Test
    void rolesWithoutAuditRightsAreRefused() throws Exception {
        for (Role role : new Role[] {Role.REFERRER, Role.COORDINATOR, Role.CASE_MANAGER, Role.STATISTICIAN}) {
            mvc.perform(get("/audit").with(TestSignIn.as(role, organisation()))).andExpect(status().isForbidden());
            mvc.perform(get("/audit/verify").with(TestSignIn.as(role, organisation())))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/audit/verify").with(csrf()).with(TestSignIn.as(role, organisation())))
                    .andExpect(status().isForbidden());
        }
    }

    @Autowired
    AuditCheckpoints checkpoints;

    @Test
    void verifyPageOffersTheCheckAndShowsAnIntactChain() throws Exception {
        mvc.perform(get("/audit/verify").with(TestSignIn.as(Role.ADMINISTRATOR, organisation())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"verify\"")))
                .andExpect(content().string(not(containsString("verification-result"))));

        checkpoints.publish();
        mvc.perform(post("/audit/verify").with(csrf()).with(TestSignIn.as(Role.ADMINISTRATOR, organisation())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Intact: ")))
                .andExpect(content().string(containsString("entries checked, none changed or missing.")))
                .andExpect(content().string(containsString("signed checkpoints kept outside the database")));
    }

    @Test
    void verifyPageShowsWhereTheChainBroke() throws Exception {
        String recordId = UUID.randomUUID().toString();
        audit.record(AuditAction.READ, "web-test-broken", recordId, "original");
        audit.record(AuditAction.READ, "web-test-broken", UUID.randomUUID().toString(), "after");
        chain.seal();
        long sequence = jdbc.sql("select sequence from access.audit_trail where record_id = :id")
                .param("id", recordId)
                .query(Long.class)
                .single();
        jdbc.sql("alter table access.audit_entry disable trigger user").update();
        try {
            jdbc.sql("update access.audit_entry set detail = 'edited'"
                            + " where id = (select entry_id from access.audit_seal where sequence = :s)")
                    .param("s", sequence)
                    .update();

            mvc.perform(post("/audit/verify").with(csrf()).with(TestSignIn.as(Role.ADMINISTRATOR, organisation())))
                    .andExpect(status().isOk())
                    .andExpect(content()
                            .string(containsString("Broken at entry " + sequence + ": its content was changed.")));
        } finally {
            jdbc.sql("update access.audit_entry set detail = 'original'"
                            + " where id = (select entry_id from access.audit_seal where sequence = :s)")
                    .param("s", sequence)
                    .update();
            jdbc.sql("alter table access.audit_entry enable trigger user").update();
        }
    }

    @Test
    void verifyWithoutTheFormTokenRunsNoCheck() throws Exception {
        long checks = checksRecorded();

        var status = mvc.perform(post("/audit/verify").with(TestSignIn.as(Role.ADMINISTRATOR, organisation())))
                .andReturn()
                .getResponse()
                .getStatus();

        assertThat(status).isNotEqualTo(200);
        assertThat(checksRecorded()).isEqualTo(checks);
    }

    private long checksRecorded() {
        return jdbc.sql("select count(*) from access.audit_entry where action = 'AUDIT_VERIFIED'")
                .query(Long.class)
                .single();
    }
}
