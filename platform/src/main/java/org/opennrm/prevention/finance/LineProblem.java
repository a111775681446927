package org.opennrm.prevention.finance;

import java.util.List;

/** A problem of an imported file: its line (0 for the file as a whole), a message key and its arguments. */
public record LineProblem(int line, String key, List<Object> arguments) {

    public static LineProblem at(int line, String key, Object... arguments) {
        return new LineProblem(line, key, List.of(arguments));
    }

    /** The arguments of its message: the line first, then its own. */
    public Object[] messageArguments() {
        var all = new java.util.ArrayList<Object>();
        all.add(String.valueOf(line)); // a line number, never grouped ("Line 1,234")
        all.addAll(arguments);
        return all.toArray();
    }
}
