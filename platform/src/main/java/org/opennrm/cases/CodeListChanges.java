package org.opennrm.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * National extensions of the code lists, made by administrators in the pages: a national code added to an extensible
 * list ({@link CodeLists#EXTENSIBLE}) with its label in the six platform languages and the standard code it maps to, or
 * a national code retired (no longer offered; cases that hold it keep it and its label). Each change is a new version
 * of the list, audited, and offered at once without a restart.
 */
@Service
public class CodeListChanges {

    /** The platform's six interface languages: a label is written in each. */
    public static final List<String> LANGUAGES = List.of("en", "fr", "de", "it", "ru", "es");

    private static final String MANAGE = "hasAuthority('checklists:manage:all')";

    /**
     * A national code is written like the HTCDS codes, as words joined together, each a capital letter followed by
     * small letters ({@code AgriculturalDebtBondage}): statistics write a code as {@code AGRICULTURAL_DEBT_BONDAGE}
     * (capital letters and underscores only) and find its label again from that, which works only for such words.
     */
    private static final Pattern CODE = Pattern.compile("(?:[A-Z][a-z]+)+");

    /**
     * At most 26 characters: statistics join the words with underscores and keep codes of at most 40 characters (26
     * characters hold at most 13 words, so 12 underscores).
     */
    private static final int CODE_LIMIT = 26;

    private static final int LABEL_LIMIT = 120;

    private final CodeLists codeLists;
    private final NationalCodes national;
    private final AuditTrail audit;

    CodeListChanges(CodeLists codeLists, NationalCodes national, AuditTrail audit) {
        this.codeLists = codeLists;
        this.national = national;
        this.audit = audit;
    }

    /** One code of a list as the settings page shows it. */
    public record Entry(String code, String parent, boolean national, boolean retired, int addedIn) {}

    /** The codes of an extensible list: shipped ones first, then national ones with their parent and state. */
    @PreAuthorize(MANAGE)
    public List<Entry> entries(String list) {
        extensible(list);
        List<Entry> entries = new ArrayList<>();
        codeLists.shipped(list).forEach(code -> entries.add(new Entry(code, null, false, false, 1)));
        national.of(list)
                .forEach(code ->
                        entries.add(new Entry(code.code(), code.parent(), true, code.retired(), code.addedIn())));
        return List.copyOf(entries);
    }

    @PreAuthorize(MANAGE)
    public int version(String list) {
        extensible(list);
        return national.version(list);
    }

    /** The versions of a list, newest first: each a national code added or retired. */
    @PreAuthorize(MANAGE)
    public List<Version> history(String list) {
        extensible(list);
        return national.history(list).stream()
                .map(change -> new Version(change.version(), change.change(), change.code(), change.changedAt()))
                .toList();
    }

    /** One version of a list: what changed (ADDED or RETIRED), which code, when. */
    public record Version(int version, String change, String code, java.time.Instant changedAt) {}

    /**
     * Adds a national code as the next version of its list. Refused, nothing saved, with a message at the field: a code
     * the list already has (shipped, national or retired), a malformed code, a label missing in one of the six
     * languages or too long, a parent that is not a standard (shipped) code of the same list.
     */
    @Transactional
    @PreAuthorize(MANAGE)
    public int add(String list, String code, String parent, Map<String, String> labels) {
        var actor = Actor.current().orElseThrow(() -> new AccessDeniedException("Needs a signed-in administrator"));
        extensible(list);
        Map<String, List<String>> problems = new LinkedHashMap<>();
        String typed = code == null ? "" : code.strip();
        if (!CODE.matcher(typed).matches() || typed.length() > CODE_LIMIT) {
            problems.put("code", List.of("codeLists.error.code"));
        } else if (codeLists.contains(list, typed)
                || codeLists.shipped(list).stream().anyMatch(c -> c.equalsIgnoreCase(typed))
                || national.of(list).stream().anyMatch(c -> c.code().equalsIgnoreCase(typed))) {
            problems.put("code", List.of("codeLists.error.codeTaken"));
        }
        if (parent == null || !codeLists.shipped(list).contains(parent)) {
            problems.put("parent", List.of("codeLists.error.parent"));
        }
        Map<String, String> written = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            String label = labels == null ? null : labels.get(language);
            label = label == null ? "" : label.strip();
            if (label.isEmpty()) {
                problems.put("label." + language, List.of("codeLists.error.labelMissing"));
            } else if (label.length() > LABEL_LIMIT) {
                problems.put("label." + language, List.of("codeLists.error.labelLong"));
            } else {
                written.put(language, label);
            }
        }
        if (!problems.isEmpty()) {
            throw new CodeListRefused(problems);
        }
        int version = national.add(list, typed, parent, written, actor.accountId());
        audit.record(
                AuditAction.UPDATE, "code_list", list, "version=" + version + " added " + typed + " parent=" + parent);
        return version;
    }

    /** Retires a national code as the next version of its list: no longer offered, never deleted. */
    @Transactional
    @PreAuthorize(MANAGE)
    public int retire(String list, String code) {
        var actor = Actor.current().orElseThrow(() -> new AccessDeniedException("Needs a signed-in administrator"));
        extensible(list);
        var found = national.find(list, code);
        if (found.isEmpty() || found.get().retired()) {
            throw new CodeListRefused(Map.of("retire", List.of("codeLists.error.notRetirable")));
        }
        int version = national.retire(list, code, actor.accountId());
        audit.record(AuditAction.UPDATE, "code_list", list, "version=" + version + " retired " + code);
        return version;
    }

    private static void extensible(String list) {
        if (!CodeLists.EXTENSIBLE.contains(list)) {
            throw new org.opennrm.RecordNotFound("code list", list);
        }
    }

    /** A change refused: field name to the message keys of what is wrong there. */
    public static class CodeListRefused extends RuntimeException {

        private final transient Map<String, List<String>> problems;

        CodeListRefused(Map<String, List<String>> problems) {
            super("Code list change refused: " + problems.keySet());
            this.problems = Map.copyOf(problems);
        }

        public Map<String, List<String>> problems() {
            return problems;
        }
    }
}
