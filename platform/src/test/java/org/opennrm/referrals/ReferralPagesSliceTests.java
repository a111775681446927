package org.opennrm.referrals;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.access.Role;
import org.opennrm.access.WebSliceSecurity;
import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseRuleFixtures;
import org.opennrm.cases.CodeLists;
import org.opennrm.cases.ConsentPurpose;
import org.opennrm.cases.ConsentStatement;
import org.opennrm.cases.ProfileChoices;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.ui.Navigation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The referrer's pages as a web slice: the controller, the platform's security, the layout and the real code lists
 * run; referrals and case management are stand-ins. The web's own part: who reaches the form, the form fit for a
 * phone and in three languages, field rules answered on the form, and a refusal by the case shown next to its field
 * with everything typed kept. The rules themselves are the aggregate's ({@code CaseTests},
 * {@code CasesModuleTests}); a referral that becomes a case and the referrer's view of it are in
 * {@code ReferralsWebTests}.
 */
@WebMvcTest(
        controllers = ReferralController.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = WebSliceSecurity.SLICE_EXCLUDED))
@Import({
    WebSliceSecurity.class,
    Navigation.class,
    CodeLists.class,
    ProfileChoices.class,
    ReferralPagesSliceTests.SystemClock.class
})
@ActiveProfiles("test")
class ReferralPagesSliceTests {

    /** The platform's clock, as the application has it: whether a person is a child is decided on today's date. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SystemClock {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    static final UUID INSPECTORATE = UUID.randomUUID();
    static final UUID OFFICE = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Referrals referrals;

    @MockitoBean
    CaseManagement cases;

    @MockitoBean
    OrganisationRegistry organisations;

    @Test
    void referralFormWorksOnAPhoneAndLinksTheScreening() throws Exception {
        var screening = UUID.randomUUID();
        when(cases.screeningContext(screening)).thenReturn(Optional.empty());

        mvc.perform(get("/referrals/new")
                        .param("screening", screening.toString())
                        .with(as(Role.REFERRER, INSPECTORATE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"viewport\"")))
                .andExpect(content().string(containsString("value=\"" + screening + "\"")))
                .andExpect(content().string(containsString("id=\"screening-linked\"")))
                .andExpect(content().string(containsString("Forced labour")))
                .andExpect(content().string(containsString("id=\"save\"")))
                .andExpect(content().string(not(containsString("checked=\"checked\""))));
    }

    @Test
    void childReferralWithoutGuardianIsRefusedWithAClearMessageAndInputKept() throws Exception {
        // the case refuses a child without the guardian appointed: the form never sent one
        when(referrals.refer(argThat(request -> request.guardianAccountId() == null)))
                .thenThrow(CaseRuleFixtures.guardianMissing());

        mvc.perform(post("/referrals/new")
                        .with(csrf())
                        .with(as(Role.REFERRER, INSPECTORATE))
                        .param("givenName", "Mira")
                        .param("ageEstimate", "15")
                        .param("circumstances", "Begging at the station"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "guardianAccountId"))
                .andExpect(content().string(containsString("choose the guardian appointed")))
                .andExpect(content().string(containsString("value=\"Mira\"")))
                .andExpect(content().string(containsString("Begging at the station")));
    }

    @Test
    void eventDatedInTheFutureIsRefusedWithAClearMessage() throws Exception {
        mvc.perform(ReferralsWebTests.adultReferral("Future", LocalDate.now().plusDays(5), true)
                        .with(as(Role.REFERRER, INSPECTORATE)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "eventDate"))
                .andExpect(content().string(containsString("cannot be dated in the future")));
        // a field rule of the form: the referral never reaches the case
        verify(referrals, never()).refer(any());
    }

    @Test
    void adultWithoutConsentIsPointedToTheAnonymousNotification() throws Exception {
        // the case refuses an adult whose consent to assistance the form sent as not given
        when(referrals.refer(argThat(request ->
                        request.consents().contains(new ConsentStatement(ConsentPurpose.ASSISTANCE, null, false)))))
                .thenThrow(CaseRuleFixtures.consentForAssistance());

        mvc.perform(ReferralsWebTests.adultReferral("Declined", LocalDate.now().minusDays(10), false)
                        .with(as(Role.REFERRER, INSPECTORATE)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "consentAssistance"))
                .andExpect(content().string(containsString("send an anonymous notification instead")));
    }

    @Test
    void anAnonymousNotificationIsSentWithAFlashAndAChildIsPointedToTheReferral() throws Exception {
        mvc.perform(post("/referrals/anonymous")
                        .with(csrf())
                        .with(as(Role.REFERRER, INSPECTORATE))
                        .param("gender", "Masculine")
                        .param("ageGroup", "AGE_21_23")
                        .param("nationality", "UKR")
                        .param("exploitationForms", "ForcedBegging")
                        .param("region", "North"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/referrals/mine"))
                .andExpect(flash().attribute("flash", "anonymous.flash.sent"));
        verify(cases)
                .notifyAnonymously(argThat(notification -> notification.ageGroup() == AgeGroup.AGE_21_23
                        && "UKR".equals(notification.nationality())
                        && notification.exploitationForms().contains("ForcedBegging")));

        when(cases.notifyAnonymously(argThat(notification -> notification.ageGroup() == AgeGroup.AGE_9_17)))
                .thenThrow(CaseRuleFixtures.childNotAnonymous());
        mvc.perform(post("/referrals/anonymous")
                        .with(csrf())
                        .with(as(Role.REFERRER, INSPECTORATE))
                        .param("ageGroup", "AGE_9_17"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("refer the child")));
    }

    @Test
    void pagesSpeakFrenchAndRussian() throws Exception {
        mvc.perform(get("/referrals/new").param("lang", "fr").with(as(Role.REFERRER, INSPECTORATE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Orienter une personne vers le MNO")))
                .andExpect(content().string(containsString("Travail forcé")));
        mvc.perform(get("/referrals/mine").param("lang", "ru").with(as(Role.REFERRER, INSPECTORATE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Мои направления")));
    }

    @Test
    void onlyReferrersCanRefer() throws Exception {
        mvc.perform(get("/referrals/new").with(as(Role.STATISTICIAN, OFFICE))).andExpect(status().isForbidden());
        mvc.perform(ReferralsWebTests.adultReferral(
                                "Statistician", LocalDate.now().minusDays(10), true)
                        .with(as(Role.STATISTICIAN, OFFICE)))
                .andExpect(status().isForbidden());
        verifyNoInteractions(referrals);
    }
}
