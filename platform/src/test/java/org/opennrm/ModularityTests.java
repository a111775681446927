package org.opennrm;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules depend only on what their package-info allows; module diagrams are written to target/. */
class ModularityTests {

    /** Production code only: tests may reach across modules to set up their scenarios. */
    static final ImportOption PRODUCTION_CODE = (Location location) -> !location.contains("/test-classes/");

    static final ApplicationModules modules = ApplicationModules.of(Application.class, PRODUCTION_CODE);

    @Test
    void modulesUseOnlyDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
