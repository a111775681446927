package org.opennrm.linkage;

import java.util.List;
import org.opennrm.linkage.encoding.NameWords;

/**
 * The words of a name as linkage compares them (romanised, accents removed, spelling variants folded), for other
 * modules: the case search finds "Aleksandr" when an agency wrote "Oleksandr" or "Олександр" by the same rules as
 * the duplicate check, from the linkage library, not by a copy of them.
 */
public final class NameFolding {

    private NameFolding() {}

    /** The distinct folded words of a name; none for a blank or missing name. */
    public static List<String> words(String name) {
        return NameWords.of(name);
    }

    /**
     * How alike two names are (0 to 1): the Dice coefficient of their folded character bigrams, as the linkage library
     * computes it ({@link NameWords#similarity}). Spelling and romanisation variants score high; unrelated names low.
     */
    public static double similarity(String a, String b) {
        return NameWords.similarity(a, b);
    }

    /** The folded character bigrams {@link #similarity} compares, with their multiplicity; none for a blank name. */
    public static List<String> bigrams(String name) {
        return NameWords.bigrams(name);
    }

    /** {@link #similarity(String, String)} of two names' {@link #bigrams}, for a caller that folds each name once. */
    public static double similarity(List<String> left, List<String> right) {
        return NameWords.similarity(left, right);
    }
}
