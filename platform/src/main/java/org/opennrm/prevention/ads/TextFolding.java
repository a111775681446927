package org.opennrm.prevention.ads;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one way ad texts and lexicon phrases are folded before they are compared: lower case, accents removed (é to e,
 * й to и, in phrases and texts alike), every run of what is not a letter or a digit made one space, with a space at
 * both ends so that a phrase matches whole words only.
 */
final class TextFolding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextFolding() {}

    static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return " ";
        }
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("");
        return " " + SEPARATORS.matcher(plain).replaceAll(" ").strip() + " ";
    }
}
