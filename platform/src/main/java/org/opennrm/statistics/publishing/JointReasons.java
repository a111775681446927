package org.opennrm.statistics.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A reason of the joint check ({@link JointReason}) in the reader's language, for the pages that show what was
 * withheld (a release, the statistics page, an official return): "withheld because otherwise the cell “Referrals, 2025-Q1
 * to 2025-Q4, Sex: Female” could be recovered exactly through release “Ages 2025”, table 1; age bands 0-8 and 9-17 are
 * children, the others adults". Categories are named by the labels every other page uses ({@link CategoryLabels});
 * the names of published releases are theirs, as their authors wrote them.
 */
@Component("jointReasons")
public class JointReasons {

    /** The names the check gives the tables it links (see JointDisclosure and Ledger). */
    private static final Pattern TABLE = Pattern.compile("table (\\d+)");

    private static final Pattern RELEASE = Pattern.compile("release “(.*)”, table (\\d+)");
    private static final String THIS_TABLE = "this table";
    private static final String THIS_RELEASE = " (this release)";

    private final MessageSource messages;
    private final CategoryLabels labels;

    JointReasons(MessageSource messages, CategoryLabels labels) {
        this.messages = messages;
        this.labels = labels;
    }

    /** The whole reason as one sentence. */
    public String text(JointReason reason, Locale locale) {
        return reason.kind() == JointReason.Kind.REVISED
                ? message("statistics.disclosure.because.REVISED", locale, through(reason, locale))
                : message("statistics.disclosure.because.EXPOSED", locale, exposure(reason, locale));
    }

    /**
     * What a reader could otherwise do, as a clause: "the cell “…” could be recovered exactly through …" (also what a
     * refused release says it could not prevent).
     */
    public String exposure(JointReason reason, Locale locale) {
        return message(
                "statistics.disclosure.exposure." + reason.kind().name(),
                locale,
                cell(reason.cell(), locale),
                through(reason, locale),
                reason.range());
    }

    /** Several exposures as one list, in the reader's way of joining list items. */
    public String exposures(List<JointReason> reasons, Locale locale) {
        return list(reasons.stream().map(reason -> exposure(reason, locale)).toList(), locale);
    }

    /** Items joined as the reader's language joins them ("a; b" in English, "a ; b" in French); empty for none. */
    private String list(List<String> items, Locale locale) {
        String joined = items.isEmpty() ? "" : items.getFirst();
        for (String next : items.subList(Math.min(1, items.size()), items.size())) {
            joined = message("statistics.disclosure.because.list", locale, joined, next);
        }
        return joined;
    }

    /** "Referrals, 2025-Q1 to 2025-Q4, region North, Age band: 9-17, Sex: Female". */
    String cell(JointReason.Cell cell, Locale locale) {
        if (cell == null) {
            return message("statistics.disclosure.because.noCell", locale);
        }
        List<String> parts = new ArrayList<>();
        parts.add(orElse("statistics.event." + cell.event(), locale, cell.event()));
        if (cell.from() == null && cell.to() == null) {
            parts.add(message("statistics.disclosure.because.allPeriods", locale));
        } else {
            parts.add(message(
                    "statistics.disclosure.because.period",
                    locale,
                    cell.from() == null ? "…" : cell.from(),
                    cell.to() == null ? "…" : cell.to()));
        }
        if (cell.region() != null) {
            parts.add(
                    "UNKNOWN".equals(cell.region())
                            ? message("statistics.disclosure.because.regionUnknown", locale)
                            : message(
                                    "statistics.disclosure.because.region",
                                    locale,
                                    labels.label("REGION", cell.region(), locale)));
        }
        cell.categories().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(category -> parts.add(message(
                        "statistics.disclosure.because.category",
                        locale,
                        dimension(category.getKey(), locale),
                        labels.label(category.getKey(), category.getValue(), locale))));
        String joined = String.join(", ", parts);
        return cell.difference() ? message("statistics.disclosure.because.difference", locale, joined) : joined;
    }

    /** The tables, then the structures, then how many more: "release “Ages”, table 1; table 2 (this release)". */
    private String through(JointReason reason, Locale locale) {
        List<String> names = new ArrayList<>();
        reason.sources().forEach(source -> names.add(source(source, locale)));
        reason.structures()
                .forEach(structure ->
                        names.add(message("statistics.disclosure.because.structure." + structure.name(), locale)));
        String joined = list(names, locale);
        return reason.more() > 0
                ? message("statistics.disclosure.because.more", locale, joined, reason.more())
                : joined;
    }

    /** A table's name in the reader's language, where the check named it; anything else as it is. */
    String source(String source, Locale locale) {
        boolean thisRelease = source.endsWith(THIS_RELEASE);
        String name = thisRelease ? source.substring(0, source.length() - THIS_RELEASE.length()) : source;
        String words;
        Matcher table = TABLE.matcher(name);
        Matcher release = RELEASE.matcher(name);
        if (table.matches()) {
            words = message("statistics.disclosure.source.table", locale, table.group(1));
        } else if (release.matches()) {
            words = message("statistics.disclosure.source.release", locale, release.group(1), release.group(2));
        } else if (THIS_TABLE.equals(name)) {
            words = message("statistics.disclosure.source.thisTable", locale);
        } else {
            words = name;
        }
        return thisRelease ? message("statistics.disclosure.source.thisRelease", locale, words) : words;
    }

    /** "Age band" for {@code AGE_BAND}; a dimension without a word of its own is shown as its name in lower case. */
    private String dimension(String name, Locale locale) {
        String key = name.toLowerCase(Locale.ROOT).replace('_', '-');
        return orElse("statistics.dimension." + key, locale, key.replace('-', ' '));
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private String orElse(String key, Locale locale, String fallback) {
        return messages.getMessage(key, null, fallback, locale);
    }
}
