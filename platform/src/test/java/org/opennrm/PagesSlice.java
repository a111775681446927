package org.opennrm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.opennrm.access.AccountManagement;
import org.opennrm.access.WebSliceSecurity;
import org.opennrm.assistance.Assistance;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CodeListChanges;
import org.opennrm.cases.CodeLists;
import org.opennrm.cases.Erasure;
import org.opennrm.cases.ProfileChoices;
import org.opennrm.cases.SurvivorTexts;
import org.opennrm.cases.documents.CaseDocuments;
import org.opennrm.cases.exchange.HtcdsExport;
import org.opennrm.cases.notes.CaseNotes;
import org.opennrm.cases.queue.QueuePages;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.referrals.ServiceReferrals;
import org.opennrm.screening.ScreeningPagesBeans;
import org.opennrm.screening.Screenings;
import org.opennrm.ui.Navigation;
import org.opennrm.ui.PrefilledLabels;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * One web slice ({@code @WebMvcTest}) for the pages of cases, screening and assistance: the queue, the case page and
 * its forms, the identification decisions, the notes and contacts, the documents, what the person reads, the screening pages,
 * the settings pages of checklists and code lists, the HTCDS export page and the assistance pages; and for the APIs of cases, screening and assistance, whose services are the same stand-ins (the platform's
 * problem answers, RFC 9457, run as in the application). Their controllers ({@link #CONTROLLERS}), the platform's security ({@link WebSliceSecurity}), its
 * error answers and the layout run; the services behind them are stand-ins (Mockito mocks, reset after each test:
 * inject them with {@code @Autowired} and tell them what to answer): case management, the organisations' registry, the
 * accounts, the queue's kept pages, the case notes and documents, screenings, assistance, the code-list changes, the HTCDS export, the checklists' versions and changes ({@link ScreeningPagesBeans}), and the erasure and service-referral beans
 * the case page's template asks for by name. The code lists, the texts the person reads, the checklists' question texts
 * and the messages are the shipped ones; the clock stands at {@link #NOW}.
 *
 * <p>Every test class with this annotation shares one application context (a slice's context takes seconds of every
 * build), so a class adds no bean of its own: what a slice needs goes here.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(
        excludeFilters = {
            @ComponentScan.Filter(type = FilterType.REGEX, pattern = WebSliceSecurity.SLICE_EXCLUDED),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = PagesSlice.OtherControllers.class)
        })
@Import({
    WebSliceSecurity.class,
    Navigation.class,
    PrefilledLabels.Installation.class,
    ScreeningPagesBeans.class,
    PagesSlice.Shipped.class
})
@MockitoBean(
        types = {
            CaseManagement.class,
            OrganisationRegistry.class,
            AccountManagement.class,
            QueuePages.class,
            CaseNotes.class,
            CaseDocuments.class,
            Screenings.class,
            Assistance.class,
            CodeListChanges.class,
            HtcdsExport.class
        })
// beans the case page's template calls by name
@MockitoBean(name = "erasure", types = Erasure.class)
@MockitoBean(name = "serviceReferrals", types = ServiceReferrals.class)
@ActiveProfiles("test")
public @interface PagesSlice {

    /** The slice's "now": a month after {@link CaseFixtures#REFERRED_ON}. */
    Instant NOW = Instant.parse("2026-04-01T09:00:00Z");

    /** The controllers of the slice, by class name (most are not public). */
    Set<String> CONTROLLERS = Set.of(
            "org.opennrm.cases.web.CaseController",
            "org.opennrm.cases.web.DecisionController",
            "org.opennrm.cases.web.PersonTextsController",
            "org.opennrm.cases.web.CaseNotesController",
            "org.opennrm.cases.web.CaseDocumentsController",
            "org.opennrm.cases.web.CodeListsController",
            "org.opennrm.cases.exchange.HtcdsExportController",
            "org.opennrm.screening.ScreeningController",
            "org.opennrm.screening.ChecklistAdminController",
            "org.opennrm.assistance.AssistanceController",
            // the REST controllers of cases, screening and assistance: their stand-ins are the pages' own
            "org.opennrm.cases.api.CasesApi",
            "org.opennrm.screening.ScreeningApi",
            "org.opennrm.assistance.AssistanceApi");

    /** Leaves out every controller but {@link #CONTROLLERS}. */
    class OtherControllers implements TypeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().isAnnotated(Controller.class.getName())
                    && !CONTROLLERS.contains(reader.getClassMetadata().getClassName());
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    class Shipped {
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
