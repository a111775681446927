package org.opennrm.prevention.ads;

import java.util.List;

/**
 * What is wrong in an ad file, for the analyst who imported it: the line of a CSV file or the entry of a JSON file (0
 * for the file as a whole), the label key of the message and its arguments.
 */
public record AdProblem(int line, String key, List<Object> arguments) {

    public AdProblem {
        arguments = List.copyOf(arguments);
    }

    static AdProblem at(int line, String key, Object... arguments) {
        return new AdProblem(line, key, List.of(arguments));
    }

    /** The arguments for the message: the line first. */
    public Object[] messageArguments() {
        Object[] all = new Object[arguments.size() + 1];
        all[0] = String.valueOf(line); // a line number, never grouped ("Line 1,234")
        for (int i = 0; i < arguments.size(); i++) {
            all[i + 1] = arguments.get(i);
        }
        return all;
    }
}
