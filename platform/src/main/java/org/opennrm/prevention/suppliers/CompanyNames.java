package org.opennrm.prevention.suppliers;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.opennrm.linkage.NameFolding;

/**
 * How alike two company names are: the words of legal form ("Ltd", "GmbH", "S.R.L.", "ООО") say nothing of who the
 * company is, so they are dropped; what is left is compared by the linkage library's folding and bigram Dice
 * ({@link NameFolding#similarity}), so "Sunrise Textiles Ltd" meets "Sunrise Textile LLC" and "Kowalenko Agro"
 * meets "Коваленко Агро".
 */
final class CompanyNames {

    /* legal forms in the region's languages, folded by the same rules as the names they are dropped from */
    private static final Set<String> LEGAL_FORMS = Stream.of(
                    "ltd",
                    "limited",
                    "llc",
                    "llp",
                    "plc",
                    "inc",
                    "incorporated",
                    "corp",
                    "corporation",
                    "co",
                    "company",
                    "gmbh",
                    "ag",
                    "kg",
                    "sa",
                    "sas",
                    "sarl",
                    "srl",
                    "spa",
                    "sl",
                    "bv",
                    "nv",
                    "oy",
                    "ab",
                    "as",
                    "sro",
                    "doo",
                    "ooo",
                    "oao",
                    "zao",
                    "pao",
                    "tov",
                    "pp",
                    "ltda",
                    "and",
                    "the")
            .flatMap(word -> NameFolding.words(word).stream())
            .collect(Collectors.toUnmodifiableSet());

    private CompanyNames() {}

    /** The folded words of a company name without its legal form (all of them if nothing else is left). */
    static String core(String name) {
        List<String> words = NameFolding.words(name);
        List<String> kept =
                words.stream().filter(word -> !LEGAL_FORMS.contains(word)).toList();
        return String.join(" ", kept.isEmpty() ? words : kept);
    }

    static double similarity(String a, String b) {
        return NameFolding.similarity(core(a), core(b));
    }
}
