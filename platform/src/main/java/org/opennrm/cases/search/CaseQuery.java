package org.opennrm.cases.search;

import org.opennrm.cases.CaseStatus;

/**
 * What the NRM looks for in its case list.
 *
 * @param text an NRM reference (whole or its number) or words of a person's name; blank for all cases
 * @param status open or closed cases only; null for both
 * @param page from 0
 */
public record CaseQuery(String text, CaseStatus status, int page) {

    /** The longest search text accepted: a full name with several parts, not a paragraph. */
    public static final int TEXT_LIMIT = 120;

    /** The last page asked for is read as this one: far beyond any NRM's cases, and its offset stays an int. */
    public static final int LAST_PAGE = 100_000;

    public CaseQuery {
        text = text == null ? "" : text.strip();
        page = Math.min(Math.max(page, 0), LAST_PAGE);
    }

    public boolean hasText() {
        return !text.isEmpty();
    }
}
