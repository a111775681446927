package org.opennrm.prevention.suppliers;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Times the indexed supplier screening against comparing every pair, on seeded synthetic company names: listed
 * employers built from a vocabulary of company words and legal forms, suppliers of which a fifth are spelling variants
 * of listed employers. Prints both times, the ratio and whether both found the same pairs.
 */
public final class SupplierBenchmark {

    private static final String[] WORDS = {
        "Sunrise", "Golden", "Field", "Farms", "Textile", "Agro", "Kovalenko", "Northwind", "Fisheries", "Blue",
        "Harbour", "Brick", "Works", "Meadow", "Valley", "Green", "Star", "Logistics", "Food", "Packing", "Nguyen",
        "Tran", "Hoxha", "Petrov", "Garment", "Seafood", "Construction", "Build", "Trans", "Delta", "Mekong", "Carpathia",
        "Danube", "Steppe", "Orchard", "Vineyard", "Poultry", "Dairy", "Timber", "Stone", "Metal", "Plastics", "Cotton",
        "Silk", "Leather", "Shoes", "Toys", "Electronics", "Recruit", "Staffing", "Cleaning", "Care", "Hotel", "Kitchen"
    };
    private static final String[] FORMS = {"", " Ltd", " LLC", " GmbH", " S.R.L.", " ООО", " TOV", " Co."};
    private static final String[] COUNTRIES = {"THA", "VNM", "UKR", "MDA", "ROU", "ALB", null};

    private SupplierBenchmark() {}

    public static void main(String[] args) {
        int supplierCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int employerCount = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        var random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 42);
        var employers = names(random, employerCount);
        var suppliers = new ArrayList<SupplierMatching.Named>();
        for (int i = 0; i < supplierCount; i++) {
            if (i % 5 == 0) {
                var listed = employers.get(random.nextInt(employers.size()));
                var name = listed.name().toUpperCase(java.util.Locale.ROOT);
                int at = random.nextInt(name.length());
                suppliers.add(new SupplierMatching.Named(
                        UUID.randomUUID(), name.substring(0, at) + name.substring(at + 1), listed.country()));
            } else {
                suppliers.add(names(random, 1).getFirst());
            }
        }
        double threshold = SupplierMatching.DEFAULT_THRESHOLD;
        // warm-up of both ways on a slice
        SupplierMatching.candidates(suppliers.subList(0, Math.min(500, supplierCount)), employers, threshold);
        SupplierMatching.allPairs(suppliers.subList(0, Math.min(200, supplierCount)), employers, threshold);
        long start = System.nanoTime();
        var indexed = SupplierMatching.candidates(suppliers, employers, threshold);
        double indexedSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        var plain = SupplierMatching.allPairs(suppliers, employers, threshold);
        double plainSeconds = (System.nanoTime() - start) / 1e9;
        // the way before the index: both names folded again for every pair; on a slice, scaled to the whole list
        int slice = Math.min(1_000, supplierCount);
        start = System.nanoTime();
        long foldedEachTime = 0;
        for (var supplier : suppliers.subList(0, slice)) {
            for (var employer : employers) {
                boolean countries = supplier.country() == null
                        || employer.country() == null
                        || supplier.country().equals(employer.country());
                if (countries && CompanyNames.similarity(supplier.name(), employer.name()) >= threshold) {
                    foldedEachTime++;
                }
            }
        }
        double foldedSeconds = (System.nanoTime() - start) / 1e9 * supplierCount / slice;
        System.out.printf("%,d suppliers x %,d listed employers, threshold %.2f%n", supplierCount, employerCount, threshold);
        System.out.printf("indexed screening   %8.2f s   %,d candidate pairs%n", indexedSeconds, indexed.size());
        System.out.printf("every pair compared %8.2f s   %,d candidate pairs%n", plainSeconds, plain.size());
        System.out.printf(
                "every pair, names folded each time (before) %8.2f s   (timed on %,d suppliers, scaled; %,d pairs there)%n",
                foldedSeconds, slice, foldedEachTime);
        System.out.printf(
                "every pair / indexed: %.1fx; before / indexed: %.1fx; same pairs: %s%n",
                plainSeconds / indexedSeconds, foldedSeconds / indexedSeconds, indexed.equals(plain));
    }

    private static List<SupplierMatching.Named> names(Random random, int count) {
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
}
