package org.opennrm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * For a whole-application test class ({@link PlatformTest}) whose assertions depend on everything in a table: the
 * class gets an application context and an embedded database of its own, started for it and stopped after it, so
 * that no other class's records are counted, published or checked against. Tests within the class still share the
 * database: each starts by emptying what it counts, and a test that publishes (a release, a return) does so for a
 * period no other test of the class publishes in, because a published release is kept for good and every later
 * release is checked against it, as in production.
 *
 * <p>It costs a context start (about three seconds); use it where a class would otherwise need the whole suite to
 * stay out of its way, not for tests that only read their own records.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ContextCustomizerFactories(DatabaseOfItsOwn.Factory.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface DatabaseOfItsOwn {

    /** Makes the annotated class's context a different one from every other class's (its key holds the class). */
    final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(
                Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
            return TestContextAnnotationUtils.hasAnnotation(testClass, DatabaseOfItsOwn.class)
                    ? new OwnedBy(testClass)
                    : null;
        }
    }

    /**
     * Nothing to customise: only its equality matters, which makes the context cache hand this class a context
     * (and so a database, in a data folder of its own) that no other class shares.
     */
    record OwnedBy(Class<?> testClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {}
    }
}
