package org.opennrm.linkage.encoding;

import java.util.Arrays;
import java.util.List;

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
}
