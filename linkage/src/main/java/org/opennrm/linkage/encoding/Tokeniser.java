package org.opennrm.linkage.encoding;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns one field value into the tokens that are hashed into the Bloom filter. Normalisation happens here, on
 * the agency's machine, so that spelling differences between agencies that are not errors (case, accents,
 * script, romanisation) do not cost similarity.
 */
final class Tokeniser {

    private Tokeniser() {}

    /**
     * Tokens of a value; an empty or blank value has none, so a missing value sets no bits rather than
     * matching other missing values.
     */
    static List<String> tokens(Field field, String value, int line) {
        if (value.isBlank()) {
            return List.of();
        }
        return switch (field.kind()) {
            case NAME -> bigrams(foldName(normalise(value)));
            case TEXT -> bigrams(normalise(value));
            case DATE -> dateTokens(field, value.strip(), line);
            case DIGITS -> digitTokens(value);
            case EXACT -> List.of(value.strip().toUpperCase(Locale.ROOT));
            case IGNORE -> List.of();
        };
    }

    /**
     * Lower case, Cyrillic to Latin, accents removed, anything but letters and digits turned into single
     * spaces. Agencies in the region write the same name in Cyrillic and in Latin script, and with or without
     * diacritics; all of these must meet.
     */
    static String normalise(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length() + 4);
        boolean ascii = true;
        for (int i = 0; i < lower.length(); i++) {
            char ch = lower.charAt(i);
            if (ch >= 0x80) {
                ascii = false;
                break;
            }
        }
        String decomposed = ascii ? lower : Normalizer.normalize(lower, Normalizer.Form.NFKD);
        boolean space = true;
        for (int i = 0; i < decomposed.length(); i++) {
            char ch = decomposed.charAt(i);
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                out.append(ch);
                space = false;
            } else if (ch >= 0x80 && Character.getType(ch) == Character.NON_SPACING_MARK) {
                continue;
            } else if (ch >= 0x400 && ch <= 0x4ff) {
                String latin = cyrillic(ch);
                out.append(latin);
                space = space && latin.isEmpty();
            } else if (ch >= 0x80 && Character.isLetter(ch)) {
                out.append(latinLetter(ch));
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        return out.substring(0, end);
    }

    /**
     * Folds romanisation variants of the same name onto one spelling. The same person is written Oleksandr
     * (Ukrainian romanisation), Aleksandr (Russian), Olexandr or Alexander by different agencies, Mykhailo
     * and Mihail, Serhii and Sergey, Yulia and Julia. The rules are few, applied to both sides alike, and only
     * merge spellings, so a folded name never differs where the originals agreed; the price is that a few
     * distinct names (Gill, Hill) meet, which similarity on the other fields absorbs.
     *
     * <ol>
     *   <li>word-initial "ole" and "ale" are one (Oleksandr/Aleksandr, Olena/Alena),
     *   <li>kh and h are one (Mykhailo/Mihail), and g and h (Ukrainian Г is romanised H: Hanna/Ganna, Ihor/Igor),
     *   <li>ks and x are one (Oleksii/Alexei),
     *   <li>y, j and i are one (Yulia/Julia/Iulia, Serhiy/Serhij/Serhii),
     *   <li>ph and f, w and v are one (Wladimir/Vladimir),
     *   <li>doubled letters count once (Anna/Ana, Serhii/Serhi).
     * </ol>
     */
    static String foldName(String normalised) {
        StringBuilder out = new StringBuilder(normalised.length());
        int n = normalised.length();
        for (int i = 0; i < n; i++) {
            char ch = normalised.charAt(i);
            char next = i + 1 < n ? normalised.charAt(i + 1) : ' ';
            boolean wordStart = i == 0 || normalised.charAt(i - 1) == ' ';
            char folded;
            if (wordStart && ch == 'o' && next == 'l' && i + 2 < n && normalised.charAt(i + 2) == 'e') {
                folded = 'a';
            } else if (ch == 'k' && next == 'h') {
                folded = 'h';
                i++;
            } else if (ch == 'k' && next == 's') {
                folded = 'x';
                i++;
            } else if (ch == 'p' && next == 'h') {
                folded = 'f';
                i++;
            } else {
                folded = switch (ch) {
                    case 'g' -> 'h';
                    case 'y', 'j' -> 'i';
                    case 'w' -> 'v';
                    default -> ch;
                };
            }
            if (out.isEmpty() || out.charAt(out.length() - 1) != folded || folded == ' ') {
                out.append(folded);
            }
        }
        return out.toString();
    }

