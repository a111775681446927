package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * A class marked {@link DatabaseOfItsOwn} gets a context key no other class has (so the context cache starts a
 * context, and an embedded database, for it alone) and has it closed after it; an unmarked class shares as before.
 */
class DatabaseOfItsOwnTests {

    @DatabaseOfItsOwn
    static class Returns {}

    @DatabaseOfItsOwn
    static class Agencies {}

    static class Unmarked {}

    final DatabaseOfItsOwn.Factory factory = new DatabaseOfItsOwn.Factory();

    @Test
    void eachMarkedClassHasAKeyOfItsOwnAndAnUnmarkedClassNone() {
        var returns = factory.createContextCustomizer(Returns.class, List.of());
        var returnsAgain = factory.createContextCustomizer(Returns.class, List.of());
        var agencies = factory.createContextCustomizer(Agencies.class, List.of());

        assertThat(returns).isNotNull().isEqualTo(returnsAgain).hasSameHashCodeAs(returnsAgain);
        assertThat(agencies).isNotNull().isNotEqualTo(returns);
        assertThat(factory.createContextCustomizer(Unmarked.class, List.of())).isNull();
    }

    @Test
    void theContextIsClosedAfterTheClass() {
        var dirties = TestContextAnnotationUtils.findMergedAnnotation(Returns.class, DirtiesContext.class);
        assertThat(dirties).isNotNull();
        assertThat(dirties.classMode()).isEqualTo(DirtiesContext.ClassMode.AFTER_CLASS);
    }
}
