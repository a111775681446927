package org.opennrm.linkage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opennrm.linkage.encoding.DeploymentSecret;
import org.opennrm.linkage.encoding.Encoder;
import org.opennrm.linkage.encoding.EncodingFiles;
import org.opennrm.linkage.encoding.Encodings;
import org.opennrm.linkage.encoding.Schema;
import org.opennrm.linkage.population.RealisticLists;

/**
 * Three agencies' lists of synthetic persons (no real person's data) with a known overlap, encoded with the
 * library as an agency would with the command-line tool: the default schema, a test secret, the anonlink files.
 *
 * <p>Ground truth, persons by combination of lists (Police, NGO, Inspectorate): Police only 6, NGO only 4,
 * Inspectorate only 3, Police and NGO 3, Police and Inspectorate 2, NGO and Inspectorate 1, all three 3; so 14 on
 * the Police list, 11 on the NGO list, 9 on the Inspectorate list, 22 in all. The NGO and the inspectorate write
 * some names differently (case, accents, Cyrillic, a typo); the police list has one person twice.
 */
final class SyntheticLists {

    static final List<String> LABELS = List.of("Police", "NGO", "Inspectorate");

    static final String EXPECTED_CSV = """
            "Police","NGO","Inspectorate","count"
            1,0,0,6
            0,1,0,4
            0,0,1,3
            1,1,0,3
            1,0,1,2
            0,1,1,1
            1,1,1,3
            """;

    static final int[] PERSONS_PER_LIST = {14, 11, 9};

    /** One encoded list: the contents of NAME.clk, NAME.ids and, when encoded with them, NAME.fields. */
    record EncodedList(String label, byte[] clk, byte[] ids, int records, byte[] fields) {}

    private static final String HEADER = "id,given_name,family_name,date_of_birth,sex,citizenship";

    /** Synthetic persons: given name, family name, date of birth, sex, citizenship. */
    private static final String[][] PERSONS = {
        {"Oleksandr", "Shevchenko", "1990-03-14", "M", "UKR"},
        {"Mariana", "Popescu", "1985-11-02", "F", "ROU"},
        {"Chidi", "Okonkwo", "1999-07-21", "M", "NGA"},
        {"Thi Lan", "Nguyen", "2001-01-30", "F", "VNM"},
        {"Bogdan", "Ionescu", "1978-05-09", "M", "MDA"},
        {"Efua", "Mensah", "1994-12-17", "F", "GHA"},
        {"Rustam", "Karimov", "1988-08-08", "M", "UZB"},
        {"Luz Marina", "Quispe", "1992-04-25", "F", "PER"},
        {"Arben", "Hoxha", "1983-10-11", "M", "ALB"},
        {"Svetlana", "Morozova", "1975-02-19", "F", "RUS"},
        {"Jamal", "Haddad", "2000-06-03", "M", "SYR"},
        {"Precious", "Adeyemi", "1997-09-28", "F", "NGA"},
        {"Dmytro", "Kovalchuk", "1986-12-01", "M", "UKR"},
        {"Anh", "Tran", "1995-03-07", "F", "VNM"},
        {"Vasile", "Rusu", "1980-07-15", "M", "MDA"},
        {"Iryna", "Bondarenko", "1991-10-22", "F", "UKR"},
        {"Kwame", "Boateng", "1989-01-13", "M", "GHA"},
        {"Elena", "Ciobanu", "1993-05-29", "F", "ROU"},
        {"Mohammed", "Al-Sayed", "1984-11-18", "M", "EGY"},
        {"Aigul", "Nurlanovna", "1998-08-26", "F", "KAZ"},
        {"Ion", "Munteanu", "1979-04-04", "M", "MDA"},
        {"Fatima", "Benali", "1996-02-11", "F", "MAR"}
    };

    /** For each person, the lists it is on: bit 0 Police, bit 1 NGO, bit 2 Inspectorate. */
    private static final int[] ON = {
        1,
        1,
        1,
        1,
        1,
        1, // Police only: 6
        2,
        2,
        2,
        2, // NGO only: 4
        4,
        4,
        4, // Inspectorate only: 3
        3,
        3,
        3, // Police and NGO: 3
        5,
        5, // Police and Inspectorate: 2
        6, // NGO and Inspectorate: 1
        7,
        7,
        7 // all three: 3
    };

