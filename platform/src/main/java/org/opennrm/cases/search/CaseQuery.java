package org.opennrm.cases.search;

import java.util.UUID;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.Stage;

/**
 * What the NRM looks for in its case list: search text and filters, all combined (every filter given must hold).
 *
 * @param text an NRM reference (whole or its number), words of a person's name, a date of birth, or name words and a
 *     date of birth together; blank for all cases
 * @param status open or closed cases only; null for both
 * @param stage cases at this stage only; null for any
 * @param organisationId cases referred by this organisation only; null for any
 * @param due open cases whose next deadline is passed or near; null for any
 * @param mine only the cases of the person searching (see {@link CaseSearch})
 * @param page from 0
 */
public record CaseQuery(
        String text, CaseStatus status, Stage stage, UUID organisationId, CaseDue due, boolean mine, int page) {

    /** The longest search text accepted: a full name with several parts, not a paragraph. */
    public static final int TEXT_LIMIT = 120;

    /** The last page asked for is read as this one: far beyond any NRM's cases, and its offset stays an int. */
    public static final int LAST_PAGE = 100_000;

    public CaseQuery {
        text = text == null ? "" : text.strip();
        page = Math.min(Math.max(page, 0), LAST_PAGE);
    }

    /** Search text and status only, no other filter. */
    public CaseQuery(String text, CaseStatus status, int page) {
        this(text, status, null, null, null, false, page);
    }

    public boolean hasText() {
        return !text.isEmpty();
    }

    /** Whether any filter beyond the text is set (the page then says that the list is filtered). */
    public boolean filtered() {
        return status != null || stage != null || organisationId != null || due != null || mine;
    }
}
