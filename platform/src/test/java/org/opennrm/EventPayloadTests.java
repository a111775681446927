package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.cases.events.CaseOpened;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Events that leave a module carry what statistics may see and nothing more: a code (an enum, or a string drawn
 * from a code list that the publishing module checks), a count, a flag, a month or year, or an opaque id. Never a
 * date, a time, a name, a date of birth or free text. Every record in an {@code events} package (the named
 * interfaces that analytics may listen to) is inspected, component by component and through its collections.
 */
class EventPayloadTests {

    /**
     * The string components that hold codes, each with the code list its module checks before publishing. Anything
     * else typed {@code String} fails: a new one must be a code list here, with its reason, or become an enum.
     */
    static final Map<String, String> CODE_STRINGS = Map.ofEntries(
            Map.entry("CaseOpened.gender", "HTCDS prs_Gender (CodeLists.GENDER)"),
            Map.entry("CaseOpened.citizenships", "ISO 3166-1 alpha-3 (CodeLists.COUNTRY)"),
            Map.entry("CaseOpened.exploitationForms", "HTCDS exploitation types (CodeLists.EXPLOITATION_FORM)"),
            Map.entry("CaseOpened.methodsOfControl", "HTCDS means of control (CodeLists)"),
            Map.entry("CaseOpened.sectors", "HTCDS vic_ForcedLabourIndustry (CodeLists)"),
            Map.entry("CaseOpened.recruiterRelationship", "HTCDS recruiter relationship (CodeLists)"),
            Map.entry("CaseOpened.exploitationCountries", "ISO 3166-1 alpha-3 (CodeLists.COUNTRY)"),
            Map.entry("CaseOpened.vulnerabilities", "org.opennrm.cases.Vulnerability names (an enum)"),
            Map.entry("CaseOpened.recruitmentMethods", "HTCDS recruitment methods (CodeLists.RECRUITMENT_METHOD)"),
            Map.entry("CaseOpened.recruitmentPlatforms", "HTCDS online platforms (CodeLists.RECRUITMENT_PLATFORM)"),
            Map.entry("ProfileChanged.exploitationForms", "HTCDS exploitation types (CodeLists.EXPLOITATION_FORM)"),
            Map.entry("ProfileChanged.methodsOfControl", "HTCDS means of control (CodeLists)"),
            Map.entry("ProfileChanged.sectors", "HTCDS vic_ForcedLabourIndustry (CodeLists)"),
            Map.entry("ProfileChanged.recruiterRelationship", "HTCDS recruiter relationship (CodeLists)"),
            Map.entry("ProfileChanged.exploitationCountries", "ISO 3166-1 alpha-3 (CodeLists.COUNTRY)"),
            Map.entry("ProfileChanged.vulnerabilities", "org.opennrm.cases.Vulnerability names (an enum)"),
            Map.entry("ProfileChanged.recruitmentMethods", "HTCDS recruitment methods (CodeLists.RECRUITMENT_METHOD)"),
            Map.entry("ProfileChanged.recruitmentPlatforms", "HTCDS online platforms (CodeLists.RECRUITMENT_PLATFORM)"),
            Map.entry("AnonymousNotificationReceived.gender", "HTCDS prs_Gender (CodeLists.GENDER)"),
            Map.entry("AnonymousNotificationReceived.nationality", "ISO 3166-1 alpha-3 (CodeLists.COUNTRY)"),
            Map.entry(
                    "AnonymousNotificationReceived.exploitationForms",
                    "HTCDS exploitation types (CodeLists.EXPLOITATION_FORM)"),
            Map.entry(
                    "AnonymousNotificationReceived.region",
                    "a region some organisation serves (OrganisationRegistry.servedRegion), never typed text"),
            Map.entry("ScreeningCompleted.checklist", "the id of a configured checklist"),
            Map.entry(
                    "ScreeningCompleted.checklistVersion",
                    "the version code of a checklist (border/r2), shipped or saved in the pages, never typed text"),
            Map.entry(
                    "AgencyFiguresDue.agency",
                    "an agency that reports criminal-justice figures (monitoring.returns.Agency: POLICE, COURTS ...)"),
            Map.entry("ScreeningCompleted.catalogueVersion", "the version of a configured indicator catalogue"));

    /** The platform's production classes (its own class folder, not the whole class path), read once. */
    static final JavaClasses PRODUCTION = productionClasses();

