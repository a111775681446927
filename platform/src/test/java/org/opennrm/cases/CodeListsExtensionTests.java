package org.opennrm.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.statistics.publishing.NationalParents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * National code-list extensions made in the pages: a national code is offered at once in the forms with its label in
 * the reader's language, maps to its standard parent where a return or an export needs it, is a new version of its
 * list and audited; a retired code is no longer offered but stays valid with its label; bad input is refused at the
 * field and nothing is saved.
 */
@PlatformTest
class CodeListsExtensionTests {

    static final String[] LANGUAGES = {"en", "fr", "de", "it", "ru", "es"};

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CodeLists codeLists;

    @Autowired
    MessageSource messages;

    @Autowired
    org.opennrm.statistics.publishing.CategoryLabels labels;

    @Autowired
    org.opennrm.statistics.publishing.ReturnCounts returnCounts;

    final UUID nrm = UUID.randomUUID();
    final UUID organisation = UUID.randomUUID();

    /** A code of words, letters only: a fact holds capital letters and underscores. */
    static String newCode() {
        var letters = new StringBuilder("Natl");
        var random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    MockHttpServletRequestBuilder add(String list, String code, String parent, String leftOut) {
        var request = post("/settings/code-lists/{list}", list)
                .with(as(Role.ADMINISTRATOR, nrm))
                .with(csrf())
                .param("code", code)
                .param("parent", parent);
        for (String language : LANGUAGES) {
            if (!language.equals(leftOut)) {
                request.param("label." + language, "Harvest debt " + code.substring(4, 8) + " (" + language + ")");
            }
        }
        return request;
    }

    int version(String list) {
        return jdbc.sql("select coalesce(max(version), 1) from cases.code_list_version where list = :list")
                .param("list", list)
                .query(Integer.class)
                .single();
    }

    @Test
    void aNationalCodeIsOfferedAtOnceWithItsLabelsMapsToItsParentAndARetiredOneKeepsItsLabel() throws Exception {
        String code = newCode();
        String label = "Harvest debt " + code.substring(4, 8);
        int before = version(CodeLists.EXPLOITATION_FORM);

        mvc.perform(add(CodeLists.EXPLOITATION_FORM, code, "ForcedLabour", null))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/settings/code-lists/exploitationForm"));

        assertThat(version(CodeLists.EXPLOITATION_FORM)).isEqualTo(before + 1);
        assertThat(codeLists.codes(CodeLists.EXPLOITATION_FORM)).contains(code);
        assertThat(codeLists.standard(CodeLists.EXPLOITATION_FORM, code)).isEqualTo("ForcedLabour");
        assertThat(codeLists.standard(CodeLists.EXPLOITATION_FORM, "Other")).isEqualTo("Other");
        // statistics and returns read it as its standard parent, in the codes facts hold
        String factCode = code.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        assertThat(NationalParents.of(codeLists, CodeLists.EXPLOITATION_FORM)).containsEntry(factCode, "FORCED_LABOUR");
        // the national tables label the code statistics write with the label written in the pages
        assertThat(labels.label("exploitation-form", factCode, Locale.FRENCH)).isEqualTo(label + " (fr)");
        // an official return counts a fact with the national form under its parent (a year no other test uses)
        jdbc.sql("""
                        insert into statistics.fact (event_kind, period_year, period_quarter, period_month,
                            exploitation_forms)
                        values ('REFERRAL', 1991, 1, 1, cast(:forms as varchar(40)[]))""").param("forms", "{" + factCode + "}").update();
        java.util.List<org.opennrm.statistics.publishing.FactGroup> groups;
        try {
            groups = SignedIn.as(
                    Role.STATISTICIAN,
                    nrm,
                    () -> returnCounts.tally(
                            java.util.Set.of("REFERRAL"),
                            java.time.YearMonth.of(1991, 1),
                            java.time.YearMonth.of(1991, 1)));
        } finally {
            // other tests count every registration: the fact is taken out again
            jdbc.sql("delete from statistics.fact where period_year = 1991 and :code = any(exploitation_forms)")
                    .param("code", factCode)
                    .update();
        }
        assertThat(groups)
                .flatExtracting(org.opennrm.statistics.publishing.FactGroup::forms)
                .contains("FORCED_LABOUR")
                .doesNotContain(factCode);
        assertThat(messages.getMessage("code.exploitationForm." + code, null, Locale.GERMAN))
                .isEqualTo(label + " (de)");
        // the referral form offers it, in the reader's language
        mvc.perform(get("/referrals/new").with(as(Role.REFERRER, organisation)).locale(Locale.ITALIAN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(label + " (it)")));
        assertThat(jdbc.sql("""
                        select detail from access.audit_entry where record_type = 'code_list'
                        and record_id = 'exploitationForm' and detail like :code""")
                        .param("code", "%added " + code + " parent=ForcedLabour")
                        .query(String.class)
                        .list())
                .hasSize(1);

        mvc.perform(post("/settings/code-lists/{list}/{code}/retire", CodeLists.EXPLOITATION_FORM, code)
                        .with(as(Role.ADMINISTRATOR, nrm))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(version(CodeLists.EXPLOITATION_FORM)).isEqualTo(before + 2);
        assertThat(codeLists.codes(CodeLists.EXPLOITATION_FORM)).doesNotContain(code);
        assertThat(codeLists.contains(CodeLists.EXPLOITATION_FORM, code))
                .as("a case recorded with it keeps it")
                .isTrue();
        assertThat(messages.getMessage("code.exploitationForm." + code, null, Locale.ENGLISH))
                .isEqualTo(label + " (en)");
        mvc.perform(get("/referrals/new").with(as(Role.REFERRER, organisation)).locale(Locale.ITALIAN))
                .andExpect(content().string(not(containsString(label))));
        mvc.perform(get("/settings/code-lists/exploitationForm").with(as(Role.ADMINISTRATOR, nrm)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(label + " (en)")))
                .andExpect(content().string(containsString("Retired: no longer offered")));
    }

    @Test
    void aTakenMalformedOrUnlabelledCodeOrAParentThatIsNotStandardIsRefusedAtItsField() throws Exception {
        int before = version(CodeLists.METHOD_OF_CONTROL);
        mvc.perform(add(CodeLists.METHOD_OF_CONTROL, "DebtBondage", "Other", null))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("This list already has this code")));
        mvc.perform(add(CodeLists.METHOD_OF_CONTROL, "debt bondage!", "Other", null))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Write the code as words joined together")));
        // capitals in a row: statistics could not find its label again from the code they write
        mvc.perform(add(CodeLists.METHOD_OF_CONTROL, "HouseholdDEBT", "Other", null))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Write the code as words joined together")));
        mvc.perform(add(CodeLists.METHOD_OF_CONTROL, newCode(), "Other", "ru"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Write the label in this language")));
        String national = newCode();
        mvc.perform(add(CodeLists.METHOD_OF_CONTROL, national, "Other", null)).andExpect(status().is3xxRedirection());
        // a national code is not a standard parent, nor is a code of another list
        mvc.perform(add(CodeLists.METHOD_OF_CONTROL, newCode(), national, null))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose one of the standard codes of this list")));
        mvc.perform(add(CodeLists.METHOD_OF_CONTROL, newCode(), "ForcedLabour", null))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose one of the standard codes of this list")));
        assertThat(version(CodeLists.METHOD_OF_CONTROL)).isEqualTo(before + 1);
    }

    @Test
    void aListWhoseCodesStatisticsReadAsStandardCannotBeExtended() throws Exception {
        // who reaches the code lists is CodeListsSliceTests'
        mvc.perform(add(CodeLists.SECTOR, newCode(), "A_AgricultureForestryAndFishing", null))
                .andExpect(status().isNotFound());
        mvc.perform(add(CodeLists.GENDER, newCode(), "Feminine", null)).andExpect(status().isNotFound());
    }

    @Autowired
    CaseManagement cases;

    @Autowired
    org.opennrm.organisations.OrganisationRegistry organisations;

    @Test
    void aCaseRecordedWithANationalCodeKeepsItWhenTheCodeIsRetiredAndItsProfileFormStillShowsIt() throws Exception {
        String code = newCode();
        mvc.perform(add(CodeLists.METHOD_OF_CONTROL, code, "Other", null))
                .andExpect(result -> assertThat(result.getResponse().getStatus())
                        .as(() -> fieldErrors(result.getResponse()))
                        .isEqualTo(302));
        UUID inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        UUID office = organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        var fixture = CaseFixtures.adultReferral(office);
        var base = fixture.profile();
        var profile = new TraffickingProfile(
                base.exploitationForms(),
                java.util.Set.of("DebtBondage", code),
                base.sectors(),
                base.recruitmentMethods(),
                base.recruitmentPlatforms(),
                base.recruiterRelationship(),
                base.recruitmentCountries(),
                base.transitCountries(),
                base.exploitationCountries(),
                base.vulnerabilities(),
                base.sexualExploitationTypes());
        var opened = SignedIn.as(
                Role.REFERRER,
                inspectorate,
                () -> cases.open(new OpenCase(
                        fixture.person(),
                        fixture.ageInDoubt(),
                        fixture.circumstances(),
                        profile,
                        fixture.consents(),
                        fixture.events(),
                        fixture.guardianAccountId(),
                        fixture.screeningId())));
        mvc.perform(post("/settings/code-lists/{list}/{code}/retire", CodeLists.METHOD_OF_CONTROL, code)
                        .with(as(Role.ADMINISTRATOR, nrm))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(
                        get("/cases/{id}/profile", opened.caseId().value()).with(as(Role.CASE_MANAGER, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Harvest debt " + code.substring(4, 8) + " (en)")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int value = page.indexOf("value=\"" + code + "\"");
        assertThat(value).as("the retired code is still a choice of the form").isPositive();
        String input = page.substring(page.lastIndexOf("<input", value), page.indexOf(">", value));
        assertThat(input)
                .as("and it is ticked, so that saving the profile keeps it")
                .contains("checked");
    }

    static String fieldErrors(org.springframework.mock.web.MockHttpServletResponse response) {
        try {
            return org.jsoup.Jsoup.parse(response.getContentAsString())
                    .select(".field-error, .error")
                    .text();
        } catch (java.io.UnsupportedEncodingException e) {
            return e.toString();
        }
    }
}
