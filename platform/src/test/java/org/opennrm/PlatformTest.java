package org.opennrm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * A whole-application test on an embedded PostgreSQL with the demo installation. All tests with this
 * annotation share one application context (and database), so each test makes its own records with
 * unique names and never assumes an empty table.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface PlatformTest {

    /**
     * For a test class that hands MockMvc a {@code MockHttpSession}: sessions in the servlet container, as the
     * platform kept them before sessions moved to the database (Spring Session finds a session by its cookie only).
     * Such a class runs in an application context of its own kind; {@code TwoNodesTests} and the browser tests
     * cover sessions in the database.
     */
    String SESSIONS_IN_MEMORY = "spring.autoconfigure.exclude="
            + "org.springframework.boot.webmvc.autoconfigure.WebMvcObservationAutoConfiguration,"
            + "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration";

    /**
     * For a test class that reads the demo's synthetic cases: an installation of its own with exactly {@value
     * #SYNTHETIC_CASES_COUNT} of them and no other case. Every class with this property shares one such application
     * context (and database), so none of them may add cases.
     */
    String SYNTHETIC_CASES = "opennrm.demo.synthetic-cases=40";

    /** The number of cases in {@link #SYNTHETIC_CASES}. */
    int SYNTHETIC_CASES_COUNT = 40;
}