    private SyntheticLists() {}

    static List<EncodedList> encoded(String secret) {
        List<EncodedList> lists = new ArrayList<>();
        for (int list = 0; list < LABELS.size(); list++) {
            lists.add(encode(LABELS.get(list), csv(list), secret));
        }
        return lists;
    }

    /** The CSV an agency holds, with the agency's own record ids and its own way of writing names. */
    static String csv(int list) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        String prefix = LABELS.get(list).toLowerCase() + "-r";
        int record = 0;
        for (int p = 0; p < PERSONS.length; p++) {
            if ((ON[p] & (1 << list)) == 0) {
                continue;
            }
            String[] person = PERSONS[p].clone();
            if (list == 1 && p % 2 == 0) {
                person[0] = person[0].toUpperCase();
                person[1] = person[1].toUpperCase();
            }
            if (list == 2 && p == 12) {
                person[1] = "Kovalchuc"; // a typo
            }
            if (list == 1 && p == 19) {
                person[0] = "Aigül"; // an accent the others leave out
            }
            if (list == 2 && p == 0) {
                person[0] = "Олександр"; // Cyrillic
                person[1] = "Шевченко";
            }
            csv.append(prefix)
                    .append(record++)
                    .append(',')
                    .append(String.join(",", person))
                    .append('\n');
            if (list == 0 && p == 4) {
                // the police recorded this person twice, the second time with a typo
                csv.append(prefix)
                        .append(record++)
                        .append(",Bogdan,Ionesku,1978-05-09,M,MDA")
                        .append('\n');
            }
        }
        return csv.toString();
    }

    static EncodedList encode(String label, String csv, String secret) {
        return encode(label, csv, secret, false, Schema.DEFAULT_FIELD_NOISE);
    }

    /** The list encoded as {@code encode} of the command-line tool does by default: with its field encodings. */
    static EncodedList encodeWithFields(String label, String csv, String secret, double noise) {
        return encode(label, csv, secret, true, noise);
    }

    /**
     * Two agencies' lists from the linkage library's realistic generator ({@link RealisticLists}: small skewed name
     * pools per origin, transliterations, swapped names and date parts, missing values), {@code size} records each,
     * half of them the same people, encoded with field encodings. {@link Realistic#shared()} is the truth.
     */
    static Realistic realistic(int size, long seed, String secret) {
        var lists = new RealisticLists(seed, RealisticLists.Errors.typical()).generate(size, 0.5);
        return new Realistic(
                encodeWithFields("Police", String.join("\n", lists.a()) + "\n", secret, Schema.DEFAULT_FIELD_NOISE),
                encodeWithFields("NGO", String.join("\n", lists.b()) + "\n", secret, Schema.DEFAULT_FIELD_NOISE),
                lists.truth().size());
    }

    /** Two realistic encoded lists and how many people are on both. */
    record Realistic(EncodedList a, EncodedList b, int shared) {}

    private static EncodedList encode(String label, String csv, String secret, boolean withFields, double noise) {
        try {
            Path directory = Files.createTempDirectory("linkage-test");
            Path secretFile = directory.resolve("secret");
            Files.writeString(secretFile, secret);
            var encoder = new Encoder(Schema.defaultSchema().withFieldNoise(noise), DeploymentSecret.read(secretFile));
            Path name = directory.resolve("list");
            Encodings encodings;
            byte[] fields = null;
            if (withFields) {
                var encoded = encoder.encodeWithFields(new BufferedReader(new StringReader(csv)));
                encodings = encoded.encodings();
                EncodingFiles.writeFields(name, encoded.fields());
                fields = Files.readAllBytes(EncodingFiles.fieldsFile(name));
            } else {
                encodings = encoder.encode(new BufferedReader(new StringReader(csv)));
            }
            EncodingFiles.write(name, encodings);
            byte[] clk = Files.readAllBytes(EncodingFiles.clkFile(name));
            byte[] ids = Files.readAllBytes(EncodingFiles.idsFile(name));
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(directory);
            return new EncodedList(label, clk, ids, encodings.size(), fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> recordIds(EncodedList list) {
        return new String(list.ids(), StandardCharsets.UTF_8).lines().toList();
    }
}
