package org.opennrm.linkage.encoding;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line (RFC 4180 quoting, no line breaks inside fields). */
final class Csv {

    private Csv() {}

    static List<String> split(String line, int lineNumber) {
        List<String> cells = new ArrayList<>(8);
        int n = line.length();
        int i = 0;
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                StringBuilder cell = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new InputRejected("line " + lineNumber
                                + ": a quoted field is not closed (fields with line breaks are not supported)");
                    }
                    char ch = line.charAt(i++);
                    if (ch == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cell.append(ch);
                    }
                }
                cells.add(cell.toString());
                if (i < n && line.charAt(i) != ',') {
                    throw new InputRejected("line " + lineNumber + ": text after a closing quote");
                }
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                cells.add(line.substring(i, end));
                i = end;
            }
            if (i >= n) {
                return cells;
            }
            i++;
        }
    }
}
