package org.opennrm.linkage.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of one command, checked against the names the command knows. */
record Arguments(Map<String, String> values, boolean help) {

    static Arguments parse(List<String> args, Set<String> known) {
        Map<String, String> values = new HashMap<>();
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new UsageError("unexpected argument \"" + arg + "\"");
            }
            String name = arg.substring(2);
            if (!known.contains(name)) {
                throw new UsageError("unknown option --" + name);
            }
            if (i + 1 >= args.size()) {
                throw new UsageError("option --" + name + " needs a value");
            }
            if (values.put(name, args.get(++i)) != null) {
                throw new UsageError("option --" + name + " given twice");
            }
        }
        return new Arguments(values, help);
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new UsageError("missing option --" + name);
        }
        return value;
    }

    String optional(String name) {
        return values.get(name);
    }

    double threshold() {
        String text = required("threshold");
        double threshold;
        try {
            threshold = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageError("--threshold must be a number, not \"" + text + "\"");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new UsageError("--threshold must be above 0 and at most 1, not " + text);
        }
        return threshold;
    }
}
