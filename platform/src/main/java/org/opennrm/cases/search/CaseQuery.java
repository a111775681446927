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

    public CaseQuery {
        text = text == null ? "" : text.strip();
        page = Math.max(page, 0);
    }

    public boolean hasText() {
        return !text.isEmpty();
    }
}
