package org.opennrm.linkage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.opennrm.linkage.encoding.EncodingFiles;
import org.opennrm.linkage.encoding.Encodings;
import org.opennrm.linkage.encoding.FieldEncodings;
import org.opennrm.linkage.encoding.InputRejected;

/**
 * Reads one agency's upload in the anonlink format (NAME.clk: N records of 128 bytes; NAME.ids: N record ids,
 * one per line, in the same order) and checks it as the library does, with messages for the person uploading.
 * The ids are checked (as many as records, none empty, none repeated) and then dropped: the platform needs to
 * know how many records there are, not what the agency calls them.
 */
final class ListUpload {

    /** A label becomes a column name in the overlap table and in R: letters, digits, spaces and {@code _ - . ( )}. */
    static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.()\\-]{0,39}");

    /** About 128 MiB of encodings; larger lists belong to the command-line tool or the Spark job. */
    static final int MAX_RECORDS = 1_000_000;

    private ListUpload() {}

    static String label(String label) {
        String stripped = label == null ? "" : label.strip();
        if (!LABEL.matcher(stripped).matches()) {
            throw new LinkageRuleViolation(
                    "linkage.upload.labelInvalid",
                    "Give the list a label of 1 to 40 letters, digits, spaces or _ - . ( ), starting with a letter or"
                            + " digit.");
        }
        return stripped;
    }

    static Encodings read(byte[] clk, byte[] ids) {
        if (clk == null || clk.length == 0) {
            throw new LinkageRuleViolation(
                    "linkage.upload.clkMissing", "Choose the list's .clk file: it holds the encodings.");
        }
        if (clk.length % Encodings.BYTES != 0) {
            throw new LinkageRuleViolation(
                    "linkage.upload.clkSize",
                    "The .clk file has " + clk.length + " bytes, which is not a multiple of 128 (one 1024-bit"
                            + " encoding per record): it is truncated or not a .clk file.",
                    clk.length);
        }
        int records = clk.length / Encodings.BYTES;
        if (records > MAX_RECORDS) {
            throw new LinkageRuleViolation(
                    "linkage.upload.tooLarge",
                    "The list has " + records + " records; a run on this platform takes at most " + MAX_RECORDS
                            + " per list.",
                    records,
                    MAX_RECORDS);
        }
        if (ids == null || ids.length == 0) {
            throw new LinkageRuleViolation(
                    "linkage.upload.idsMissing",
                    "Choose the list's .ids file: it holds one record id per line, in the order of the encodings.");
        }
        List<String> lines = lines(ids);
        if (lines.size() != records) {
            throw new LinkageRuleViolation(
                    "linkage.upload.countMismatch",
                    "The .clk file holds " + records + " encodings but the .ids file holds " + lines.size()
                            + " ids; both files must come from the same encode run.",
                    records,
                    lines.size());
        }
        Set<String> seen = new HashSet<>(records * 2);
        for (int i = 0; i < lines.size(); i++) {
            String id = lines.get(i);
            if (id.isBlank()) {
                throw new LinkageRuleViolation(
                        "linkage.upload.idEmpty", "Line " + (i + 1) + " of the .ids file is empty.", i + 1);
            }
            if (!seen.add(id)) {
                throw new LinkageRuleViolation(
                        "linkage.upload.idRepeated",
                        "Line " + (i + 1) + " of the .ids file repeats an earlier id; ids must be unique.",
                        i + 1);
            }
        }
        return encodings(clk);
    }

    /**
     * The field encodings in an uploaded NAME.fields file for a list of {@code records} records, checked as the
     * command-line tool checks them.
     */
    static FieldEncodings fields(byte[] fields, int records) {
        try {
            return EncodingFiles.parseFields(fields, records, "The .fields file");
        } catch (InputRejected e) {
            throw new LinkageRuleViolation(
                    "linkage.upload.fieldsInvalid",
                    "The .fields file cannot be used: " + e.getMessage() + ". Upload the NAME.fields file written"
                            + " by the same encode run as the .clk and .ids, or leave it out.",
                    e.getMessage());
        }
    }

    /** Refuses field encodings that cannot be compared with those of the run's list {@code otherLabel}. */
    static void compatible(FieldEncodings fields, FieldEncodings other, String otherLabel) {
        String why = fields.incompatibility(other);
        if (why != null) {
            throw new LinkageRuleViolation(
                    "linkage.upload.fieldsIncompatible",
                    "These field encodings do not fit those of the list " + otherLabel + ": " + why + ".",
                    otherLabel,
                    why);
        }
    }

    /** Encodings already checked on upload, numbered by position: the agency's ids stay with the agency. */
    static Encodings encodings(byte[] clk) {
        int records = clk.length / Encodings.BYTES;
        long[] words = new long[records * Encodings.WORDS];
        ByteBuffer.wrap(clk).order(ByteOrder.BIG_ENDIAN).asLongBuffer().get(words);
        List<String> positions = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            positions.add(Integer.toString(i));
        }
        return new Encodings(positions, words);
    }

    /** The lines of the .ids file; a final line break ends the last line rather than starting an empty one. */
    private static List<String> lines(byte[] ids) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(ids))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new LinkageRuleViolation(
                    "linkage.upload.idsNotText", "The .ids file is not UTF-8 text: is it the .clk file by mistake?");
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        lines.replaceAll(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        return lines;
    }
}
