package org.opennrm.linkage.encoding;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of a name as linkage compares them: lower case, Cyrillic romanised, accents removed, romanisation
 * variants folded (Oleksandr, Aleksandr and Олександр give the same word; see {@link Tokeniser#foldName}). Public
 * so that the platform's case search finds a person however an agency spelt the name, by the same rules as
 * linkage, not by a second copy of them.
 */
public final class NameWords {

    private NameWords() {}

    /** The distinct folded words of a name, in order; none for a blank or missing name. */
    public static List<String> of(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        return Arrays.stream(Tokeniser.foldName(Tokeniser.normalise(name)).split(" "))
                .filter(word -> !word.isEmpty())
                .distinct()
                .toList();
    }

    /**
     * How alike two names are as linkage compares them: the Dice coefficient 2|A∩B| / (|A| + |B|) of the character
     * bigrams (with word boundaries) of both names, normalised and folded as {@link #of} does, bigrams counted with
     * their multiplicity. 1 for the same folded name, 0 when either is blank. The platform's supplier screening matches
     * company names by it, by the same rules as linkage rather than by a copy of them.
     */
    public static double similarity(String a, String b) {
        return similarity(bigrams(a), bigrams(b));
    }

    /**
     * The bigrams {@link #similarity(String, String)} compares, with their multiplicity: for a caller that compares one
     * name with many (folding a name is most of the cost of a comparison, so it is done once per name). None for a
     * blank or missing name.
     */
    public static List<String> bigrams(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        return Tokeniser.bigrams(Tokeniser.foldName(Tokeniser.normalise(name)));
    }

    /** {@link #similarity(String, String)} of two names' {@link #bigrams}. */
    public static double similarity(List<String> left, List<String> right) {
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        left.forEach(bigram -> counts.merge(bigram, 1, Integer::sum));
        int shared = 0;
        for (String bigram : right) {
            Integer count = counts.get(bigram);
            if (count != null && count > 0) {
                shared++;
                counts.put(bigram, count - 1);
            }
        }
        return 2.0 * shared / (left.size() + right.size());
    }
}
