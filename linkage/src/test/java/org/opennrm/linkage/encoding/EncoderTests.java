package org.opennrm.linkage.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EncoderTests {

    static final DeploymentSecret SECRET = Fixtures.secret("a deployment secret for tests only");
    static final Schema SCHEMA = Schema.defaultSchema();

    @Test
    void sameInputAndSecretGiveTheSameEncodings() {
        String csv = Fixtures.people(300, 1);
        Encodings first = Fixtures.encode(SCHEMA, SECRET, csv);
        Encodings second = Fixtures.encode(SCHEMA, Fixtures.secret("a deployment secret for tests only"), csv);
        assertThat(second.words()).isEqualTo(first.words());
        assertThat(second.ids()).isEqualTo(first.ids()).hasSize(300).startsWith("p0", "p1");
    }

    @Test
    void anotherSecretGivesUnrelatedEncodings() {
        String csv = Fixtures.people(300, 1);
        Encodings first = Fixtures.encode(SCHEMA, SECRET, csv);
        Encodings other = Fixtures.encode(SCHEMA, Fixtures.secret("another deployment secret, 32 b."), csv);
        int shared = 0;
        int total = 0;
        for (int w = 0; w < Encodings.WORDS; w++) {
            shared += Long.bitCount(first.words()[w] & other.words()[w]);
            total += Long.bitCount(first.words()[w]);
        }
        assertThat(total).isGreaterThan(100);
        assertThat((double) shared / total).isLessThan(0.6);
    }

    @Test
    void equalRecordsAreEqualAndSimilarNamesAreSimilar() {
        String csv = Fixtures.HEADER + "\n"
                + "a,Oleksandr,Shevchenko,1990-04-12,M,UKR\n"
                + "b,Олександр,Шевченко,1990-04-12,M,UKR\n"
                + "c,Aleksandr,Shevchenko,1990-12-04,M,UKR\n"
                + "d,Grace,Okafor,1975-01-30,F,NGA\n";
        Encodings encodings = Fixtures.encode(SCHEMA, SECRET, csv);
        assertThat(dice(encodings, 0, 1)).isEqualTo(1.0);
        assertThat(dice(encodings, 0, 2)).isGreaterThan(0.8);
        assertThat(dice(encodings, 0, 3)).isLessThan(0.5);
    }

    @Test
    void eachTokenSetsAtMostKBits() {
        Schema single = Schema.parse("""
                {"fields": [{"name": "citizenship", "kind": "exact", "k": 30}], "check": {"minRecords": 1000}}""");
        Encodings encodings = Fixtures.encode(single, SECRET, "id,citizenship\nx,UKR\ny,\n");
        assertThat(encodings.popcount(0)).isBetween(25, 30);
        assertThat(encodings.popcount(1)).isZero();
    }

    @Test
    void headerThatDoesNotMatchTheSchemaIsRefused() {
        assertThatThrownBy(() -> Fixtures.encode(SCHEMA, SECRET, "id,first,last\n1,a,b\n"))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("header does not match")
                .hasMessageContaining("given_name");
    }

    @Test
    void rowsWithTheWrongNumberOfColumnsAreRefused() {
        assertThatThrownBy(() -> Fixtures.encode(SCHEMA, SECRET, Fixtures.HEADER + "\n1,Ana,Rusu,,F\n"))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("line 2 has 5 columns");
    }

    @Test
    void repeatedIdsAreRefused() {
        assertThatThrownBy(
                        () -> Fixtures.encode(SCHEMA, SECRET, Fixtures.HEADER + "\n1,Ana,Rusu,,F,\n1,Ion,Rusu,,M,\n"))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void quotedFieldsMayHoldCommas() {
        Encodings encodings = Fixtures.encode(SCHEMA, SECRET, Fixtures.HEADER + "\n\"x,1\",\"Ana, Maria\",Rusu,,F,\n");
        assertThat(encodings.ids()).containsExactly("x,1");
    }

    @Test
    void schemaCheckRefusesAConstantField() {
        String csv = Fixtures.people(200, 2).replaceAll(",[A-Z]{3}\n", ",UKR\n");
        assertThatThrownBy(() -> Fixtures.encode(SCHEMA, SECRET, csv))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("schema check")
                .hasMessageContaining("citizenship");
    }

    @Test
    void schemaCheckRefusesANearlyConstantField() {
        // 49 of every 50 records UKR: its 10 bits are set in 98% of the records
        String csv = Fixtures.people(400, 2).replaceAll(",[A-Z]{3}\n", ",UKR\n");
        String[] lines = csv.split("\n");
        for (int line = 1; line < lines.length; line += 50) {
            lines[line] = lines[line].replaceAll(",UKR$", ",MDA");
        }
        assertThatThrownBy(() -> Fixtures.encode(SCHEMA, SECRET, String.join("\n", lines) + "\n"))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("schema check")
                .hasMessageContaining("bits are each set in more than 95.0%");
    }

    @Test
    void aBitSharedByBothSexesIsNoReasonToRefuseAList() {
        // Under this secret one of the 8 bits of sex F falls on one of M's, so in a list where every record has a
        // sex that bit is set everywhere; no value is constant, and the list is encoded (about one secret in ten
        // did this, and the default schema then refused every complete list).
        DeploymentSecret colliding = Fixtures.secret("synthetic secret: field-aware runs");
        var lists = new org.opennrm.linkage.population.RealisticLists(
                        7, org.opennrm.linkage.population.RealisticLists.Errors.typical())
                .generate(800, 0.5);
        Encodings encodings = Fixtures.encode(SCHEMA, colliding, String.join("\n", lists.a()) + "\n");
        int everywhere = 0;
        for (int bit = 0; bit < Encodings.BITS; bit++) {
            int set = 0;
            for (int r = 0; r < encodings.size(); r++) {
                set += encodings.bit(r, bit) ? 1 : 0;
            }
            everywhere += set == encodings.size() ? 1 : 0;
        }
        assertThat(encodings.size()).isEqualTo(800);
        assertThat(everywhere).as("the collision this test is about").isBetween(1, 2);
    }

    @Test
    void schemaCheckRefusesManyBitsForAFieldWithFewValues() {
        Schema heavySex = Schema.parse("""
                {"fields": [
                  {"name": "given_name", "kind": "name", "k": 20},
                  {"name": "family_name", "kind": "name", "k": 20},
                  {"name": "date_of_birth", "kind": "date", "k": 12},
                  {"name": "sex", "kind": "exact", "k": 60},
                  {"name": "citizenship", "kind": "exact", "k": 12}]}""");
        assertThatThrownBy(() -> Fixtures.encode(heavySex, SECRET, Fixtures.people(200, 3)))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("field \"sex\" has only 2 distinct values");
    }

    @Test
    void schemaCheckAcceptsTheDefaultSchemaOnVariedData() {
        assertThat(Fixtures.encode(SCHEMA, SECRET, Fixtures.people(500, 4)).size())
                .isEqualTo(500);
    }

    @Test
    void balancedFiltersHaveExactlyHalfTheBitsSet() {
        Schema balanced = Schema.parse(Schema.defaultSchemaJson().replace("\"none\"", "\"balanced\""));
        Encodings encodings = Fixtures.encode(balanced, SECRET, Fixtures.people(150, 5));
        for (int r = 0; r < encodings.size(); r++) {
            assertThat(encodings.popcount(r)).isEqualTo(512);
        }
    }

    @Test
    void xorFoldedEncodingsStillRankTheSamePersonFirst() {
        Schema folded = Schema.parse(Schema.defaultSchemaJson().replace("\"none\"", "\"xor-fold\""));
        String csv = Fixtures.HEADER + "\n"
                + "a,Oleksandr,Shevchenko,1990-04-12,M,UKR\n"
                + "b,Oleksandr,Shevchenka,1990-04-12,M,UKR\n"
                + "c,Grace,Okafor,1975-01-30,F,NGA\n";
        Encodings encodings = Fixtures.encode(folded, SECRET, csv);
        assertThat(dice(encodings, 0, 1)).isGreaterThan(dice(encodings, 0, 2) + 0.2);
    }

    @Test
    void shortSecretsAreRefused() {
        assertThatThrownBy(() -> Fixtures.secret("short")).isInstanceOf(InputRejected.class);
        assertThat(SECRET.toString()).doesNotContain("secret for tests");
    }

    static double dice(Encodings encodings, int x, int y) {
        int common = 0;
        for (int w = 0; w < Encodings.WORDS; w++) {
            common += Long.bitCount(
                    encodings.words()[x * Encodings.WORDS + w] & encodings.words()[y * Encodings.WORDS + w]);
        }
        return 2.0 * common / (encodings.popcount(x) + encodings.popcount(y));
    }
}
