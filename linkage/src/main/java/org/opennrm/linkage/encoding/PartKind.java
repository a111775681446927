package org.opennrm.linkage.encoding;

/**
 * What a part of a field encoding holds, which decides how two parts are compared: bigram and digit filters by
 * Dice similarity, the others by equality (and, for dates, across parts).
 */
public enum PartKind {
    /** Character bigrams of a person name; all name fields share one key, so a swapped name still compares. */
    NAME(4, 6, true),
    /** Character bigrams of other text (addresses, places). */
    TEXT(4, 6, true),
    /** Digits with their positions (postcodes, document numbers). */
    DIGITS(2, 4, true),
    /** A code compared as a whole (sex, citizenship). */
    CODE(1, 3, false),
    /** The year of a date, with the two two-year spans it falls in, so that a year off by one shares one token. */
    YEAR(1, 3, false),
    /** The month of a date; month and day of one date field share a key, so a swapped day and month compare. */
    MONTH(1, 3, false),
    /** The day of a date. */
    DAY(1, 3, false);

    private final int words;
    private final int bitsPerToken;
    private final boolean noisy;

    PartKind(int words, int bitsPerToken, boolean noisy) {
        this.words = words;
        this.bitsPerToken = bitsPerToken;
        this.noisy = noisy;
    }

    /** Size of the part's filter in 64-bit words. */
    public int words() {
        return words;
    }

    int bitsPerToken() {
        return bitsPerToken;
    }

    /**
     * Whether random bit flips protect the part: the parts whose values are many and skewed (names, text,
     * digits) and so open to a frequency attack. Codes and date parts have few values, whose equality the model
     * needs exactly; they reveal which records share a value, never the value itself.
     */
    public boolean noisy() {
        return noisy;
    }
}