    static JavaClasses productionClasses() {
        try {
            var folder = Path.of(Application.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return new ClassFileImporter().importPath(folder);
        } catch (java.net.URISyntaxException unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    static List<Class<?>> eventTypes() {
        List<Class<?>> types = new ArrayList<>();
        for (JavaClass type : PRODUCTION) {
            if (type.getPackageName().endsWith(".events") && type.isRecord()) {
                types.add(type.reflect());
            }
        }
        return types;
    }

    @Test
    void everyModuleThatRecordsThingsAboutPersonsPublishesEvents() {
        assertThat(eventTypes())
                .extracting(Class::getPackageName)
                .contains(
                        "org.opennrm.cases.events",
                        "org.opennrm.screening.events",
                        "org.opennrm.referrals.events",
                        "org.opennrm.assistance.events");
        assertThat(eventTypes()).hasSizeGreaterThanOrEqualTo(20);
        // the facts GRETA asks for, announced as codes (checked component by component below)
        assertThat(eventTypes())
                .extracting(Class::getSimpleName)
                .contains("RecoveryPeriodGranted", "ServiceResultRecorded", "NonPunishmentRecorded");
    }

    /** An event nobody listens to is either consumed where a user expects it counted, or not published at all. */
    @Test
    void everyEventHasAListener() {
        var listened = new java.util.HashSet<String>();
        for (JavaClass type : PRODUCTION) {
            for (var method : type.getMethods()) {
                boolean listener = method.isAnnotatedWith(ApplicationModuleListener.class)
                        || method.isAnnotatedWith(EventListener.class)
                        || method.isAnnotatedWith(TransactionalEventListener.class);
                if (listener) {
                    method.getRawParameterTypes().forEach(parameter -> listened.add(parameter.getName()));
                }
            }
        }
        assertThat(eventTypes())
                .extracting(Class::getName)
                .allSatisfy(event -> assertThat(listened).as("listeners").contains(event));
    }

    @Test
    void eventsCarryOnlyCodesCountsMonthsAndOpaqueIds() {
        List<String> offences = new ArrayList<>();
        for (Class<?> event : eventTypes()) {
            for (RecordComponent component : event.getRecordComponents()) {
                String name = event.getSimpleName() + "." + component.getName();
                check(name, component.getGenericType(), offences);
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void theCheckFailsOnADateAFreeTextAndAnUnlistedString() {
        record Leaky(UUID caseId, java.time.LocalDate dateOfBirth, String notes, List<java.time.Instant> seen) {}
        List<String> offences = new ArrayList<>();
        for (RecordComponent component : Leaky.class.getRecordComponents()) {
            check("Leaky." + component.getName(), component.getGenericType(), offences);
        }
        assertThat(offences)
                .containsExactly(
                        "Leaky.dateOfBirth: java.time.LocalDate",
                        "Leaky.notes: java.lang.String",
                        "Leaky.seen: java.time.Instant");
        // and a listed code string passes only under its own event's name
        List<String> none = new ArrayList<>();
        check("CaseOpened.gender", String.class, none);
        assertThat(none).isEmpty();
        assertThat(CaseOpened.class.getPackageName()).endsWith(".events");
    }

    private static void check(String name, Type type, List<String> offences) {
        if (type instanceof ParameterizedType parameterized
                && parameterized.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            check(name, parameterized.getActualTypeArguments()[0], offences);
            return;
        }
        if (!(type instanceof Class<?> plain)) {
            offences.add(name + ": " + type.getTypeName());
            return;
        }
        boolean allowed = plain.isEnum()
                || plain == boolean.class
                || plain == Boolean.class
                || plain == int.class
                || plain == Integer.class
                || plain == long.class
                || plain == Long.class
                || plain == YearMonth.class
                || plain == Year.class
                || plain == UUID.class
                || opaqueId(plain)
                || (plain == String.class && CODE_STRINGS.containsKey(name));
        if (!allowed) {
            offences.add(name + ": " + plain.getName());
        }
    }

    /** A typed id: a record of one UUID ({@code CaseId}, {@code ScreeningId}). */
    private static boolean opaqueId(Class<?> type) {
        return type.isRecord()
                && type.getRecordComponents().length == 1
                && type.getRecordComponents()[0].getType() == UUID.class;
    }
}
