package org.opennrm.prevention;

import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The label people read for a category code of a prevention table, in their language: the statistics office's
 * {@link org.opennrm.statistics.publishing.CategoryLabels}, so that a prevention officer and a statistician read the
 * same word for the same category. A total (no category) has no label here. Templates call it as
 * {@code @preventionCategories.label(dimension, code)}.
 */
@Component("preventionCategories")
class CategoryLabels {

    private final org.opennrm.statistics.publishing.CategoryLabels labels;

    CategoryLabels(org.opennrm.statistics.publishing.CategoryLabels labels) {
        this.labels = labels;
    }

    /** The label of a category in the reader's language; null for a total (no category). */
    public String label(String dimension, String code) {
        return label(dimension, code, LocaleContextHolder.getLocale());
    }

    String label(String dimension, String code, Locale locale) {
        return code == null ? null : labels.label(dimension, code, locale);
    }
}