    /**
     * Character bigrams with a boundary mark at the start and end of every word, so that short names still
     * give several tokens and word order matters less than spelling.
     */
    static List<String> bigrams(String normalised) {
        if (normalised.isEmpty()) {
            return List.of();
        }
        String padded = "_" + normalised.replace(' ', '_') + "_";
        List<String> tokens = new ArrayList<>(padded.length() - 1);
        for (int i = 0; i + 2 <= padded.length(); i++) {
            if (padded.charAt(i) == '_' && padded.charAt(i + 1) == '_') {
                continue;
            }
            tokens.add(padded.substring(i, i + 2));
        }
        return tokens;
    }

    /**
     * The year as a whole and its last two digits by position, month, day, and the unordered day/month pair: a
     * typo in a year digit keeps most tokens, and a date with day and month swapped (a common error between
     * European and US forms) still shares the year and the pair. The first two year digits are not tokens of
     * their own: nearly everyone shares them, and constant bits would only help an attacker.
     */
    static List<String> dateTokens(Field field, String value, int line) {
        boolean dashed = field.dateFormat().equals("yyyy-MM-dd");
        int expectedLength = dashed ? 10 : 8;
        boolean shaped =
                value.length() == expectedLength && (!dashed || (value.charAt(4) == '-' && value.charAt(7) == '-'));
        String digits =
                !shaped ? "" : dashed ? value.substring(0, 4) + value.substring(5, 7) + value.substring(8, 10) : value;
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                shaped = false;
            }
        }
        if (!shaped) {
            if (field.lenient()) {
                return List.of();
            }
            throw malformedDate(field, line);
        }
        if (!field.lenient()) {
            try {
                LocalDate.of(
                        Integer.parseInt(digits, 0, 4, 10),
                        Integer.parseInt(digits, 4, 6, 10),
                        Integer.parseInt(digits, 6, 8, 10));
            } catch (DateTimeException e) {
                throw malformedDate(field, line);
            }
        }
        String mm = digits.substring(4, 6);
        String dd = digits.substring(6, 8);
        String pair = mm.compareTo(dd) <= 0 ? mm + dd : dd + mm;
        return List.of(
                "y" + digits.substring(0, 4),
                "y2" + digits.charAt(2),
                "y3" + digits.charAt(3),
                "m" + mm,
                "d" + dd,
                "p" + pair);
    }

    /** Each digit with its position; other characters (spaces, dashes) are layout and are dropped. */
    static List<String> digitTokens(String value) {
        List<String> tokens = new ArrayList<>(value.length());
        int position = 0;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch >= '0' && ch <= '9') {
                tokens.add(position + ":" + ch);
                position++;
            }
        }
        return tokens;
    }

    private static InputRejected malformedDate(Field field, int line) {
        return new InputRejected("line " + line + ": field \"" + field.name() + "\" is not a valid date in the form "
                + field.dateFormat());
    }

    private static String latinLetter(char ch) {
        return switch (ch) {
            case 'ß' -> "ss";
            case 'æ' -> "ae";
            case 'œ' -> "oe";
            case 'ø' -> "o";
            case 'ł' -> "l";
            case 'đ', 'ð' -> "d";
            case 'þ' -> "th";
            case 'ı' -> "i";
            default -> String.valueOf(ch);
        };
    }

    /** Ukrainian and Russian letters, romanised close to the Ukrainian national system; folding does the rest. */
    private static String cyrillic(char ch) {
        return switch (ch) {
            case 'а' -> "a";
            case 'б' -> "b";
            case 'в' -> "v";
            case 'г' -> "h";
            case 'ґ' -> "g";
            case 'д' -> "d";
            case 'е', 'э', 'ё' -> "e";
            case 'є' -> "ie";
            case 'ж' -> "zh";
            case 'з' -> "z";
            case 'и' -> "y";
            case 'і', 'ы' -> "i";
            case 'ї' -> "i";
            case 'й' -> "i";
            case 'к' -> "k";
            case 'л' -> "l";
            case 'м' -> "m";
            case 'н' -> "n";
            case 'о' -> "o";
            case 'п' -> "p";
            case 'р' -> "r";
            case 'с' -> "s";
            case 'т' -> "t";
            case 'у' -> "u";
            case 'ф' -> "f";
            case 'х' -> "kh";
            case 'ц' -> "ts";
            case 'ч' -> "ch";
            case 'ш' -> "sh";
            case 'щ' -> "shch";
            case 'ю' -> "iu";
            case 'я' -> "ia";
            case 'ь', 'ъ', '\u0301' -> "";
            default -> "";
        };
    }
}
