package org.opennrm.cases.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.opennrm.access.AccountManagement;
import org.opennrm.access.WebSliceSecurity;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CodeLists;
import org.opennrm.cases.Erasure;
import org.opennrm.cases.ProfileChoices;
import org.opennrm.cases.SurvivorTexts;
import org.opennrm.cases.queue.QueuePages;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.referrals.ServiceReferrals;
import org.opennrm.ui.Navigation;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The queue, the case page, the identification decision forms and what the person reads, as one web slice: their
 * controllers, the platform's security and the layout run; case management, the organisations' registry, the accounts,
 * the queue's kept pages, and the erasure and service-referral beans the case page's template asks for by name are
 * stand-ins (inject them with {@code @Autowired} and tell them what to answer). The code lists and the texts the person
 * reads are the shipped ones; the clock stands at {@link #NOW}. Every test class with this annotation shares one
 * application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(
        controllers = {CaseController.class, DecisionController.class, PersonTextsController.class},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = WebSliceSecurity.SLICE_EXCLUDED))
@Import({WebSliceSecurity.class, Navigation.class, CasesWebSlice.Collaborators.class})
@MockitoBean(types = {CaseManagement.class, OrganisationRegistry.class, AccountManagement.class, QueuePages.class})
// beans the case page's template calls by name
@MockitoBean(name = "erasure", types = Erasure.class)
@MockitoBean(name = "serviceReferrals", types = ServiceReferrals.class)
@ActiveProfiles("test")
@interface CasesWebSlice {

    /** The slice's "now": a month after {@link CaseFixtures#REFERRED_ON}. */
    Instant NOW = Instant.parse("2026-04-01T09:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    class Collaborators {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        CodeLists codeLists() {
            return CaseFixtures.shippedCodeLists();
        }

        @Bean
        SurvivorTexts survivorTexts() throws java.io.IOException {
            return new SurvivorTexts("");
        }

        @Bean
        ProfileChoices profileChoices(CodeLists codeLists) {
            return CaseFixtures.profileChoices(codeLists);
        }
    }
}
