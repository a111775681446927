package org.opennrm.organisations.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.opennrm.access.TestSignIn.as;
import static org.opennrm.organisations.OrganisationFixtures.organisation;
import static org.opennrm.organisations.OrganisationFixtures.registered;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Pages;
import org.opennrm.access.Role;
import org.opennrm.access.WebSliceSecurity;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.OrganisationNameTaken;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.PartiesMissing;
import org.opennrm.organisations.PartnershipAgreements;
import org.opennrm.organisations.Sector;
import org.opennrm.ui.Navigation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The organisation pages as a web slice: only this controller, the platform's security and the page layout run;
 * the registry is a stand-in. What is tested here is the web's own part (permissions before anything is read,
 * field messages, labels instead of codes, nothing stored from a refused form); the registry's rules are tested in
 * {@code OrganisationsModuleTests}, and the whole journey in the browser tests.
 */
@WebMvcTest(
        controllers = {OrganisationController.class, AgreementController.class},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = WebSliceSecurity.SLICE_EXCLUDED))
@Import({WebSliceSecurity.class, Navigation.class})
@ActiveProfiles("test")
class OrganisationPagesSliceTests {

    static final UUID OFFICE = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    OrganisationRegistry registry;

    @MockitoBean
    PartnershipAgreements agreements;

    @Test
    void theListShowsSectorsAndRolesInWordsNeverCodes() throws Exception {
        var outreach = registered(
                organisation("Riverside Outreach", Sector.COMMUNITY_OR_RELIGIOUS_ORGANISATION, NrmRole.REFERRER));
        when(registry.search(any())).thenReturn(List.of(outreach));

        mvc.perform(get("/organisations").with(as(Role.REFERRER, OFFICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Riverside Outreach")))
                .andExpect(content().string(containsString("<td>Community or religious organisation</td>")))
                .andExpect(content().string(containsString("<span class=\"badge\">Referrer</span>")))
                // codes appear only as the values of the search form's options, never as text
                .andExpect(content().string(not(containsString(">COMMUNITY_OR_RELIGIOUS_ORGANISATION<"))))
                .andExpect(content().string(not(containsString(">REFERRER<"))));
    }

    @Test
    void nobodySignedOutSeesTheListAndAReferrerCannotOpenTheRegistrationForm() throws Exception {
        // a browser asks for a page and is sent to sign in; htmx asking for a fragment is answered 401
        mvc.perform(get("/organisations").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/organisations").header("HX-Request", "true")).andExpect(status().isUnauthorized());
        mvc.perform(get("/organisations/new").with(as(Role.REFERRER, OFFICE))).andExpect(status().isForbidden());
        mvc.perform(post("/organisations/new")
                        .with(as(Role.REFERRER, OFFICE))
                        .with(csrf())
                        .param("name", "Anything"))
                .andExpect(status().isForbidden());
        verify(registry, never()).register(any());
    }

    @Test
    void aFormWithoutANameOrWithoutItsTokenIsRefusedAndNothingIsRegistered() throws Exception {
        mvc.perform(post("/organisations/new")
                        .with(as(Role.COORDINATOR, OFFICE))
                        .with(csrf())
                        .param("name", "")
                        .param("sector", "NGO"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "name"));
        mvc.perform(post("/organisations/new")
                        .with(as(Role.COORDINATOR, OFFICE))
                        .param("name", "No token")
                        .param("sector", "NGO"))
                // without the form's token the post is not taken: the person is sent to sign in again
                .andExpect(redirectedUrl("/login?expired"));
        verify(registry, never()).register(any());
    }

    @Test
    void aNameAlreadyTakenComesBackAsAFieldMessageWithTheTypedForm() throws Exception {
        when(registry.register(any())).thenThrow(new OrganisationNameTaken("Safe Harbour Shelter"));

        mvc.perform(post("/organisations/new")
                        .with(as(Role.COORDINATOR, OFFICE))
                        .with(csrf())
                        .param("name", "Safe Harbour Shelter")
                        .param("sector", "NGO")
                        .param("nrmRoles", "SERVICE_PROVIDER")
                        .param("contactPoints[0].name", "Duty desk")
                        .param("contactPoints[0].phone", "+000 000 0000"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "organisation.name.taken"))
                .andExpect(content().string(containsString("value=\"Safe Harbour Shelter\"")));
    }

    @Test
    void aRegisteredOrganisationLeadsToItsPage() throws Exception {
        var registered = registered(organisation("Hillside Shelter", Sector.NGO, NrmRole.SERVICE_PROVIDER));
        when(registry.register(any())).thenReturn(registered);

        mvc.perform(post("/organisations/new")
                        .with(as(Role.COORDINATOR, OFFICE))
                        .with(csrf())
                        .param("name", "Hillside Shelter")
                        .param("sector", "NGO")
                        .param("nrmRoles", "SERVICE_PROVIDER")
                        .param("contactPoints[0].name", "Duty desk")
                        .param("contactPoints[0].phone", "+000 000 0000"))
                .andExpect(redirectedUrl("/organisations/" + registered.id()));
    }

    /** A form for an agreement that passes the form's own checks, so that only the registry's refusal is left. */
    static MockHttpServletRequestBuilder agreementForm() {
        return post("/agreements/new")
                .with(as(Role.COORDINATOR, OFFICE))
                .with(csrf())
                .param("title", "Memorandum on shelter referrals")
                .param("scope", "Safe accommodation within 24 hours of a referral.")
                .param("parties[0].organisationId", OFFICE.toString())
                .param("parties[0].nrmRole", "NATIONAL_COORDINATOR")
                .param("parties[1].organisationId", UUID.randomUUID().toString())
                .param("parties[1].nrmRole", "SERVICE_PROVIDER")
                .param("signedOn", "2025-02-01")
                .param("nextReviewOn", "2027-02-01");
    }

    String partiesError(MockHttpServletRequestBuilder request) throws Exception {
        var error = Pages.page(mvc, request, 200).getElementById("parties-error");
        assertThat(error).as("the parties' field message").isNotNull();
        return error.text();
    }

    @Test
    void aRefusalOfTheAgreementsPartiesShowsItsOwnReasonInTheReadersLanguage() throws Exception {
        // the reason the registry gives, not one message for every refusal of the parties
        when(agreements.register(any()))
                .thenThrow(new PartiesMissing(
                        "agreement.refused.partyWithoutRole",
                        "Every party of an agreement must have the NRM role it plays in it."))
                .thenThrow(new PartiesMissing(
                        "agreement.refused.partyRepeated",
                        "Each organisation can be a party to an agreement only once."))
                .thenThrow(new PartiesMissing(
                        "agreement.refused.partyWithoutOrganisation",
                        "Every party of an agreement must name an organisation."))
                .thenThrow(new PartiesMissing(
                        "agreement.refused.partyRepeated",
                        "Each organisation can be a party to an agreement only once."));

        assertThat(partiesError(agreementForm().header("Accept-Language", "fr")))
                .isEqualTo("Chaque partie à un accord doit avoir le rôle qu'elle y joue dans le MNO.");
        assertThat(partiesError(agreementForm().header("Accept-Language", "fr")))
                .isEqualTo("Une organisation ne peut être partie à un accord qu'une seule fois.");
        assertThat(partiesError(agreementForm().header("Accept-Language", "fr")))
                .isEqualTo("Chaque partie à un accord doit désigner une organisation.");
        // without a language asked for, in English
        assertThat(partiesError(agreementForm()))
                .isEqualTo("Each organisation can be a party to an agreement only once.");
    }
}
