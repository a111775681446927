package org.opennrm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules depend only on what their package-info allows; module diagrams are written to target/. Statistics may
 * see the other modules' events and nothing else of them: a read of a case file from statistics fails the build.
 */
class ModularityTests {

    /** Production code only: tests may reach across modules to set up their scenarios. */
    static final ImportOption PRODUCTION_CODE = (Location location) -> !location.contains("/test-classes/");

    static final ApplicationModules modules = ApplicationModules.of(Application.class, PRODUCTION_CODE);

    @Test
    void modulesUseOnlyDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void statisticsReadingACaseFileThroughTheFacadeFailsVerification() {
        // the production code plus one class of the test sources that calls CaseManagement from statistics
        ImportOption withForbiddenRead = (Location location) ->
                !location.contains("/test-classes/") || location.contains("/statistics/ForbiddenCaseRead");
        var withViolation = ApplicationModules.of(Application.class, withForbiddenRead);

        assertThatThrownBy(withViolation::verify)
                .isInstanceOf(Violations.class)
                .hasMessageContaining("ForbiddenCaseRead")
                .hasMessageContaining("CaseManagement");
    }

    /**
     * The case file's store (its SQL, the person's encrypted identity, the change counter) is public only so that the
     * module's own sub-packages (queue, exchange, justice) can share it; no other module may touch it.
     */
    @Test
    void onlyTheCasesModuleUsesItsStore() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.opennrm.cases..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.opennrm.cases.CaseFiles")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.opennrm.cases.Persons")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.opennrm.cases.CaseFileChanges")
                .check(EventPayloadTests.PRODUCTION);
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
