package org.opennrm.monitoring.returns;

/**
 * One cell of a return: a category of a breakdown and how many persons it counts, with the rule it counts by, so that
 * every figure can be traced to what was counted. An "unknown" cell is the difference between a total and the
 * categories known, shown rather than dropped.
 *
 * @param category a code ({@code FEMALE}, {@code OTHER_EU}); {@link #UNKNOWN} for the difference
 * @param count persons counted (facts: one fact per person and event)
 * @param rule what was counted, in words a statistician can check against the facts
 */
record ReturnCell(String category, long count, String rule) {

    static final String UNKNOWN = "UNKNOWN";
    static final String TOTAL = "TOTAL";

    boolean unknown() {
        return UNKNOWN.equals(category);
    }

    /**
     * The rule up to the category's code where it ends with it ({@code "persons referred; sex = "}), so that a page
     * can write the category in the reader's words after it instead of the code; null where the rule does not end with
     * the code (totals, unknowns), which a page shows whole.
     */
    public String ruleBeforeCategory() {
        if (TOTAL.equals(category) || unknown() || rule == null || !rule.endsWith(category)) {
            return null;
        }
        return rule.substring(0, rule.length() - category.length());
    }
}
