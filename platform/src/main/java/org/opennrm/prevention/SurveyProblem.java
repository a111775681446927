package org.opennrm.prevention;

import java.util.List;

/**
 * What is wrong in a survey file, for the person who uploaded it: the line (0 for the file as a whole), the label key
 * of the message and its arguments.
 */
record SurveyProblem(int line, String key, List<Object> arguments) {

    SurveyProblem {
        arguments = List.copyOf(arguments);
    }

    static SurveyProblem at(int line, String key, Object... arguments) {
        return new SurveyProblem(line, key, List.of(arguments));
    }

    /** The arguments for a message: the line first. */
    public Object[] messageArguments() {
        Object[] all = new Object[arguments.size() + 1];
        all[0] = String.valueOf(line); // a line number, never grouped ("Line 1,234")
        for (int i = 0; i < arguments.size(); i++) {
            all[i + 1] = arguments.get(i);
        }
        return all;
    }
}
