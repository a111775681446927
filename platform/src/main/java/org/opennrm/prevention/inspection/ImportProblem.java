package org.opennrm.prevention.inspection;

import java.util.List;

/**
 * What is wrong in an imported file, for the person who uploaded it: which file ({@code register} or
 * {@code inspections}), the line (0 for the file as a whole), the label key of the message and its arguments.
 */
public record ImportProblem(String file, int line, String key, List<Object> arguments) {

    public ImportProblem {
        arguments = List.copyOf(arguments);
    }

    static ImportProblem at(String file, int line, String key, Object... arguments) {
        return new ImportProblem(file, line, key, List.of(arguments));
    }

    /** The arguments for a message: the line first, then the message's own. */
    public Object[] messageArguments() {
        Object[] all = new Object[arguments.size() + 1];
        all[0] = String.valueOf(line); // a line number, never grouped ("Line 1,234")
        for (int i = 0; i < arguments.size(); i++) {
            all[i + 1] = arguments.get(i);
        }
        return all;
    }
}
