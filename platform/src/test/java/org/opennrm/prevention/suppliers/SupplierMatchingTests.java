package org.opennrm.prevention.suppliers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The indexed screening finds exactly the pairs, with exactly the similarity, that comparing every supplier with every
 * listed employer finds: on generated company names with the variants a real list has (legal forms, plurals, a letter
 * changed or dropped, Cyrillic spellings, words swapped, countries missing), at the default threshold and others.
 */
class SupplierMatchingTests {

    private static final String[] WORDS = {
        "Sunrise",
        "Golden",
        "Field",
        "Farms",
        "Textile",
        "Textiles",
        "Agro",
        "Kovalenko",
        "Northwind",
        "Fisheries",
        "Blue",
        "Harbour",
        "Brick",
        "Works",
        "Meadow",
        "Valley",
        "Green",
        "Star",
        "Logistics",
        "Food",
        "Packing",
        "Nguyen",
        "Tran",
        "Hoxha",
        "Petrov",
        "Garment",
        "Seafood",
        "Construction",
        "Build",
        "Trans"
    };
    private static final String[] FORMS = {"", " Ltd", " LLC", " GmbH", " S.R.L.", " ООО", " TOV", " Co."};
    private static final String[] COUNTRIES = {"THA", "VNM", "UKR", "MDA", null};

    @Test
    void theIndexFindsExactlyWhatComparingAllPairsFinds() {
        var random = new Random(20261206);
        var employers = names(random, 400, "E");
        var suppliers = new ArrayList<SupplierMatching.Named>();
        // half the suppliers are variants of listed employers, half are other companies
        for (int i = 0; i < 600; i++) {
            if (i % 2 == 0) {
                var listed = employers.get(random.nextInt(employers.size()));
                suppliers.add(new SupplierMatching.Named(
                        UUID.randomUUID(),
                        variant(listed.name(), random),
                        random.nextInt(4) == 0 ? null : listed.country()));
            } else {
                suppliers.add(names(random, 1, "S").getFirst());
            }
        }
        suppliers.add(new SupplierMatching.Named(UUID.randomUUID(), "   ", "THA"));
        suppliers.add(new SupplierMatching.Named(UUID.randomUUID(), "Ltd", null));

        for (double threshold : new double[] {SupplierMatching.DEFAULT_THRESHOLD, 0.5, 0.9, 1.0}) {
            var indexed = SupplierMatching.candidates(suppliers, employers, threshold);
            var plain = SupplierMatching.allPairs(suppliers, employers, threshold);
            assertThat(indexed).as("threshold %s", threshold).isEqualTo(plain);
            if (threshold <= SupplierMatching.DEFAULT_THRESHOLD) {
                assertThat(indexed).as("variants are found at %s", threshold).hasSizeGreaterThan(150);
            }
        }
    }

    private static List<SupplierMatching.Named> names(Random random, int count, String prefix) {
        var names = new ArrayList<SupplierMatching.Named>();
        for (int i = 0; i < count; i++) {
            int words = 1 + random.nextInt(3);
            var name = new StringBuilder();
            for (int w = 0; w < words; w++) {
                name.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            name.append(FORMS[random.nextInt(FORMS.length)]);
            names.add(new SupplierMatching.Named(
                    UUID.randomUUID(), name.toString(), COUNTRIES[random.nextInt(COUNTRIES.length)]));
        }
        return names;
    }

    /** A spelling another list would have: case, a legal form, a letter changed or dropped, words swapped, Cyrillic. */
    private static String variant(String name, Random random) {
        String core = name.replaceAll(" (Ltd|LLC|GmbH|S\\.R\\.L\\.|ООО|TOV|Co\\.)$", "");
        return switch (random.nextInt(6)) {
            case 0 -> core.toUpperCase(java.util.Locale.ROOT) + FORMS[random.nextInt(FORMS.length)];
            case 1 -> {
                int at = random.nextInt(core.length());
                yield core.substring(0, at) + core.substring(Math.min(core.length(), at + 1));
            }
            case 2 -> {
                int at = random.nextInt(core.length());
                yield core.substring(0, at) + "x" + core.substring(Math.min(core.length(), at + 1));
            }
            case 3 -> {
                var words = new ArrayList<>(List.of(core.split(" ")));
                java.util.Collections.reverse(words);
                yield String.join(" ", words);
            }
            case 4 -> core.replace("Kovalenko", "Коваленко").replace("Petrov", "Петров") + " Limited";
            default -> core + "s";
        };
    }
}
