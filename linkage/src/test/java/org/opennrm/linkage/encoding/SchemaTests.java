package org.opennrm.linkage.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchemaTests {

    @Test
    void defaultSchemaExpectsTheUsualPersonFields() {
        assertThat(Schema.defaultSchema().header())
                .containsExactly("id", "given_name", "family_name", "date_of_birth", "sex", "citizenship");
    }

    @Test
    void weightScalesBitsPerToken() {
        Schema schema = Schema.parse("""
                {"fields": [{"name": "a", "kind": "name", "k": 10, "weight": 1.5},
                            {"name": "b", "kind": "name", "k": 10, "weight": 0}]}""");
        assertThat(schema.fields().get(0).bitsPerToken()).isEqualTo(15);
        assertThat(schema.fields().get(1).kind()).isEqualTo(FieldKind.IGNORE);
    }

    @Test
    void invalidJsonIsRefusedWithItsLine() {
        assertThatThrownBy(() -> Schema.parse("{\n\"fields\": [\n{\"name\": }]}"))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void unknownKindsAndMissingKAreRefused() {
        assertThatThrownBy(() -> Schema.parse("{\"fields\": [{\"name\": \"a\", \"kind\": \"soundex\", \"k\": 5}]}"))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("soundex");
        assertThatThrownBy(() -> Schema.parse("{\"fields\": [{\"name\": \"a\", \"kind\": \"name\"}]}"))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("\"k\"");
    }

    @Test
    void repeatedColumnsAreRefused() {
        assertThatThrownBy(
                        () -> Schema.parse(
                                "{\"fields\": [{\"name\": \"a\", \"kind\": \"name\", \"k\": 5}, {\"name\": \"a\", \"kind\": \"name\", \"k\": 5}]}"))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("twice");
    }
}
