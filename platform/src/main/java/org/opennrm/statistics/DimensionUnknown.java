package org.opennrm.statistics;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.opennrm.RuleViolation;

/** A table was asked for by a dimension the national tables do not have. */
class DimensionUnknown extends RuleViolation {

    DimensionUnknown(String word) {
        super(
                "statistics.problem.dimension",
                "Unknown dimension \"" + shown(word) + "\". Known dimensions: " + known() + ".",
                shown(word),
                known());
    }

    /** The words of the dimensions, as a URL or the API takes them. */
    private static String known() {
        return Arrays.stream(Dimension.values()).map(Dimension::word).collect(Collectors.joining(", "));
    }

    /** Echoes at most a short code-like word, never whatever text a request carried. */
    private static String shown(String word) {
        String code = word == null ? "" : word.replaceAll("[^A-Za-z0-9_-]", "");
        return code.length() > 40 ? code.substring(0, 40) : code;
    }
}
