package org.opennrm.cases;

/** A code that is not in the code list it must come from. */
public class CodeNotInList extends CaseRuleViolation {

    private final String list;

    CodeNotInList(String list, String code) {
        super("caseRule.codeNotInList", "'" + shortened(code) + "' is not a code of the list " + list + ".");
        this.list = list;
    }

    private static String shortened(String code) {
        return code == null ? "" : code.length() > 40 ? code.substring(0, 40) + "…" : code;
    }

    public String list() {
        return list;
    }
}
