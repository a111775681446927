package org.opennrm.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One combination of indicator strengths that makes an element present, read as "at least": at least
 * {@code strong} strong, {@code medium} medium and {@code weak} weak indicators, and at least
 * {@code mediumOrWeak} that are medium or weak. Written in settings as {@code 1 strong + 1 medium-or-weak}.
 */
public record Clause(int strong, int medium, int weak, int mediumOrWeak) {

    private static final Pattern PART = Pattern.compile("(\\d+)\\s*(strong|medium-or-weak|medium|weak)");

    public Clause {
        if (strong < 0 || medium < 0 || weak < 0 || mediumOrWeak < 0) {
            throw new IllegalArgumentException("A clause counts indicators: no negative numbers");
        }
        if (strong + medium + weak + mediumOrWeak == 0) {
            throw new IllegalArgumentException("A clause must ask for at least one indicator");
        }
    }

    boolean metBy(int strongCount, int mediumCount, int weakCount) {
        return strongCount >= strong
                && mediumCount >= medium
                && weakCount >= weak
                && mediumCount + weakCount >= mediumOrWeak + medium + weak;
    }

    /** The parts of the clause for display: {@code [2, STRONG]}, {@code [1, MEDIUM_OR_WEAK]}. */
    public List<Part> parts() {
        List<Part> parts = new ArrayList<>();
        if (strong > 0) {
            parts.add(new Part(strong, "STRONG"));
        }
        if (medium > 0) {
            parts.add(new Part(medium, "MEDIUM"));
        }
        if (weak > 0) {
            parts.add(new Part(weak, "WEAK"));
        }
        if (mediumOrWeak > 0) {
            parts.add(new Part(mediumOrWeak, "MEDIUM_OR_WEAK"));
        }
        return parts;
    }

    public record Part(int count, String kind) {}

    /** Reads {@code 2 strong}, {@code 1 strong + 1 medium-or-weak}, {@code 2 medium + 1 weak}. */
    static Clause parse(String text) {
        int strong = 0;
        int medium = 0;
        int weak = 0;
        int mediumOrWeak = 0;
        for (String part : text.toLowerCase(Locale.ROOT).split("\\+")) {
            Matcher matcher = PART.matcher(part.strip());
            if (!matcher.matches()) {
                throw new IllegalArgumentException(
                        "Not a clause: \"" + text + "\" (write e.g. \"1 strong + 1 medium-or-weak\")");
            }
            int count = Integer.parseInt(matcher.group(1));
            switch (matcher.group(2)) {
                case "strong" -> strong += count;
                case "medium" -> medium += count;
                case "weak" -> weak += count;
                default -> mediumOrWeak += count;
            }
        }
        return new Clause(strong, medium, weak, mediumOrWeak);
    }
}
