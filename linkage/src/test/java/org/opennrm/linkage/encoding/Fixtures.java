package org.opennrm.linkage.encoding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Random;

/** Synthetic people for tests; no real person's data. */
final class Fixtures {

    static final String HEADER = "id,given_name,family_name,date_of_birth,sex,citizenship";

    static final String[] GIVEN = {
        "Oleksandr", "Olena", "Iryna", "Mykola", "Yulia", "Serhii", "Maria", "Ion", "Elena", "Andrei",
        "Fatima", "Amina", "Ahmed", "Grace", "Blessing", "Nguyen", "Li", "Anna", "Tetiana", "Dmytro"
    };
    static final String[] FAMILY = {
        "Shevchenko",
        "Kovalenko",
        "Bondarenko",
        "Tkachenko",
        "Kravchenko",
        "Popescu",
        "Ionescu",
        "Rusu",
        "Okafor",
        "Mensah",
        "Haddad",
        "Tran",
        "Wang",
        "Petrova",
        "Ivanova",
        "Melnyk",
        "Boyko",
        "Lysenko",
        "Moroz",
        "Marchenko"
    };
    /** Makes more distinct names than the lists hold, as in a real list of a few hundred people. */
    static final String[] SUFFIX = {"", "a", "o", "ko", "ra", "in", "el", "us", "an", "ek"};

    static final String[] CITIZENSHIP = {"UKR", "MDA", "ROU", "NGA", "GHA", "SYR", "VNM", "CHN", "BGR", "ALB"};

    private Fixtures() {}

    static String people(int count, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < count; i++) {
            csv.append("p").append(i).append(',');
            csv.append(GIVEN[random.nextInt(GIVEN.length)])
                    .append(SUFFIX[random.nextInt(SUFFIX.length)])
                    .append(',');
            csv.append(FAMILY[random.nextInt(FAMILY.length)])
                    .append(SUFFIX[random.nextInt(SUFFIX.length)])
                    .append(',');
            csv.append(String.format(
                            "%04d-%02d-%02d",
                            1950 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28)))
                    .append(',');
            csv.append(random.nextBoolean() ? "F" : "M").append(',');
            csv.append(CITIZENSHIP[random.nextInt(CITIZENSHIP.length)]).append('\n');
        }
        return csv.toString();
    }

    static DeploymentSecret secret(String text) {
        return new DeploymentSecret(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static Encodings encode(Schema schema, DeploymentSecret secret, String csv) {
        try {
            return new Encoder(schema, secret).encode(new BufferedReader(new StringReader(csv)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
